// The series the Training charts draw besides the current run's (renderer): past runs overlaid in their colours, and the epoch axis over all of them; pure.
import { epochDomain } from '../../plots/chartGeometry.js';
import type { Indexed } from '../../plots/decimate.js';
import type { EpochMetrics } from '../../engine/training/epochMetrics.js';
import { LIVE_EPOCH_POINTS, metricPoints, splitsOf, type Metric } from '../charts/learningCurveSeries.js';
import type { LineSeries } from '../charts/lineSeries.js';
import type { HistoryEntry } from '../models/runHistory.js';

/** Each overlaid run's train curve (solid) and test curve (dashed, when it had a test set) in the run's colour, decimated as the live run's. */
export function overlaySeries(entries: readonly HistoryEntry[], metric: Metric): LineSeries[] {
  return entries.flatMap((e) =>
    splitsOf(e.run.history).map((split) => ({
      key: `${e.run.runId}-${split}`,
      label: `${e.run.label} (${split})`,
      colour: e.colour,
      dash: split === 'test' ? '5 3' : undefined,
      overlay: true,
      points: metricPoints(e.run.history, metric, split, LIVE_EPOCH_POINTS),
    })),
  );
}

/** The epoch axis spans the current run's planned epochs and every overlaid run's length. */
export function curvesXDomain(plannedEpochs: number, history: Indexed<EpochMetrics>, overlays: readonly HistoryEntry[]): [number, number] {
  const longest = Math.max(0, ...overlays.map((e) => e.run.history.at(-1)?.epoch ?? 0));
  const [from, to] = epochDomain(plannedEpochs, history.at(-1)?.epoch ?? 0);
  return [from, Math.max(to, longest)];
}
