// Writes a finished run's files into a folder, all of them together or none (Node, the CLI process).
import { join } from 'node:path';
import { metricsToCsv } from '../engine/export/metricsCsv.js';
import { weightsJsonText } from '../engine/export/weightsJson.js';
import { LOSS_TITLES, type LossName } from '../engine/losses/lossNames.js';
import type { TrainFinished } from '../engine/protocol/training.js';
import { writeFileAtomically } from '../node/atomicWrite.js';
import type { LearningCurvesOptions } from '../plots/learningCurves.js';
import { loadChartFiles } from './chartFiles.js';
import { writeFolderTogether } from './outFolder.js';
import type { RunReport } from './runReport.js';
import { productVersion } from './version.js';

/** How a run's learning-curves file is labelled: the loss's title, and a caption naming the network, data, seed and outcome. */
export function learningCurvesOptions(report: RunReport): LearningCurvesOptions {
  return {
    lossLabel: LOSS_TITLES[report.hyperparameters.loss as LossName],
    caption: `${report.net} on ${report.data} · seed ${report.hyperparameters.seed} · ${report.message}`,
    plannedEpochs: report.hyperparameters.epochs,
  };
}

/**
 * Writes metrics.csv, metrics.json, weights.json, weights.npz, model.onnx (float64), model-float32.onnx, learning-curves.svg, learning-curves.png and the
 * engine's train_run.py (when given)
 * into `folder` (created if needed); returns their paths. They are written into a staging folder beside it and moved into
 * place only when all are complete, so a failure never leaves a folder mixing two runs. The curves are the lab's own chart component, rendered in Node.
 * The encoders, the charts and the rasteriser (fflate, protobufjs, Svelte's server build, resvg) are loaded here, so a
 * run that writes no files never loads them.
 */
export async function writeRunFiles(folder: string, report: RunReport, finished: TrainFinished, script?: Uint8Array): Promise<string[]> {
  const [{ encodeWeightsNpz }, { encodeOnnxModel }, { learningCurvesSvg }, { renderPng }] = await Promise.all([
    import('../engine/export/npz.js'),
    import('../engine/export/onnx.js'),
    loadChartFiles(),
    import('./renderPng.js'),
  ]);
  const svg = learningCurvesSvg(finished.history, learningCurvesOptions(report));
  const files: [string, string | Uint8Array][] = [
    ['metrics.csv', metricsToCsv(finished.history)],
    ['metrics.json', JSON.stringify(report, null, 2) + '\n'],
    ['weights.json', weightsJsonText(finished.weights)],
    ['weights.npz', encodeWeightsNpz(finished.weights)],
    ['model.onnx', encodeOnnxModel(finished.weights, productVersion())],
    ['model-float32.onnx', encodeOnnxModel(finished.weights, productVersion(), 'float32')],
    ['learning-curves.svg', svg],
    ['learning-curves.png', renderPng(svg)],
    ...(script ? ([['train_run.py', script]] as [string, Uint8Array][]) : []),
  ];
  return writeFolderTogether(folder, async (staging) =>
    files.map(([name, contents]) => {
      const path = join(staging, name);
      writeFileAtomically(path, contents);
      return path;
    }),
  );
}
