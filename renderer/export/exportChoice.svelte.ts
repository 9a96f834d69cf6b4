// The Export lab's choice as a runes class (renderer): which finished run is picked, kept while other labs are shown.
export class ExportChoice {
  /** The picked run's id; null (or a run no longer in the history) means the newest. */
  runId = $state<string | null>(null);
}
