// Training runs behind the protocol: checks a start request, runs it, streams its events, obeys stop/pause/resume; pure, engine process.
import { DataOverBudgetError } from '../budget/dataBudget.js';
import { dataBytes, trainingCost } from '../budget/requestCost.js';
import { SEED_STREAMS, type PreparedData, type Samples } from '../data/dataSets.js';
import { planeAbsence, planeFrame } from '../data/planeView.js';
import type { ErrorCode } from '../protocol/errors.js';
import { MAX_DIAGNOSED_SAMPLES, MAX_PATH_VALUES, STOPPED_DIAGNOSIS_MS } from '../limits.js';
import { defaultLossFor, validateLoss } from '../losses/lossRules.js';
import { countParameters } from '../network/countParameters.js';
import { sameSpec, weightsMismatch, loadTrainedWeights } from '../network/loadWeights.js';
import { buildNetwork } from '../network/network.js';
import type { SpecIssue } from '../network/specIssue.js';
import { validateSpec, validateSpecForData } from '../network/validateSpec.js';
import { resolveOptimizerConfig } from '../optimizers/optimizerConfig.js';
import type { TrainPause, TrainResume, TrainSetLearningRate, TrainStart, TrainStep, TrainStop } from '../protocol/training.js';
import { deriveRandom } from '../random.js';
import { DecisionBoundary } from '../training/decisionBoundary.js';
import { diagnoseRun, networkSymptoms, symptomPassRows } from '../training/diagnoseRun.js';
import { train } from '../training/train.js';
import { TrainingControl } from '../training/trainingControl.js';
import type { EngineContext } from './engineContext.js';
import type { RequestHandlers } from './requestHandler.js';

export type TrainingRequest = TrainStart | TrainStop | TrainPause | TrainResume | TrainStep | TrainSetLearningRate;

/** Control requests: they name a run that may be running. */
type ControlRequest = Exclude<TrainingRequest, TrainStart>;

export interface TrainingHandlers {
  /** Start (resolves when the run has finished, or was refused), stop, pause and resume; each sends its run's events. */
  readonly handlers: Pick<RequestHandlers, TrainingRequest['type']>;
  /** Stops every run. */
  dispose(): void;
  /** How many runs are in progress. */
  running(): number;
}

/** Why the data of a run cannot give full minibatches, if so. */
export function checkBatchSize(data: PreparedData, batchSize: number): SpecIssue | undefined {
  const hasTest = data.test.size > 0;
  const smaller = hasTest ? Math.min(data.train.size, data.test.size) : data.train.size;
  if (batchSize <= smaller) return undefined;
  const which = !hasTest || data.train.size <= data.test.size ? 'training' : 'test';
  return { field: 'hyper.batchSize', message: `the minibatch size ${batchSize} is larger than the ${which} set (${smaller} samples)` };
}

/** The first `count` samples (all of them when there are fewer), as views. */
function firstSamples(samples: Samples, count: number, inputs: number, outputs: number): Samples {
  if (samples.size <= count) return samples;
  return {
    size: count,
    features: samples.features.subarray(0, count * inputs),
    targets: samples.targets.subarray(0, count * outputs),
    labels: samples.labels.subarray(0, count),
  };
}

/** With a boundary asked for: why the data has no plane to draw it on, if so. */
function checkBoundary(data: PreparedData): SpecIssue | undefined {
  const absent = planeAbsence(data);
  return absent ? { field: 'boundary', message: absent } : undefined;
}

