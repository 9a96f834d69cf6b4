// Answers export.build: the bytes of weights.json, weights.npz, model.onnx (float64), model-float32.onnx, metrics.csv, split.csv or train_run.py, for the host to save; pure.
// The .npz and ONNX encoders (fflate, protobufjs) are loaded only when such a file is asked for.
import { SEED_STREAMS } from '../data/dataSets.js';
import { dataSourceName } from '../data/dataSource.js';
import { metricsToCsv } from '../export/metricsCsv.js';
import { splitToCsv } from '../export/splitCsv.js';
import { utf8Bytes } from '../export/utf8.js';
import { weightsJsonText } from '../export/weightsJson.js';
import { WeightsMismatchError } from '../network/loadWeights.js';
import { buildNetwork } from '../network/network.js';
import { weightsMismatchForData } from '../analysis/weightsMismatchForData.js';
import type { ErrorEvent } from '../protocol/errors.js';
import type { ExportBuild, ExportFile } from '../protocol/export.js';
import { deriveRandom } from '../random.js';
import type { TrainedWeights } from '../trainedWeights.js';
import type { EngineContext } from './engineContext.js';

/** The producer version written into ONNX models built by the engine process. */
const PRODUCER = 'Backprop Lab';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * train_run.py for trained `weights`: the run's data prepared again as it was, its initial weights made again from its seed
 * (as training makes them), and both embedded with the network, loss and optimizer in a PyTorch script.
 */
async function pytorchScriptFile(
  request: ExportBuild,
  weights: TrainedWeights,
  context: Pick<EngineContext, 'loadData' | 'kernels'>,
): Promise<Uint8Array | ErrorEvent> {
  const fail = (field: string, message: string): ErrorEvent => ({ type: 'error', requestId: request.requestId, field, message });
  const training = request.training;
  if (!training) return fail('training', "train_run.py needs the run's data set and hyperparameters");
  const { dataSet, hyper } = training;
  let data;
  try {
    data = await context.loadData(dataSet, {
      trainFraction: hyper.trainFraction,
      seed: hyper.seed,
      normalisation: hyper.normalisation,
      extraFeatures: hyper.extraFeatures,
    });
  } catch (error) {
    return fail('training.dataSet', `cannot load the data: ${messageOf(error)}`);
  }
  const mismatch = weightsMismatchForData(weights, data);
  if (mismatch) return fail('weights', mismatch);
  try {
    const network = buildNetwork(weights.spec, deriveRandom(hyper.seed, SEED_STREAMS.init), context.kernels);
    const decayed = network.layers.flatMap((layer, index) => layer.parameters.filter((p) => p.decayed).map((p) => ({ layer: index, name: p.name })));
    const { pytorchScript } = await import('../export/pytorchScript.js');
    const text = pytorchScript({
      spec: weights.spec,
      hyper,
      data,
      dataName: dataSourceName(dataSet),
      initial: network.trainedWeights(),
      trained: weights,
      decayed,
      producer: PRODUCER,
    });
    return utf8Bytes(text);
  } catch (error) {
    return fail(error instanceof WeightsMismatchError ? `weights.${error.field}` : 'weights', messageOf(error));
  }
}

/** The bytes of the requested export file, or an error naming the missing input. */
export async function handleExportBuild(request: ExportBuild, context: Pick<EngineContext, 'loadData' | 'kernels'>): Promise<ExportFile | ErrorEvent> {
  const { requestId, format, weights, history, split } = request;
  const file = (mime: string, bytes: Uint8Array): ExportFile => ({ type: 'export.file', requestId, fileName: format, mime, bytes });
  if (format === 'metrics.csv') {
    if (!history) return { type: 'error', requestId, field: 'history', message: "metrics.csv needs the run's history" };
    return file('text/csv', utf8Bytes(metricsToCsv(history)));
  }
  if (format === 'split.csv') {
    if (!split) return { type: 'error', requestId, field: 'split', message: "split.csv needs the run's split (its train and test rows)" };
    return file('text/csv', utf8Bytes(splitToCsv(split)));
  }
  if (!weights) return { type: 'error', requestId, field: 'weights', message: `${format} needs trained weights` };
  switch (format) {
    case 'weights.json':
      return file('application/json', utf8Bytes(weightsJsonText(weights)));
    case 'weights.npz':
      return file('application/zip', (await import('../export/npz.js')).encodeWeightsNpz(weights));
    case 'model.onnx':
      return file('application/octet-stream', (await import('../export/onnx.js')).encodeOnnxModel(weights, PRODUCER));
    case 'model-float32.onnx':
      return file('application/octet-stream', (await import('../export/onnx.js')).encodeOnnxModel(weights, PRODUCER, 'float32'));
    case 'train_run.py': {
      const bytes = await pytorchScriptFile(request, weights, context);
      return bytes instanceof Uint8Array ? file('text/x-python', bytes) : bytes;
    }
  }
}
