// The lines of a run's learning curves (renderer, pure): train and test per epoch in the theme's colours, and their axes; shared by the Training lab and the learning-curves file.
import { accuracyDomain, lossDomain } from '../../plots/chartGeometry.js';
import { decimatedIndices, type Indexed } from '../../plots/decimate.js';
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

/** One metric's value of an epoch on a split; undefined for the test split of a run without a test set. */
export function metricValue(m: CurvePoint, metric: Metric, split: DataSplit): number | undefined {
  return metric === 'loss' ? (split === 'train' ? m.trainLoss : m.testLoss) : split === 'train' ? m.trainAccuracy : m.testAccuracy;
}

/**
 * Whether a run's curves get dots: while it has at most MAX_EPOCH_POINTS epochs — but a run planned for more is drawn
 * without them while it trains, since it would drop them at that epoch (a fast run makes and throws away hundreds of
 * circles within a second); stopped early, it gets them.
 */
export function dottedCurves(epochs: number, plannedEpochs: number, live: boolean): boolean {
  return epochs <= MAX_EPOCH_POINTS && !(live && plannedEpochs > MAX_EPOCH_POINTS);
}

/** The lab draws at most about this many epochs of a live run's curve (decimated, see decimatedIndices); files draw every one. */
export const LIVE_EPOCH_POINTS = 1000;

/** The points of one metric on one split, one per epoch that has it — or, beyond `maxPoints` epochs, of every 2^k-th and the last. */
export function metricPoints(history: Indexed<CurvePoint>, metric: Metric, split: DataSplit, maxPoints = Infinity): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  for (const i of decimatedIndices(history.length, maxPoints)) {
    const m = history.at(i)!;
    const y = metricValue(m, metric, split);
    if (y !== undefined) points.push({ x: m.epoch, y });
  }
  return points;
}

/** The splits a history has figures for: train, and test unless the run had no test set (its epochs all have test figures or none do). */
export function splitsOf(history: Indexed<CurvePoint>): DataSplit[] {
  return history.length > 0 && history.at(0)!.testLoss === undefined && history.at(-1)!.testLoss === undefined ? ['train'] : ['train', 'test'];
}

/**
 * Train and test (train only without a test set), one point per epoch — or, beyond `maxPoints`, every 2^k-th epoch and
 * the last — dotted while there are at most MAX_EPOCH_POINTS epochs (unless `dotted` says otherwise).
 */
export function epochSeries(history: Indexed<CurvePoint>, metric: Metric, maxPoints = Infinity, dotted = history.length <= MAX_EPOCH_POINTS): LineSeries[] {
  const dots = dotted && history.length <= MAX_EPOCH_POINTS;
  return splitsOf(history).map((split) => ({
    key: split,
    ...SPLIT_STYLES[split],
    dots,
    points: metricPoints(history, metric, split, maxPoints),
  }));
}

/**
 * The y axis of a metric over every drawn series. On a log axis a loss spans its smallest to its largest positive value
 * (a log axis has no 0; the chart widens it to whole decades), 0.1 to 1 before there is any.
 */
export function curvesYDomain(metric: Metric, series: readonly Pick<LineSeries, 'points'>[], scale: 'linear' | 'log' = 'linear'): [number, number] {
  let lowest = Infinity;
  let highest = -Infinity;
  let lowestPositive = Infinity;
  for (const s of series)
    for (const { y } of s.points) {
      if (!Number.isFinite(y)) continue;
      if (y < lowest) lowest = y;
      if (y > highest) highest = y;
      if (y > 0 && y < lowestPositive) lowestPositive = y;
    }
  if (metric === 'loss' && scale === 'log') return highest > 0 ? [lowestPositive, highest] : [0.1, 1];
  return metric === 'loss' ? lossDomain(highest === -Infinity ? [] : [highest]) : accuracyDomain(lowest === Infinity ? [] : [lowest]);
}

/** A dot's tooltip: "Train, epoch 3: 0.2500". */
export function curvePointTitle(xLabel: string, formatY: (y: number) => string): (series: LineSeries, point: { x: number; y: number }) => string {
  return (series, point) => `${series.label}, ${xLabel.toLowerCase()} ${point.x}: ${formatY(point.y)}`;
}

/** An accuracy as "91.5%". */
export const percent = (y: number) => `${(y * 100).toFixed(1)}%`;