/** Problems found before any data is loaded: the spec's shapes, the loss against the last layer, the path's size, the initial weights' spec. */
function checkRequest(request: TrainStart): SpecIssue | undefined {
  const { spec, hyper } = request;
  const shapeIssue = validateSpec(spec)[0];
  if (shapeIssue) return shapeIssue;
  const lossIssue = validateLoss(spec, hyper.loss ?? defaultLossFor(spec), hyper.loss !== undefined)[0];
  if (lossIssue) return lossIssue;
  if (request.recordPath) {
    const values = countParameters(spec) * (hyper.epochs + 1);
    if (values > MAX_PATH_VALUES) {
      return {
        field: 'recordPath',
        message: `recording the parameter path would keep ${values} values (${countParameters(spec)} parameters × ${hyper.epochs + 1}); at most ${MAX_PATH_VALUES} are kept — use fewer epochs or a smaller network`,
      };
    }
  }
  if (request.initialWeights && !sameSpec(request.initialWeights.spec, spec)) {
    return { field: 'initialWeights', message: "the initial weights belong to another network: their spec differs from this run's" };
  }
  return undefined;
}

/**
 * Creates the handlers of the train.* requests. Runs are independent and may overlap (each has its own id); a start
 * whose runId is already running is answered with an error. Stop, pause and resume for a run that is not running are
 * ignored (it may have just finished).
 */
