// The engine behind the protocol: validates each request once and hands it to its type's handler in one table; pure, runs in the engine process (or in-process).
import { createCsvTables, TABLE_CACHE_LIMITS } from '../data/csvTables.js';
import { createDataLoader, type ReadAsset } from '../data/dataSets.js';
import type { Kernels } from '../kernels/kernels.js';
import type { CacheLimits } from '../lruCache.js';
import { defaultKernels } from '../kernels/defaultKernels.js';
import { parseRequest, requestIds, type EngineEvent } from '../protocol/index.js';
import { handleAnalysis } from './analysisHandler.js';
import { handleDataPreview } from './dataPreviewHandler.js';
import { handleDescribe } from './describeHandler.js';
import type { EngineContext } from './engineContext.js';
import { handleExportBuild } from './exportHandler.js';
import { handleFunctionsSample } from './functionsHandler.js';
import { handleGradcheck } from './gradcheckHandler.js';
import { handleRequest } from './handleRequest.js';
import { handleLandscape } from './landscapeHandler.js';
import { resolveReferences } from './resolveReferences.js';
import { RUN_STORE_LIMITS, RunStore } from './runStore.js';
import { handleSpecCheck } from './specHandler.js';
import { handleSurfaceDescend, handleSurfaceEvaluate } from './surfaceHandlers.js';
import type { RequestHandlers } from './requestHandler.js';
import { createTrainingHandlers } from './trainingHandler.js';

export interface EngineServiceOptions {
  /** Reads an asset file's text (e.g. "digits.csv"); the process entry supplies it. Without it, shipped data sets answer an error. */
  readAsset?: ReadAsset;
  /** Gives the host's event loop a turn during training (default: setImmediate, else setTimeout 0). */
  yieldToEventLoop?: () => Promise<void>;
  kernels?: Kernels;
  /** How many parsed CSV tables, and how many finished runs, the engine keeps (defaults: TABLE_CACHE_LIMITS, RUN_STORE_LIMITS). */
  keep?: { tables?: CacheLimits; runs?: CacheLimits };
}

export interface EngineService {
  /** Handles one incoming message; never throws: a bad message is answered with an `error` event. */
  receive(data: unknown): void;
  /** Stops every run; no event is emitted afterwards. */
  dispose(): void;
}

/**
 * Creates the engine service. Training runs are independent and may overlap (each has its own id; they share the
 * process by taking turns every few milliseconds). Every other request is answered by one event with its requestId,
 * or an `error` event that names the field at fault. The service keeps the CSV tables it has read (by the hash of
 * their text) and its finished runs (by run id), so later requests may name them instead of sending them again.
 */
export function createEngineService(emit: (event: EngineEvent) => void, options: EngineServiceOptions = {}): EngineService {
  let disposed = false;
  const tables = createCsvTables(options.keep?.tables ?? TABLE_CACHE_LIMITS);
  const runs = new RunStore(options.keep?.runs ?? RUN_STORE_LIMITS);
  const context: EngineContext = {
    send: (event) => {
      if (!disposed) emit(event);
    },
    loadData: createDataLoader(options.readAsset, tables),
    runs,
    kernels: options.kernels ?? defaultKernels,
    yieldToEventLoop: options.yieldToEventLoop,
    isDisposed: () => disposed,
  };
  const training = createTrainingHandlers();
  const handlers: RequestHandlers = {
    ...training.handlers,
    'engine.describe': handleDescribe,
    'functions.sample': handleFunctionsSample,
    'surface.evaluate': handleSurfaceEvaluate,
    'surface.descend': handleSurfaceDescend,
    'gradcheck.run': handleGradcheck,
    'analysis.run': handleAnalysis,
    'landscape.run': handleLandscape,
    'spec.check': handleSpecCheck,
    'data.preview': handleDataPreview,
    'export.build': handleExportBuild,
  };

  return {
    receive(data) {
      if (disposed) return;
      const parsed = parseRequest(data);
      if (!parsed.ok) return context.send(parsed.error);
      const resolved = resolveReferences(parsed.request, { tables, runs });
      if ('error' in resolved) return context.send(resolved.error);
      const request = resolved.request;
      handleRequest(handlers, request, context).catch((error: unknown) => {
        context.send({ type: 'error', ...requestIds(request), message: error instanceof Error ? error.message : String(error) });
      });
    },
    dispose() {
      disposed = true;
      training.dispose();
    },
  };
}
