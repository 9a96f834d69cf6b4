// Architectures compared over seeds behind the protocol: every network checked against the data first, then one run after another, stoppable; pure, engine process.
import { SEED_STREAMS, type PreparedData } from '../data/dataSets.js';
import { inKernelRegion } from '../kernels/kernels.js';
import { buildNetwork } from '../network/network.js';
import type { SpecIssue } from '../network/specIssue.js';
import { validateSpecForData } from '../network/validateSpec.js';
import type { CompareStart, CompareStop } from '../protocol/compare.js';
import { deriveRandom } from '../random.js';
import { EPOCH_BURST, train } from '../training/train.js';
import { TrainingControl } from '../training/trainingControl.js';
import type { EngineContext } from './engineContext.js';
import type { RequestHandlers } from './requestHandler.js';
import { checkBatchSize } from './trainingHandler.js';

export type CompareRequest = CompareStart | CompareStop;

/** How often a run's progress is reported at most after its first EPOCH_BURST epochs (milliseconds). */
export const PROGRESS_INTERVAL_MS = 100;

export interface CompareHandlers {
  readonly handlers: Pick<RequestHandlers, CompareRequest['type']>;
  /** Stops every comparison. */
  dispose(): void;
}

/** Every network that does not fit the data or the settings, each problem led by the network's name; empty when all fit. */
export function compareIssues(request: CompareStart, data: PreparedData): SpecIssue[] {
  const issues: SpecIssue[] = [];
  if (data.test.size === 0) {
    issues.push({ field: 'hyper.trainFraction', message: 'a comparison needs a test set: use a train fraction below 1' });
  }
  request.networks.forEach((network, i) => {
    const issue = validateSpecForData(network.spec, { name: data.name, inputs: data.inputs, outputs: data.outputs }, request.hyper.loss)[0];
    if (issue) issues.push({ field: `networks.${i}.${issue.field}`, message: `${JSON.stringify(network.name)}: ${issue.message}` });
  });
  const batchIssue = checkBatchSize(data, request.hyper.batchSize);
  if (batchIssue) issues.push(batchIssue);
  return issues;
}

/**
 * Creates the handlers of compare.start and compare.stop. A comparison first loads the data with the first seed and
 * checks every network against it, answering one error that names each network that does not fit (nothing trains
 * then). It then trains seed by seed, every network in turn, so a stop leaves each network with the seeds done so far:
 * compare.progress after each of a run's first EPOCH_BURST epochs, then at most every PROGRESS_INTERVAL_MS and after its
 * last (as a training run coalesces its epochs), compare.run after each finished run, compare.finished at the end or
 * after a stop (the run in progress is dropped).
 */
export function createCompareHandlers(): CompareHandlers {
  const running = new Map<string, TrainingControl>();

  async function run(request: CompareStart, control: TrainingControl, ctx: EngineContext): Promise<void> {
    const { requestId, networks, seeds, dataSet, hyper } = request;
    const load = (seed: number) => ctx.loadData(dataSet, { trainFraction: hyper.trainFraction, seed, normalisation: hyper.normalisation });
    let data: PreparedData;
    try {
      data = await load(seeds[0]!);
    } catch (error) {
      return ctx.send({
        type: 'error',
        requestId,
        field: 'dataSet',
        message: `cannot load the data: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
    const issues = compareIssues(request, data);
    if (issues.length > 0) {
      return ctx.send({ type: 'error', requestId, field: issues[0]!.field, message: issues.map((issue) => issue.message).join('; ') });
    }
    const runs = networks.length * seeds.length;
    let runsDone = 0;
    const finished = (reason: 'completed' | 'stopped') => ctx.send({ type: 'compare.finished', requestId, reason, runsDone, runs });
    for (const [s, seed] of seeds.entries()) {
      if (s > 0) data = await load(seed);
      for (const [index, entry] of networks.entries()) {
        if (control.isStopRequested || ctx.isDisposed()) return finished('stopped');
        const startedAt = Date.now();
        const progress = (epoch: number) =>
          ctx.send({ type: 'compare.progress', requestId, network: index, seed, epoch, epochs: hyper.epochs, runsDone, runs });
        progress(0);
        // Each run's arrays go back to the kernels' memory as it ends, not when the whole comparison does.
        const { outcome, parameterCount } = await inKernelRegion(ctx.kernels, async (kernels) => {
          const network = buildNetwork(entry.spec, deriveRandom(seed, SEED_STREAMS.init), kernels);
          const trained = await train({
            network,
            data,
            hyper,
            kernels,
            control,
            onEpochs: (epochs) => progress(epochs.at(-1)!.epoch),
            epochIntervalMilliseconds: PROGRESS_INTERVAL_MS,
            shouldStop: () => ctx.isDisposed(),
            ...(ctx.yieldToEventLoop ? { yieldToEventLoop: ctx.yieldToEventLoop } : {}),
          });
          return { outcome: trained, parameterCount: network.parameterCount };
        });
        if (outcome.reason === 'stopped') return finished('stopped');
        runsDone += 1;
        ctx.send({
          type: 'compare.run',
          requestId,
          network: index,
          seed,
          reason: outcome.reason,
          message: outcome.message,
          history: outcome.history,
          parameterCount,
          seconds: (Date.now() - startedAt) / 1000,
        });
      }
    }
    finished('completed');
  }

  async function start(request: CompareStart, ctx: EngineContext): Promise<void> {
    if (running.has(request.requestId)) {
      return ctx.send({
        type: 'error',
        requestId: request.requestId,
        field: 'requestId',
        message: `a comparison with id ${JSON.stringify(request.requestId)} is running`,
      });
    }
    const control = new TrainingControl();
    running.set(request.requestId, control);
    try {
      await run(request, control, ctx);
    } finally {
      running.delete(request.requestId);
    }
  }

  return {
    handlers: {
      'compare.start': start,
      'compare.stop': async (request) => running.get(request.requestId)?.stop(),
    },
    dispose() {
      for (const control of running.values()) control.stop();
    },
  };
}
