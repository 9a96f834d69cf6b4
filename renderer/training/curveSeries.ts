// The series the Training charts draw (renderer): the current run's train and test curves, past runs overlaid, and their axes; pure.
import { accuracyDomain, epochDomain, lossDomain, type Point } from '../../plots/chartGeometry.js';
import type { EpochMetrics } from '../../engine/training/epochMetrics.js';
import type { HistoryEntry } from '../models/runHistory.js';

export interface ChartSeries {
  key: string;
  label: string;
  points: readonly Point[];
}

/** A past run's curve: its colour, dashed for the test set. */
export interface OverlaySeries extends ChartSeries {
  colour: string;
  dashed: boolean;
}

export type Metric = 'loss' | 'accuracy';

const value = (m: EpochMetrics, metric: Metric, set: 'train' | 'test'): number =>
  metric === 'loss' ? (set === 'train' ? m.trainLoss : m.testLoss) : (set === 'train' ? m.trainAccuracy : m.testAccuracy);

/** Train and test, one point per epoch. */
export function epochSeries(history: readonly EpochMetrics[], metric: Metric): ChartSeries[] {
  return (['train', 'test'] as const).map((set) => ({
    key: set, label: set === 'train' ? 'Train' : 'Test', points: history.map((m) => ({ x: m.epoch, y: value(m, metric, set) })),
  }));
}

/** Each overlaid run's train curve (solid) and test curve (dashed) in the run's colour. */
export function overlaySeries(entries: readonly HistoryEntry[], metric: Metric): OverlaySeries[] {
  return entries.flatMap((e) => (['train', 'test'] as const).map((set) => ({
    key: `${e.run.runId}-${set}`,
    label: `${e.run.label} (${set})`,
    colour: e.colour,
    dashed: set === 'test',
    points: e.run.history.map((m) => ({ x: m.epoch, y: value(m, metric, set) })),
  })));
}

/** The epoch axis spans the current run's planned epochs and every overlaid run's length. */
export function curvesXDomain(plannedEpochs: number, history: readonly EpochMetrics[], overlays: readonly HistoryEntry[]): [number, number] {
  const longest = Math.max(0, ...overlays.map((e) => e.run.history.at(-1)?.epoch ?? 0));
  const [from, to] = epochDomain(plannedEpochs, history.at(-1)?.epoch ?? 0);
  return [from, Math.max(to, longest)];
}

/** The y axis of a metric over every drawn series. */
export function curvesYDomain(metric: Metric, series: readonly ChartSeries[]): [number, number] {
  const values = series.flatMap((s) => s.points.map((p) => p.y));
  return metric === 'loss' ? lossDomain(values) : accuracyDomain(values);
}
