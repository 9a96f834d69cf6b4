// What every request handler of the engine service is given: a way to answer, data loading, kernels; pure, any process.
import type { DataLoader, PrepareOptions, PreparedData } from '../data/dataSets.js';
import type { Kernels } from '../kernels/kernels.js';
import type { DataSource } from '../data/dataSource.js';
import type { EngineEvent } from '../protocol/index.js';
import type { PredictionsMemo } from '../analysis/predictionsMemo.js';
import type { BudgetGuard } from '../budget/budgetGuard.js';
import type { RequestWork } from '../work/requestWork.js';
import type { RunStore } from './runStore.js';

export interface EngineContext {
  /** Emits an event to whoever sent the requests (nothing after the service is disposed). */
  send(event: EngineEvent): void;
  /** Loads and prepares a data source; rejects with a message naming the row and column of a bad CSV cell. */
  loadData(source: DataSource, options: PrepareOptions): Promise<PreparedData>;
  /** Describes image data for a preview without preparing every image (absent: the preview prepares it with loadData). */
  previewImages?: DataLoader['previewImages'] | undefined;
  kernels: Kernels;
  /** The connection's finished runs, kept so later requests may name them by id. */
  runs: RunStore;
  /** Predictions of the connection's trained networks on their test sets, made once for the report and every traced sample. */
  predictions: PredictionsMemo;
  /** Gives the host's event loop a turn during long work. */
  yieldToEventLoop?: (() => Promise<void>) | undefined;
  isDisposed(): boolean;
  /** The connection's budget: every request is costed against it (and holds its memory while it runs) before it allocates or loops. */
  budget: BudgetGuard;
  /** This request's work: stopped by a work.stop naming its requestId (or the service's disposal); long loops pace themselves with work.slicer(). */
  work: RequestWork;
}
