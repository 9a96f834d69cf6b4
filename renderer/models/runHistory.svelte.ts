// The finished runs of this window as a runes class (renderer): kept across lab switches, overlaid on the curves, one shown in the analysis.
import type { FinishedRun } from './finishedRun.js';
import { addRun, deleteRun, overlaidRuns, renameRun, setOverlaid, type HistoryEntry } from './runHistory.js';

export class RunHistory {
  #entries = $state.raw<HistoryEntry[]>([]);
  #shownId = $state<string | null>(null);
  #serials = 0;

  #overlaid = $derived(overlaidRuns(this.#entries));
  #shown = $derived(this.#entries.find((e) => e.run.runId === this.#shownId));

  /** Oldest first. */
  get entries(): readonly HistoryEntry[] {
    return this.#entries;
  }
  get overlaid(): readonly HistoryEntry[] {
    return this.#overlaid;
  }
  /** The run whose analysis is shown, if any. */
  get shown(): HistoryEntry | undefined {
    return this.#shown;
  }

  add(run: FinishedRun): void {
    this.#serials += 1;
    this.#entries = addRun(this.#entries, run, this.#serials);
  }

  /** Replaces every run with `runs` (oldest first), numbered again from #1; nothing is shown. For opening a project. */
  replaceAll(runs: readonly FinishedRun[]): void {
    this.#serials = 0;
    this.#entries = runs.reduce<HistoryEntry[]>((entries, run) => addRun(entries, run, ++this.#serials), []);
    this.#shownId = null;
  }

  delete(runId: string): void {
    this.#entries = deleteRun(this.#entries, runId);
    if (this.#shownId === runId) this.#shownId = null;
  }

  rename(runId: string, name: string): void {
    this.#entries = renameRun(this.#entries, runId, name);
  }

  setOverlaid(runId: string, overlaid: boolean): void {
    this.#entries = setOverlaid(this.#entries, runId, overlaid);
  }

  show(runId: string | null): void {
    this.#shownId = runId;
  }
}
