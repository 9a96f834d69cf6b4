// A comparison's figures (renderer, pure): per network, the mean test accuracy and loss per epoch with a band, and the results table.
import type { CompareRun } from '../../engine/protocol/compare.js';

/** The band drawn around a mean: the runs' smallest to largest value, or one standard deviation either side. */
export type BandKind = 'min-max' | 'sd';

export const BAND_OPTIONS: readonly { value: BandKind; label: string }[] = [
  { value: 'min-max', label: 'Min to max over the seeds' },
  { value: 'sd', label: '±1 standard deviation' },
];

/** Mean, population standard deviation, smallest and largest of some values. */
export interface Summary {
  mean: number;
  sd: number;
  min: number;
  max: number;
  count: number;
}

export function summarize(values: readonly number[]): Summary {
  const count = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / count;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / count);
  return { mean, sd, min: Math.min(...values), max: Math.max(...values), count };
}

/** One epoch of a network's band: the mean and the band's ends. */
export interface BandPoint {
  x: number;
  mean: number;
  low: number;
  high: number;
}

export type ComparedMetric = 'testAccuracy' | 'testLoss';

/** The per-epoch mean and band of a metric over a network's runs, for every epoch that each of its runs reached. */
export function bandOf(runs: readonly Pick<CompareRun, 'history'>[], metric: ComparedMetric, kind: BandKind): BandPoint[] {
  if (runs.length === 0) return [];
  const epochs = Math.min(...runs.map((r) => r.history.length));
  const points: BandPoint[] = [];
  for (let e = 0; e < epochs; e++) {
    const values = runs.map((r) => r.history[e]![metric]).filter((v): v is number => v !== undefined && Number.isFinite(v));
    if (values.length === 0) continue;
    const s = summarize(values);
    points.push({ x: runs[0]!.history[e]!.epoch, mean: s.mean, low: kind === 'sd' ? s.mean - s.sd : s.min, high: kind === 'sd' ? s.mean + s.sd : s.max });
  }
  return points;
}

/** A row of the results table: one network over its finished runs. */
export interface ResultRow {
  network: number;
  name: string;
  runs: number;
  parameters: number | undefined;
  accuracy: Summary | undefined;
  loss: Summary | undefined;
  /** Seconds per run. */
  seconds: Summary | undefined;
  /** Runs that diverged (their last loss is not finite) are counted, not averaged. */
  diverged: number;
}

/** One row per network, in the order they were picked, from the runs finished so far. */
export function resultRows(names: readonly string[], runs: readonly CompareRun[]): ResultRow[] {
  return names.map((name, network) => {
    const mine = runs.filter((r) => r.network === network);
    const completed = mine.filter((r) => r.reason === 'completed' && r.history.length > 0);
    const finals = completed.map((r) => r.history.at(-1)!);
    const accuracies = finals.map((m) => m.testAccuracy).filter((v): v is number => v !== undefined);
    const losses = finals.map((m) => m.testLoss).filter((v): v is number => v !== undefined);
    return {
      network,
      name,
      runs: mine.length,
      parameters: mine[0]?.parameterCount,
      accuracy: accuracies.length ? summarize(accuracies) : undefined,
      loss: losses.length ? summarize(losses) : undefined,
      seconds: mine.length ? summarize(mine.map((r) => r.seconds)) : undefined,
      diverged: mine.filter((r) => r.reason === 'diverged').length,
    };
  });
}

/** "0.970 ± 0.004". */
export function meanPlusMinus(summary: Summary | undefined, digits = 3): string {
  return summary ? `${summary.mean.toFixed(digits)} ± ${summary.sd.toFixed(digits)}` : '–';
}
