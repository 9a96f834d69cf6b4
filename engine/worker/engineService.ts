// The engine behind the protocol: validates each request once and hands it to its type's handler in one table; pure, runs in the engine process (or in-process).
import { PredictionsMemo } from '../analysis/predictionsMemo.js';
import { BudgetGuard } from '../budget/budgetGuard.js';
import type { EngineBudget } from '../budget/engineBudget.js';
import { createCsvTables, TABLE_CACHE_LIMITS } from '../data/csvTables.js';
import { admitDataTo } from '../budget/dataBudget.js';
import { createDataLoader, type ReadAsset } from '../data/dataSets.js';
import { createPickedImageStore } from '../data/pickedImages.js';
import type { DataFiles } from '../data/imageFolder.js';
import type { Kernels } from '../kernels/kernels.js';
import type { CacheLimits } from '../lruCache.js';
import { defaultKernels } from '../kernels/defaultKernels.js';
import { parseRequest, requestIds, type EngineEvent } from '../protocol/index.js';
import { handleAnalysis } from './analysisHandler.js';
import { handleEpochEstimate } from './epochEstimateHandler.js';
import { handleDataPreview } from './dataPreviewHandler.js';
import { createCompareHandlers } from './compareHandler.js';
import { handleDescribe } from './describeHandler.js';
import type { EngineContext } from './engineContext.js';
import { handleExportBuild } from './exportHandler.js';
import { handleFeatureMaps, handleFeatureMapsExplain } from './featureMapsHandler.js';
import { handleFunctionsCheckTyped, handleFunctionsSample } from './functionsHandler.js';
import { handleGradcheck } from './gradcheckHandler.js';
import { WorkStoppedError } from '../work/workStopped.js';
import { ActiveWork } from './activeWork.js';
import { handleRequest } from './handleRequest.js';
import { handleLandscape } from './landscapeHandler.js';
import { RequestWork } from '../work/requestWork.js';
import { resolveReferences } from './resolveReferences.js';
import { RUN_STORE_LIMITS, RunStore } from './runStore.js';
import { handleSpecCheck } from './specHandler.js';
import { handleSurfaceDescend, handleSurfaceEvaluate } from './surfaceHandlers.js';
import { handleSurfaceMap } from './surfaceMapHandler.js';
import type { RequestHandlers } from './requestHandler.js';
import { createTrainingHandlers } from './trainingHandler.js';

export interface EngineServiceOptions {
  /** Reads an asset file's text (e.g. "digits.csv"); the process entry supplies it. Without it, shipped data sets answer an error. */
  readAsset?: ReadAsset;
  /** Reads the files an image data source names; the process entry supplies it. Without it, image data answers an error. */
  files?: DataFiles;
  /** Gives the host's event loop a turn during training (default: setImmediate, else setTimeout 0). */
  yieldToEventLoop?: () => Promise<void>;
  kernels?: Kernels;
  /** How many parsed CSV tables, and how many finished runs, the engine keeps (defaults: TABLE_CACHE_LIMITS, RUN_STORE_LIMITS). */
  keep?: { tables?: CacheLimits; runs?: CacheLimits };
  /** The memory budget requests are costed against until an engine.configure changes it (default DEFAULT_BUDGET). */
  budget?: EngineBudget;
}

export interface EngineService {
  /** Handles one incoming message; never throws: a bad message is answered with an `error` event. */
  receive(data: unknown): void;
  /** Stops every run; no event is emitted afterwards. */
  dispose(): void;
  /** How many requests and training runs are in progress (what a heartbeat's answer reports). */
  busy(): number;
}

/**
 * Creates the engine service. Training runs are independent and may overlap (each has its own id; they share the
 * process by taking turns every few milliseconds). Every other request is answered by one event with its requestId,
 * or an `error` event that names the field at fault. The service keeps the CSV tables it has read (by the hash of
 * their text), the image files a page picked (by their digest) and its finished runs (by run id), so later requests may
 * name them instead of sending them again.
 */
