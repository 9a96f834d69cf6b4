// One training run as seen by the renderer: a pure reducer over engine events and host status (no DOM, no runes).
import type { EngineStatus } from '../../contract/labHost.js';
import type { EngineEvent } from '../../engine/protocol/index.js';
import type { FinishReason, TrainBoundary } from '../../engine/protocol/training.js';
import type { LearningRateChange } from '../../engine/training/learningRateChange.js';
import { EMPTY_BATCH_LOSSES, appendBatchLosses, type BatchLossSeries } from './batchLossSeries.js';
import { EpochHistory } from './epochHistory.js';
import { formFieldOf, type FieldErrors } from './hyperparameterFields.js';

/** idle: nothing run yet; starting: request sent; running: epochs arriving; stopping: stop sent; then finished or failed. */
export type RunPhase = 'idle' | 'starting' | 'running' | 'stopping' | 'finished' | 'failed';

export interface RunState {
  runId: string | null;
  phase: RunPhase;
  plannedEpochs: number;
  /** Every epoch so far, appended as train.epoch events arrive; the engine's own list once the run has finished. */
  history: EpochHistory;
  /** The training loss of every minibatch so far, thinned for drawing. */
  batches: BatchLossSeries;
  /** Training samples per second, as the engine last measured it (null before it has). */
  samplesPerSecond: number | null;
  /** The training loss of the last minibatch reported (batches.lastBatch), null before any. */
  lastBatchLoss: number | null;
  /** The engine said the run waits for resume (train.state). */
  paused: boolean;
  sizes: { train: number; test: number; parameters: number } | null;
  finish: { reason: FinishReason; message: string } | null;
  /** Why the run failed (engine error or engine crash). */
  failure: string | null;
  /** Engine errors that name a form field, shown at that field. */
  fieldErrors: FieldErrors;
  /** Problems not tied to this run: unreadable messages, errors for no run. */
  notices: string[];
  /** The network's latest output over the plane of two-feature data (when the run sends it). */
  boundary: Omit<TrainBoundary, 'type' | 'runId'> | null;
  /** The learning rates set during the run, as the engine applied them. */
  learningRateChanges: LearningRateChange[];
}

export const IDLE_RUN: RunState = {
  runId: null,
  phase: 'idle',
  plannedEpochs: 0,
  history: EpochHistory.EMPTY,
  batches: EMPTY_BATCH_LOSSES,
  samplesPerSecond: null,
  lastBatchLoss: null,
  paused: false,
  sizes: null,
  finish: null,
  failure: null,
  fieldErrors: {},
  notices: [],
  boundary: null,
  learningRateChanges: [],
};

/** True while the engine works on the run (Train is off, Stop is on). */
export function isActive(phase: RunPhase): boolean {
  return phase === 'starting' || phase === 'running' || phase === 'stopping';
}

/** A fresh run whose train.start has just been sent. */
export function beginRun(runId: string, plannedEpochs: number): RunState {
  return { ...IDLE_RUN, runId, phase: 'starting', plannedEpochs };
}

export function markStopping(state: RunState): RunState {
  return isActive(state.phase) ? { ...state, phase: 'stopping' } : state;
}

/** Marks the run failed with a sentence for the user. */
export function failRun(state: RunState, message: string): RunState {
  return isActive(state.phase) ? { ...state, phase: 'failed', paused: false, failure: message } : state;
}

/** Keeps a problem visible that does not belong to the run (the newest five). */
export function addNotice(state: RunState, message: string): RunState {
  return { ...state, notices: [...state.notices, message].slice(-5) };
}

export function clearFieldError(state: RunState, field: keyof FieldErrors): RunState {
  if (!(field in state.fieldErrors)) return state;
  const fieldErrors = { ...state.fieldErrors };
  delete fieldErrors[field];
  return { ...state, fieldErrors };
}

/** Applies one validated engine event; events of other runs, or after this run ended, change nothing. */
export function applyEngineEvent(state: RunState, event: EngineEvent): RunState {
  if (event.type === 'error' && event.runId === undefined) return event.requestId === undefined ? addNotice(state, `Engine: ${event.message}`) : state;
  if (!('runId' in event) || event.runId !== state.runId || !isActive(state.phase)) return state;
  switch (event.type) {
    case 'train.started':
      return {
        ...state,
        phase: state.phase === 'stopping' ? 'stopping' : 'running',
        sizes: { train: event.trainSize, test: event.testSize, parameters: event.parameterCount },
      };
    case 'train.epoch':
      return {
        ...state,
        phase: state.phase === 'stopping' ? 'stopping' : 'running',
        history: state.history.append(event.earlier ? [...event.earlier, event.metrics] : [event.metrics]),
      };
    case 'train.batches':
      return {
        ...state,
        batches: appendBatchLosses(state.batches, event.firstBatch, event.losses),
        samplesPerSecond: event.samplesPerSecond ?? state.samplesPerSecond,
        lastBatchLoss: event.losses.length > 0 ? event.losses[event.losses.length - 1]! : state.lastBatchLoss,
      };
    case 'train.state':
      return { ...state, paused: event.state === 'paused' };
    case 'train.boundary':
      return { ...state, boundary: { batch: event.batch, epoch: event.epoch, frame: event.frame, outputs: event.outputs, values: event.values } };
    case 'train.learningRate':
      return { ...state, learningRateChanges: [...state.learningRateChanges, event.change] };
    case 'train.finished':
      return { ...state, phase: 'finished', paused: false, history: EpochHistory.of(event.history), finish: { reason: event.reason, message: event.message } };
    case 'error': {
      const field = event.field === undefined ? undefined : formFieldOf(event.field);
      const fieldErrors = field ? { ...state.fieldErrors, [field]: event.message } : state.fieldErrors;
      return { ...state, phase: 'failed', paused: false, failure: event.message, fieldErrors };
    }
    default:
      return state;
  }
}

/** A crashed engine fails the run in flight; `ready` needs no change here (the session tracks it). */
export function applyEngineStatus(state: RunState, status: EngineStatus): RunState {
  if (status.state !== 'crashed') return state;
  return failRun(state, status.message);
}
