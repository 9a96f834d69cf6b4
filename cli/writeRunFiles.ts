// Writes a finished run's files into a folder, each atomically (Node, the CLI process).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { metricsToCsv } from '../engine/export/metricsCsv.js';
import { encodeWeightsNpz } from '../engine/export/npz.js';
import { toWeightsDocument } from '../engine/export/weightsJson.js';
import type { EpochMetrics } from '../engine/protocol.js';
import type { TrainedWeights } from '../engine/spec.js';
import { writeFileAtomically } from './atomicWrite.js';
import type { RunReport } from './runReport.js';

/** Writes metrics.csv, metrics.json, weights.json and weights.npz into `folder` (created if needed); returns their paths. */
export function writeRunFiles(folder: string, report: RunReport, history: readonly EpochMetrics[], weights: TrainedWeights): string[] {
  mkdirSync(folder, { recursive: true });
  const files: [string, string | Uint8Array][] = [
    ['metrics.csv', metricsToCsv(history)],
    ['metrics.json', JSON.stringify(report, null, 2) + '\n'],
    ['weights.json', JSON.stringify(toWeightsDocument(weights)) + '\n'],
    ['weights.npz', encodeWeightsNpz(weights)],
  ];
  return files.map(([name, contents]) => {
    const path = join(folder, name);
    writeFileAtomically(path, contents);
    return path;
  });
}
