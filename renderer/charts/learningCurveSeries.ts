// The lines of a run's learning curves (renderer, pure): train and test per epoch in the theme's colours, and their axes; shared by the Training lab and the learning-curves file.
import { accuracyDomain, lossDomain } from '../../plots/chartGeometry.js';
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

/** The points of one metric on one split, one per epoch that has it. */
export function metricPoints(history: readonly CurvePoint[], metric: Metric, split: DataSplit): { x: number; y: number }[] {
  return history.flatMap((m) => {
    const y = metricValue(m, metric, split);
    return y === undefined ? [] : [{ x: m.epoch, y }];
  });
}

/** The splits a history has figures for: train, and test unless the run had no test set. */
export function splitsOf(history: readonly CurvePoint[]): DataSplit[] {
  return history.length > 0 && history.every((m) => m.testLoss === undefined) ? ['train'] : ['train', 'test'];
}

/** Train and test (train only without a test set), one point per epoch, dotted while there are at most MAX_EPOCH_POINTS epochs. */
export function epochSeries(history: readonly CurvePoint[], metric: Metric): LineSeries[] {
  const dots = history.length <= MAX_EPOCH_POINTS;
  return splitsOf(history).map((split) => ({
    key: split,
    ...SPLIT_STYLES[split],
    dots,
    points: metricPoints(history, metric, split),
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
