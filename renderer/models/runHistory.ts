// Operations on the list of finished runs (renderer): add, delete, overlay on the curves, each run with its own colour; pure.
import { format } from 'd3';
import type { Hyperparameters } from '../../engine/training/hyperparameters.js';
import type { FinishedRun } from './finishedRun.js';
import { RUN_COLOURS } from '../../plots/theme.js';

export interface HistoryEntry {
  run: FinishedRun;
  /** 1, 2, … in the order runs finished; never reused, so a colour stays with its run. */
  serial: number;
  colour: string;
  /** Drawn over the epoch curves. */
  overlaid: boolean;
}

/** The colour of the run with this serial number (1, 2, …), cycling through the theme's RUN_COLOURS. */
export function runColour(serial: number): string {
  return RUN_COLOURS[(serial - 1) % RUN_COLOURS.length]!;
}

const OPTIMIZER_NAMES = { sgd: 'SGD', momentum: 'Momentum', nesterov: 'Nesterov', rmsprop: 'RMSProp', adam: 'Adam' } as const;
const number = format('~g');

/** "iris · 4-32-ReLU-3-Softmax · Adam lr 0.01 · 25 epochs · seed 1". */
export function runLabel(dataName: string, networkName: string, hyper: Hyperparameters): string {
  const optimizer = OPTIMIZER_NAMES[hyper.optimizer?.kind ?? 'sgd'];
  return `${dataName} · ${networkName} · ${optimizer} lr ${number(hyper.learningRate)} · ${hyper.epochs} epoch${hyper.epochs === 1 ? '' : 's'} · seed ${hyper.seed}`;
}

/** The next serial number to give. */
export function nextSerial(entries: readonly HistoryEntry[]): number {
  return entries.reduce((max, e) => Math.max(max, e.serial), 0) + 1;
}

/**
 * Appends a run (newest last) with the next serial, its colour, and its label led by "#serial"; a run already listed is
 * not added twice.
 */
export function addRun(entries: readonly HistoryEntry[], run: FinishedRun, serial = nextSerial(entries)): HistoryEntry[] {
  if (entries.some((e) => e.run.runId === run.runId)) return [...entries];
  return [...entries, { run: { ...run, label: `#${serial} ${run.label}` }, serial, colour: runColour(serial), overlaid: false }];
}

export function deleteRun(entries: readonly HistoryEntry[], runId: string): HistoryEntry[] {
  return entries.filter((e) => e.run.runId !== runId);
}

export function setOverlaid(entries: readonly HistoryEntry[], runId: string, overlaid: boolean): HistoryEntry[] {
  return entries.map((e) => (e.run.runId === runId ? { ...e, overlaid } : e));
}

export function overlaidRuns(entries: readonly HistoryEntry[]): HistoryEntry[] {
  return entries.filter((e) => e.overlaid);
}

/** Gives a run a new name, kept behind its "#serial"; a blank name keeps the old one. */
export function renameRun(entries: readonly HistoryEntry[], runId: string, name: string): HistoryEntry[] {
  const trimmed = name.trim();
  if (!trimmed) return [...entries];
  return entries.map((e) => (e.run.runId === runId ? { ...e, run: { ...e.run, label: `#${e.serial} ${trimmed}` } } : e));
}

/** A run's name without the "#serial " the history puts in front. */
export function runName(entry: HistoryEntry): string {
  return entry.run.label.replace(/^#\d+ /, '');
}
