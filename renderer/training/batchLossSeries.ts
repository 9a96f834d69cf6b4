// The per-minibatch training loss of a run, thinned as it grows (renderer): consecutive batches are averaged, no value is made up; pure.
import type { Point } from '../../plots/chartGeometry.js';

/** A run of consecutive minibatches: their numbers, how many had a finite loss, and the sum of those losses. */
export interface BatchBucket {
  first: number;
  last: number;
  finiteCount: number;
  sum: number;
}

export interface BatchLossSeries {
  /** Minibatches per full bucket: 1 until there are more than `maxPoints` batches, then doubled as needed. */
  bucketSize: number;
  buckets: readonly BatchBucket[];
  /** The number of the last minibatch received (0 before any). */
  lastBatch: number;
}

export const EMPTY_BATCH_LOSSES: BatchLossSeries = { bucketSize: 1, buckets: [], lastBatch: 0 };

/** About this many points are drawn at most (between half of it and all of it). */
export const MAX_BATCH_POINTS = 2000;

function merge(a: BatchBucket, b: BatchBucket | undefined): BatchBucket {
  return b ? { first: a.first, last: b.last, finiteCount: a.finiteCount + b.finiteCount, sum: a.sum + b.sum } : a;
}

/**
 * Adds the losses of minibatches `firstBatch`, `firstBatch + 1`, …. When the buckets outnumber `maxPoints`, neighbours are
 * merged in pairs, so each drawn point stays the mean of an equal run of real batches (the last may be shorter).
 */
export function appendBatchLosses(series: BatchLossSeries, firstBatch: number, losses: ArrayLike<number>, maxPoints = MAX_BATCH_POINTS): BatchLossSeries {
  let { bucketSize } = series;
  let buckets = [...series.buckets];
  for (let i = 0; i < losses.length; i++) {
    const batch = firstBatch + i;
    const loss = losses[i]!;
    const finite = Number.isFinite(loss);
    const open = buckets.at(-1);
    const joins = open && open.last === batch - 1 && open.last - open.first + 1 < bucketSize;
    if (open && joins) {
      buckets[buckets.length - 1] = { first: open.first, last: batch, finiteCount: open.finiteCount + (finite ? 1 : 0), sum: open.sum + (finite ? loss : 0) };
    } else {
      buckets.push({ first: batch, last: batch, finiteCount: finite ? 1 : 0, sum: finite ? loss : 0 });
    }
    if (buckets.length > maxPoints) {
      bucketSize *= 2;
      const merged: BatchBucket[] = [];
      for (let j = 0; j < buckets.length; j += 2) merged.push(merge(buckets[j]!, buckets[j + 1]));
      buckets = merged;
    }
  }
  const lastBatch = losses.length ? Math.max(series.lastBatch, firstBatch + losses.length - 1) : series.lastBatch;
  return { bucketSize, buckets, lastBatch };
}

/** One point per bucket at its middle batch; the mean of its finite losses, NaN (a gap in the line) when it had none. */
export function batchLossPoints(series: BatchLossSeries): Point[] {
  return series.buckets.map((b) => ({ x: (b.first + b.last) / 2, y: b.finiteCount ? b.sum / b.finiteCount : Number.NaN }));
}
