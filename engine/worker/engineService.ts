// The engine behind the protocol: validates requests, runs training, streams events; pure, runs in the engine process (or in-process).
import { DATA_SET_INFO, parseDigitsCsv, prepareDigits, type DigitsTable, type PreparedData } from '../data/dataSets.js';
import type { Kernels } from '../kernels/kernels.js';
import { plainKernels } from '../kernels/plainKernels.js';
import { buildNetwork } from '../network/network.js';
import { validateSpecForData, type SpecIssue } from '../network/validateSpec.js';
import { parseRequest, type EngineEvent, type TrainStart } from '../protocol.js';
import { deriveRandom } from '../random.js';
import { train } from '../training/train.js';

export interface EngineServiceOptions {
  /** Reads an asset file's text (e.g. "digits.csv"); the process entry supplies it. Without it, training answers an error. */
  readAsset?: (fileName: string) => string | Promise<string>;
  /** Gives the host's event loop a turn during training (default: setImmediate, else setTimeout 0). */
  yieldToEventLoop?: () => Promise<void>;
  kernels?: Kernels;
}

export interface EngineService {
  /** Handles one incoming message; never throws: a bad message is answered with an `error` event. */
  receive(data: unknown): void;
  /** Stops every run; no event is emitted afterwards. */
  dispose(): void;
}

/** The random streams a run's seed drives: the split does not depend on the network, the initialisation does not depend on the data. */
export const SEED_STREAMS = { split: 0, init: 1 } as const;

/** Why the data of a run cannot give full minibatches, if so. */
export function checkBatchSize(data: PreparedData, batchSize: number): SpecIssue | undefined {
  const smaller = Math.min(data.train.size, data.test.size);
  if (batchSize <= smaller) return undefined;
  const which = data.train.size <= data.test.size ? 'training' : 'test';
  return { field: 'hyper.batchSize', message: `the minibatch size ${batchSize} is larger than the ${which} set (${smaller} samples)` };
}

/**
 * Creates the engine service. Runs are independent and may overlap (each has its own id; they share the
 * process by taking turns every few milliseconds); a start whose runId is already running is answered with an
 * error. A stop for a run that is not running is ignored (it may have just finished).
 */
export function createEngineService(emit: (event: EngineEvent) => void, options: EngineServiceOptions = {}): EngineService {
  const kernels = options.kernels ?? plainKernels;
  const running = new Map<string, { stopRequested: boolean }>();
  const tables = new Map<string, Promise<DigitsTable>>();
  let disposed = false;
  const send = (event: EngineEvent): void => { if (!disposed) emit(event); };

  const loadTable = (fileName: string): Promise<DigitsTable> => {
    let table = tables.get(fileName);
    if (!table) {
      const readAsset = options.readAsset;
      table = readAsset
        ? Promise.resolve().then(() => readAsset(fileName)).then(parseDigitsCsv)
        : Promise.reject(new Error('this engine has no data files (no asset reader was given)'));
      table.catch(() => tables.delete(fileName));
      tables.set(fileName, table);
    }
    return table;
  };

  async function startRun(request: TrainStart, run: { stopRequested: boolean }): Promise<void> {
    const { runId, spec, dataSet, hyper } = request;
    const info = DATA_SET_INFO[dataSet];
    const issue = validateSpecForData(spec, { name: dataSet, inputs: info.inputs, outputs: info.outputs })[0];
    if (issue) return send({ type: 'error', runId, message: issue.message, field: issue.field });
    let table: DigitsTable;
    try {
      table = await loadTable(info.asset);
    } catch (error) {
      return send({ type: 'error', runId, message: `cannot load ${dataSet}: ${(error as Error).message}`, field: 'dataSet' });
    }
    const data = prepareDigits(dataSet, table, hyper.trainFraction, deriveRandom(hyper.seed, SEED_STREAMS.split));
    const batchIssue = checkBatchSize(data, hyper.batchSize);
    if (batchIssue) return send({ type: 'error', runId, ...batchIssue });
    const network = buildNetwork(spec, deriveRandom(hyper.seed, SEED_STREAMS.init), kernels);
    send({ type: 'train.started', runId, trainSize: data.train.size, testSize: data.test.size, parameterCount: network.parameterCount });
    const outcome = await train({
      network, data, hyper, kernels,
      onEpoch: (metrics) => send({ type: 'train.epoch', runId, metrics }),
      shouldStop: () => run.stopRequested || disposed,
      ...(options.yieldToEventLoop ? { yieldToEventLoop: options.yieldToEventLoop } : {}),
    });
    send({ type: 'train.finished', runId, reason: outcome.reason, message: outcome.message, history: outcome.history, weights: network.trainedWeights() });
  }

  return {
    receive(data) {
      if (disposed) return;
      const parsed = parseRequest(data);
      if (!parsed.ok) return send(parsed.error);
      const request = parsed.request;
      if (request.type === 'train.stop') {
        const run = running.get(request.runId);
        if (run) run.stopRequested = true;
        return;
      }
      if (running.has(request.runId)) {
        return send({ type: 'error', runId: request.runId, message: `a run with id ${JSON.stringify(request.runId)} is already running`, field: 'runId' });
      }
      const run = { stopRequested: false };
      running.set(request.runId, run);
      startRun(request, run)
        .catch((error: unknown) => send({ type: 'error', runId: request.runId, message: `the run failed: ${error instanceof Error ? error.message : String(error)}` }))
        .finally(() => running.delete(request.runId));
    },
    dispose() {
      disposed = true;
      for (const run of running.values()) run.stopRequested = true;
    },
  };
}
