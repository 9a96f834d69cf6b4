// Answers epoch.estimate: builds the run's network on its data as train.start would and times a few of its minibatches; pure, engine process.
import { dataBytes, trainingCost } from '../budget/requestCost.js';
import { SEED_STREAMS, type PreparedData } from '../data/dataSets.js';
import { defaultLossFor, validateLoss } from '../losses/lossRules.js';
import { buildNetwork } from '../network/network.js';
import type { SpecIssue } from '../network/specIssue.js';
import { validateSpec, validateSpecForData } from '../network/validateSpec.js';
import type { EpochEstimated, EpochEstimateRequest } from '../protocol/epochEstimate.js';
import type { ErrorEvent } from '../protocol/errors.js';
import { deriveRandom } from '../random.js';
import { estimateEpoch } from '../training/epochEstimate.js';
import type { EngineContext } from './engineContext.js';
import { checkBatchSize } from './trainingHandler.js';

/**
 * The estimate for the run the request describes, or the error train.start would give it (a network that does not fit,
 * data that cannot load, a minibatch larger than a split, a run over the budget), at its field.
 */
export async function handleEpochEstimate(
  request: EpochEstimateRequest,
  context: Pick<EngineContext, 'loadData' | 'budget' | 'kernels'>,
): Promise<EpochEstimated | ErrorEvent> {
  const { requestId, spec, dataSet, hyper } = request;
  const refuse = (issue: SpecIssue, code?: 'over-budget'): ErrorEvent => ({
    type: 'error',
    requestId,
    message: issue.message,
    field: issue.field,
    ...(code ? { code } : {}),
  });
  const early = validateSpec(spec)[0] ?? validateLoss(spec, hyper.loss ?? defaultLossFor(spec), hyper.loss !== undefined)[0];
  if (early) return refuse(early);
  const overBudget = context.budget.issue(trainingCost({ spec, hyper, recordPath: false }));
  if (overBudget) return refuse(overBudget, 'over-budget');
  let data: PreparedData;
  try {
    data = await context.loadData(dataSet, {
      trainFraction: hyper.trainFraction,
      seed: hyper.seed,
      normalisation: hyper.normalisation,
      extraFeatures: hyper.extraFeatures,
    });
  } catch (error) {
    return refuse({ field: 'dataSet', message: `cannot load the data: ${error instanceof Error ? error.message : String(error)}` });
  }
  const dataIssue =
    validateSpecForData(spec, { name: data.name, inputs: data.inputs, outputs: data.outputs }, hyper.loss)[0] ?? checkBatchSize(data, hyper.batchSize);
  if (dataIssue) return refuse(dataIssue);
  const admitted = context.budget.admit(trainingCost({ spec, hyper, recordPath: false }, dataBytes(data)));
  if ('issue' in admitted) return refuse(admitted.issue, 'over-budget');
  try {
    // The probe's network, minibatches and optimizer state go back to the kernels' memory with the request's region
    // (engineService): a form's every change asks for an estimate.
    const estimate = estimateEpoch({
      network: buildNetwork(spec, deriveRandom(hyper.seed, SEED_STREAMS.init), context.kernels),
      data,
      hyper,
      kernels: context.kernels,
    });
    return { type: 'epoch.estimated', requestId, estimate, totalSeconds: estimate.secondsPerEpoch * hyper.epochs };
  } finally {
    admitted.release();
  }
}