export function createEngineService(emit: (event: EngineEvent) => void, options: EngineServiceOptions = {}): EngineService {
  let disposed = false;
  const tables = createCsvTables(options.keep?.tables ?? TABLE_CACHE_LIMITS);
  const runs = new RunStore(options.keep?.runs ?? RUN_STORE_LIMITS);
  const isDisposed = () => disposed;
  const active = new ActiveWork({ yieldToEventLoop: options.yieldToEventLoop, isDisposed });
  const budget = new BudgetGuard(options.budget);
  const picked = createPickedImageStore();
  const loader = createDataLoader(options.readAsset, tables, options.files, picked);
  const context: EngineContext = {
    send: (event) => {
      if (!disposed) emit(event);
    },
    // Large data (image files) is held to the budget before it is allocated.
    loadData: (source, prepare) => loader(source, { admitMemory: admitDataTo(budget), ...prepare }),
    previewImages: loader.previewImages,
    runs,
    predictions: new PredictionsMemo(),
    kernels: options.kernels ?? defaultKernels,
    yieldToEventLoop: options.yieldToEventLoop,
    isDisposed,
    budget,
    work: new RequestWork({ yieldToEventLoop: options.yieldToEventLoop, isDisposed }),
  };
  const training = createTrainingHandlers();
  const busy = () => active.size + training.running();
  const comparisons = createCompareHandlers();
  const handlers: RequestHandlers = {
    ...training.handlers,
    'surface.map': handleSurfaceMap,
    ...comparisons.handlers,
    'engine.describe': handleDescribe,
    'functions.sample': handleFunctionsSample,
    'functions.checkTyped': handleFunctionsCheckTyped,
    'surface.evaluate': handleSurfaceEvaluate,
    'surface.descend': handleSurfaceDescend,
    'gradcheck.run': handleGradcheck,
    'analysis.run': handleAnalysis,
    'featureMaps.run': handleFeatureMaps,
    'featureMaps.explain': handleFeatureMapsExplain,
    'landscape.run': handleLandscape,
    'spec.check': handleSpecCheck,
    'data.preview': handleDataPreview,
    'epoch.estimate': handleEpochEstimate,
    'export.build': handleExportBuild,
    'work.stop': async (request) => {
      active.stop(request.requestId);
    },
    'engine.ping': async (request) => ({ type: 'engine.pong', requestId: request.requestId, busy: busy() }),
    'engine.configure': async (request) => {
      context.budget.budget = { memoryBytes: request.memoryBudget };
      return { type: 'engine.configured', requestId: request.requestId, memoryBudget: request.memoryBudget };
    },
  };

  return {
    receive(data) {
      if (disposed) return;
      const parsed = parseRequest(data);
      if (!parsed.ok) return context.send(parsed.error);
      const resolved = resolveReferences(parsed.request, { tables, runs, picked });
      if ('error' in resolved) return context.send(resolved.error);
      const request = resolved.request;
      const tracked = 'requestId' in request && request.type !== 'work.stop' && request.type !== 'engine.ping' ? request.requestId : undefined;
      const work = tracked === undefined ? undefined : active.begin(tracked);
      const settled = () => {
        if (work && tracked !== undefined) active.end(tracked, work);
      };
      // Every array a request allocates in the kernels' memory (a run's network, minibatches and optimizer state, an
      // analysis's rebuilt network, an estimate's probe) goes back when its answer has gone out: waiting for the collector
      // to find them let a long session's runs fill that memory and fail a later one. Answers carry copies, never such arrays.
      const region = context.kernels.region?.();
      const requestContext = { ...context, ...(work ? { work } : {}), ...(region ? { kernels: region.kernels } : {}) };
      handleRequest(handlers, request, requestContext, settled)
        .catch((error: unknown) => {
          if (error instanceof WorkStoppedError) {
            return context.send({ type: 'error', ...requestIds(request), code: 'stopped', message: 'stopped before it finished' });
          }
          context.send({ type: 'error', ...requestIds(request), message: error instanceof Error ? error.message : String(error) });
        })
        .finally(() => region?.release());
    },
    dispose() {
      disposed = true;
      training.dispose();
      comparisons.dispose();
    },
    busy,
  };
}
