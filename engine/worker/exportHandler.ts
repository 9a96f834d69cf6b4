// Answers export.build: the bytes of weights.json, weights.npz, model.onnx, metrics.csv or split.csv, for the host to save; pure.
// The .npz and ONNX encoders (fflate, protobufjs) are loaded only when such a file is asked for.
import { metricsToCsv } from '../export/metricsCsv.js';
import { splitToCsv } from '../export/splitCsv.js';
import { utf8Bytes } from '../export/utf8.js';
import { weightsJsonText } from '../export/weightsJson.js';
import type { ErrorEvent } from '../protocol/errors.js';
import type { ExportBuild, ExportFile } from '../protocol/export.js';

/** The producer version written into ONNX models built by the engine process. */
const PRODUCER = 'Backprop Lab';

/** The bytes of the requested export file, or an error naming the missing input. */
export async function handleExportBuild(request: ExportBuild): Promise<ExportFile | ErrorEvent> {
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
  }
}
