// The lab's state as a project and back (renderer): the builder's network and the finished runs, and the file's name; pure.
import { PROJECT_FORMAT, PROJECT_VERSION, type Project, type ProjectRun } from '../../engine/projectFile.js';
import { savedDataSource } from '../../engine/data/dataSource.js';
import { hasFiniteWeights } from '../../engine/trainedWeights.js';
import type { NetworkSpec } from '../../engine/spec.js';
import type { FinishedRun } from '../models/finishedRun.js';

/** What of a history entry a project needs. */
export interface KeptRun {
  serial: number;
  run: FinishedRun;
}

/** A run's label without the "#2 " the history puts in front (the history numbers runs again when they are opened). */
export function labelWithoutSerial(label: string): string {
  return label.replace(/^#\d+ /, '');
}

function projectRunOf(run: FinishedRun): ProjectRun {
  return {
    label: labelWithoutSerial(run.label),
    spec: run.spec,
    dataSet: savedDataSource(run.dataSet),
    hyper: run.hyper,
    reason: run.reason,
    message: run.message,
    history: run.history,
    settings: run.settings,
    weights: run.weights,
    split: run.split,
    seconds: run.seconds,
    diagnoses: run.diagnoses,
  };
}

/**
 * The project of this network and these runs (oldest first). A run whose weights are not all finite (it diverged) cannot
 * be opened again, so it is left out and its serial listed in `leftOut`.
 */
export function projectOf(network: { name: string; spec: NetworkSpec }, runs: readonly KeptRun[], savedAt: Date): { project: Project; leftOut: number[] } {
  const kept = runs.filter((entry) => hasFiniteWeights(entry.run.weights));
  return {
    project: {
      format: PROJECT_FORMAT,
      version: PROJECT_VERSION,
      savedAt: savedAt.toISOString(),
      network: { name: network.name, spec: network.spec },
      runs: kept.map((entry) => projectRunOf(entry.run)),
    },
    leftOut: runs.filter((entry) => !kept.includes(entry)).map((entry) => entry.serial),
  };
}

/** The finished runs a project holds, oldest first, each with a fresh id from `runId(i)`. */
export function finishedRunsOf(project: Project, runId: (i: number) => string): FinishedRun[] {
  return project.runs.map((run, i) => ({ ...run, runId: runId(i) }));
}

/** "Left out run #3: its weights are not finite numbers (it diverged)." or nothing. */
export function leftOutNote(serials: readonly number[]): string {
  if (serials.length === 0) return '';
  const list = serials.map((s) => `#${s}`).join(', ');
  return serials.length === 1
    ? ` Left out run ${list}: its weights are not finite numbers (it diverged).`
    : ` Left out runs ${list}: their weights are not finite numbers (they diverged).`;
}

/** "project-2025-03-04.backprop-lab.json", dated in local time. */
export function projectFileName(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `project-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.backprop-lab.json`;
}
