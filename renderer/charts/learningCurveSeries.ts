// The lines of a run's learning curves (renderer, pure): train and test per epoch in the theme's colours, and their axes; shared by the Training lab and the learning-curves file.
import { accuracyDomain, lossDomain } from '../../plots/chartGeometry.js';
import { decimatedPoints, type Indexed } from '../../plots/decimate.js';
import type { CurvePoint } from '../../plots/learningCurves.js';
import { COLOURS } from '../../plots/theme.js';
import type { LineSeries } from './lineSeries.js';

export type Metric = 'loss' | 'accuracy';
export type DataSplit = 'train' | 'test';

/** Beyond this many epochs the curves are drawn as lines only: thousands of circles would slow every redraw. */
export const MAX_EPOCH_POINTS = 300;

/** How each split's curve looks: train solid, test dashed. */
export const SPLIT_STYLES: Record<DataSplit, { label: string; colour: string; dash?: string }> = {
  train: { label: 'Train', colour: COLOURS.train },
  test: { label: 'Test', colour: COLOURS.test, dash: '6 3' },
};

/** One metric's value of an epoch on a split. */
export function metricValue(m: CurvePoint, metric: Metric, split: DataSplit): number {
  return metric === 'loss' ? (split === 'train' ? m.trainLoss : m.testLoss) : split === 'train' ? m.trainAccuracy : m.testAccuracy;
}

/** The lab draws at most about this many epochs of a live run's curve (decimated, see decimatedIndices); files draw every one. */
export const LIVE_EPOCH_POINTS = 1000;

/**
 * Train and test, one point per epoch — or, beyond `maxPoints`, every 2^k-th epoch and the last — dotted while there are
 * at most MAX_EPOCH_POINTS epochs.
 */
export function epochSeries(history: Indexed<CurvePoint>, metric: Metric, maxPoints = Infinity): LineSeries[] {
  const dots = history.length <= MAX_EPOCH_POINTS;
  return (['train', 'test'] as const).map((split) => ({
    key: split,
    ...SPLIT_STYLES[split],
    dots,
    points: decimatedPoints(history, maxPoints, (m) => ({ x: m.epoch, y: metricValue(m, metric, split) })),
  }));
}

/** The y axis of a metric over every drawn series. */
export function curvesYDomain(metric: Metric, series: readonly Pick<LineSeries, 'points'>[]): [number, number] {
  const values = series.flatMap((s) => s.points.map((p) => p.y));
  return metric === 'loss' ? lossDomain(values) : accuracyDomain(values);
}

/** A dot's tooltip: "Train, epoch 3: 0.2500". */
export function curvePointTitle(xLabel: string, formatY: (y: number) => string): (series: LineSeries, point: { x: number; y: number }) => string {
  return (series, point) => `${series.label}, ${xLabel.toLowerCase()} ${point.x}: ${formatY(point.y)}`;
}

/** An accuracy as "91.5%". */
export const percent = (y: number) => `${(y * 100).toFixed(1)}%`;
