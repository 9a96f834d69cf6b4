// Writes a finished run's files into a folder, each atomically (Node, the CLI process).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { metricsToCsv } from '../engine/export/metricsCsv.js';
import { encodeWeightsNpz } from '../engine/export/npz.js';
import { encodeOnnxModel } from '../engine/export/onnx.js';
import { weightsJsonText } from '../engine/export/weightsJson.js';
import { LOSS_TITLES } from '../engine/losses/lossNames.js';
import type { TrainFinished } from '../engine/protocol/training.js';
import { writeFileAtomically } from '../node/atomicWrite.js';
import { learningCurvesSvg } from '../plots/learningCurvesSvg.js';
import { renderPng } from './renderPng.js';
import type { RunReport } from './runReport.js';
import { productVersion } from './version.js';

/**
 * Writes metrics.csv, metrics.json, weights.json, weights.npz, model.onnx, learning-curves.svg and learning-curves.png
 * into `folder` (created if needed); returns their paths.
 */
export function writeRunFiles(folder: string, report: RunReport, finished: TrainFinished): string[] {
  mkdirSync(folder, { recursive: true });
  const svg = learningCurvesSvg(finished.history, {
    lossLabel: LOSS_TITLES[finished.settings.loss],
    caption: `${report.net} on ${report.data} · seed ${report.hyperparameters.seed} · ${finished.message}`,
    plannedEpochs: report.hyperparameters.epochs,
  });
  const files: [string, string | Uint8Array][] = [
    ['metrics.csv', metricsToCsv(finished.history)],
    ['metrics.json', JSON.stringify(report, null, 2) + '\n'],
    ['weights.json', weightsJsonText(finished.weights)],
    ['weights.npz', encodeWeightsNpz(finished.weights)],
    ['model.onnx', encodeOnnxModel(finished.weights, productVersion())],
    ['learning-curves.svg', svg],
    ['learning-curves.png', renderPng(svg)],
  ];
  return files.map(([name, contents]) => {
    const path = join(folder, name);
    writeFileAtomically(path, contents);
    return path;
  });
}
