// The epochs of a run as the Training view keeps them (renderer, pure): appended in constant time per epoch, read by index.
import type { EpochMetrics } from '../../engine/training/epochMetrics.js';

/**
 * An immutable view of the first `length` epochs of an append-only list. Appending to the newest view adds to the list
 * in place (no copy of the history); appending to an older view, or to a list it was not built on, copies first, so no
 * view ever changes under its holder.
 */
export class EpochHistory implements Iterable<EpochMetrics> {
  static readonly EMPTY = new EpochHistory([], 0, false);

  private constructor(
    private readonly list: EpochMetrics[],
    readonly length: number,
    /** Whether `list` was made here (and may grow in place), not handed in. */
    private readonly owned: boolean,
  ) {}

  /** A finished run's history as it is, without copying it (it is never written to). */
  static of(list: readonly EpochMetrics[]): EpochHistory {
    return new EpochHistory(list as EpochMetrics[], list.length, false);
  }

  /** The epoch at `index` (negative counts from the end, as Array.prototype.at). */
  at(index: number): EpochMetrics | undefined {
    const i = index < 0 ? this.length + index : index;
    return i >= 0 && i < this.length ? this.list[i] : undefined;
  }

  /** This history with `epochs` after it; epochs not after the last one kept are left out. */
  append(epochs: readonly EpochMetrics[]): EpochHistory {
    const last = this.at(-1)?.epoch ?? 0;
    const fresh = epochs.filter((m, i) => m.epoch > last && (i === 0 || m.epoch > epochs[i - 1]!.epoch));
    if (fresh.length === 0) return this;
    const inPlace = this.owned && this.list.length === this.length;
    const list = inPlace ? this.list : this.list.slice(0, this.length);
    for (const m of fresh) list.push(m);
    return new EpochHistory(list, list.length, true);
  }

  map<T>(project: (metrics: EpochMetrics, index: number) => T): T[] {
    const out: T[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = project(this.list[i]!, i);
    return out;
  }

  /** A copy of the epochs as a plain list. */
  toArray(): EpochMetrics[] {
    return this.list.slice(0, this.length);
  }

  *[Symbol.iterator](): Iterator<EpochMetrics> {
    for (let i = 0; i < this.length; i++) yield this.list[i]!;
  }
}