export function createTrainingHandlers(): TrainingHandlers {
  const running = new Map<string, TrainingControl>();
  const controlRun =
    <R extends ControlRequest>(act: (control: TrainingControl, request: R) => void) =>
    async (request: R): Promise<void> => {
      const control = running.get(request.runId);
      if (control) act(control, request);
    };

  async function run(request: TrainStart, control: TrainingControl, ctx: EngineContext): Promise<void> {
    const { runId, spec, dataSet, hyper } = request;
    const startedAt = Date.now();
    const fail = (issue: SpecIssue, code?: ErrorCode): void =>
      ctx.send({ type: 'error', runId, message: issue.message, field: issue.field, ...(code ? { code } : {}) });
    const early = checkRequest(request);
    if (early) return fail(early);
    const overBudget = ctx.budget.issue(trainingCost(request));
    if (overBudget) return fail(overBudget, 'over-budget');
    let data: PreparedData;
    try {
      data = await ctx.loadData(dataSet, {
        trainFraction: hyper.trainFraction,
        seed: hyper.seed,
        normalisation: hyper.normalisation,
        extraFeatures: hyper.extraFeatures,
      });
    } catch (error) {
      if (error instanceof DataOverBudgetError) return fail(error.issue, 'over-budget');
      return fail({ field: 'dataSet', message: `cannot load the data: ${error instanceof Error ? error.message : String(error)}` });
    }
    const dataIssue =
      validateSpecForData(spec, { name: data.name, inputs: data.inputs, outputs: data.outputs }, hyper.loss)[0] ??
      checkBatchSize(data, hyper.batchSize) ??
      (request.boundary ? checkBoundary(data) : undefined);
    if (dataIssue) return fail(dataIssue);
    const admitted = ctx.budget.admit(trainingCost(request, dataBytes(data)));
    if ('issue' in admitted) return fail(admitted.issue, 'over-budget');
    try {
      await trainAdmitted(request, data, control, ctx, startedAt);
    } finally {
      admitted.release();
    }
  }

  /** Builds the network of a run whose cost the budget holds, trains it and sends its events. */
  async function trainAdmitted(request: TrainStart, data: PreparedData, control: TrainingControl, ctx: EngineContext, startedAt: number): Promise<void> {
    const { runId, spec, hyper } = request;
    const fail = (issue: SpecIssue): void => ctx.send({ type: 'error', runId, message: issue.message, field: issue.field });
    const network = buildNetwork(spec, deriveRandom(hyper.seed, SEED_STREAMS.init), ctx.kernels);
    if (request.initialWeights) {
      const problem = weightsMismatch(network, request.initialWeights);
      if (problem) return fail({ field: `initialWeights.${problem.field}`, message: problem.message });
      loadTrainedWeights(network, request.initialWeights);
    }
    ctx.send({ type: 'train.started', runId, trainSize: data.train.size, testSize: data.test.size, parameterCount: network.parameterCount });
    const boundary = request.boundary ? new DecisionBoundary(network, planeFrame(data), data.extraFeatures, ctx.kernels) : undefined;
    const diagnosed = firstSamples(data.test.size > 0 ? data.test : data.train, MAX_DIAGNOSED_SAMPLES, data.inputs, data.outputs);
    const passRows = symptomPassRows(network, hyper.batchSize);
    const passStarted = Date.now();
    const initialSymptoms = networkSymptoms(network, diagnosed, passRows);
    const passMs = Date.now() - passStarted;
    const outcome = await train({
      network,
      data,
      hyper,
      kernels: ctx.kernels,
      control,
      recordPath: request.recordPath ?? false,
      onEpochs: (epochs) => {
        const metrics = epochs[epochs.length - 1]!;
        ctx.send({ type: 'train.epoch', runId, metrics, ...(epochs.length > 1 ? { earlier: epochs.slice(0, -1) } : {}) });
      },
      onBatches: (firstBatch, losses, samplesPerSecond) =>
        ctx.send({ type: 'train.batches', runId, firstBatch, losses, ...(samplesPerSecond !== undefined ? { samplesPerSecond } : {}) }),
      onStateChange: (state) => ctx.send({ type: 'train.state', runId, state }),
      onLearningRate: (change) => ctx.send({ type: 'train.learningRate', runId, change }),
      ...(boundary
        ? {
            onSnapshot: (batch: number, epoch: number) =>
              ctx.send({ type: 'train.boundary', runId, batch, epoch, frame: boundary.frame, outputs: network.outputs, values: boundary.compute(network) }),
          }
        : {}),
      shouldStop: () => ctx.isDisposed(),
      ...(ctx.yieldToEventLoop ? { yieldToEventLoop: ctx.yieldToEventLoop } : {}),
    });
    const seconds = (Date.now() - startedAt) / 1000;
    // A stopped run is answered at once: it is diagnosed only when the same pass over the same samples was quick before.
    const diagnosable = outcome.history.length > 0 && (outcome.reason !== 'stopped' || passMs <= STOPPED_DIAGNOSIS_MS);
    const diagnoses = diagnosable
      ? diagnoseRun({
          initial: initialSymptoms,
          final: networkSymptoms(network, diagnosed, passRows),
          classes: data.classes,
          setName: data.test.size > 0 ? 'test' : 'training',
          learningRate: hyper.learningRate,
        })
      : [];
    const weights = network.trainedWeights();
    ctx.runs.keep(runId, { weights, parameterPath: outcome.parameterPath });
    ctx.send({
      type: 'train.finished',
      runId,
      reason: outcome.reason,
      message: outcome.message,
      history: outcome.history,
      weights,
      settings: {
        seed: hyper.seed,
        loss: hyper.loss ?? defaultLossFor(spec),
        optimizer: resolveOptimizerConfig(hyper.optimizer),
        normalisation: data.normalisation,
      },
      ...(outcome.parameterPath ? { parameterPath: outcome.parameterPath } : {}),
      ...(outcome.learningRateChanges.length ? { learningRateChanges: outcome.learningRateChanges } : {}),
      split: data.split,
      seconds,
      diagnoses,
    });
  }

  async function start(request: TrainStart, ctx: EngineContext): Promise<void> {
    if (running.has(request.runId)) {
      return ctx.send({ type: 'error', runId: request.runId, message: `a run with id ${JSON.stringify(request.runId)} is already running`, field: 'runId' });
    }
    const control = new TrainingControl();
    running.set(request.runId, control);
    try {
      await run(request, control, ctx);
    } catch (error) {
      ctx.send({ type: 'error', runId: request.runId, message: `the run failed: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      running.delete(request.runId);
    }
  }

  return {
    handlers: {
      'train.start': start,
      'train.stop': controlRun((control) => control.stop()),
      'train.pause': controlRun((control) => control.pause()),
      'train.resume': controlRun((control) => control.resume()),
      'train.step': controlRun<TrainStep>((control, request) => control.stepOnce(request.unit)),
      'train.setLearningRate': controlRun<TrainSetLearningRate>((control, request) => control.setLearningRate(request.learningRate)),
    },
    dispose() {
      for (const control of running.values()) control.stop();
    },
    running: () => running.size,
  };
}
