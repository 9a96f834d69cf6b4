// Answers landscape.run: the loss over a filter-normalised 2D slice through trained weights, with the training path projected; pure, runs in the engine process.
import { landscapeCost } from '../budget/requestCost.js';
import { filterNormalisedDirection } from '../landscape/filterNormalisedDirection.js';
import { evaluateLossLandscape } from '../landscape/lossLandscape.js';
import { projectPath } from '../landscape/projectPath.js';
import { createLoss } from '../losses/createLoss.js';
import { defaultLossFor, validateLoss } from '../losses/lossRules.js';
import { flattenParameters } from '../network/parameters.js';
import type { ErrorEvent } from '../protocol/errors.js';
import type { LandscapeGrid, LandscapeRun } from '../protocol/landscape.js';
import { createRandom } from '../random.js';
import type { PreparedData } from '../data/dataSets.js';
import type { LossName } from '../losses/lossNames.js';
import type { Network } from '../network/network.js';
import { loadTrainedData, rebuildNetwork } from './analysisHandler.js';
import type { EngineContext } from './engineContext.js';

/**
 * The loss (the request's, else the network's default) over the training set at θ + α·δ + β·η for a resolution ×
 * resolution grid of α, β in −span..span; δ and η are drawn in that order from one generator seeded by directionSeed.
 */
export async function handleLandscape(request: LandscapeRun, context: EngineContext): Promise<LandscapeGrid | ErrorEvent> {
  const fail = (field: string, message: string): ErrorEvent => ({ type: 'error', requestId: request.requestId, field, message });
  const loaded = await loadTrainedData(request, context);
  if ('type' in loaded) return loaded;
  const { weights, data } = loaded;
  const { spec } = weights;

  // Costed before the network is rebuilt, as every request is before it allocates.
  const admitted = context.budget.admit(landscapeCost(request, spec, data.train.size));
  if ('issue' in admitted) return { type: 'error', requestId: request.requestId, code: 'over-budget', ...admitted.issue };
  try {
    const network = rebuildNetwork(request.requestId, weights, context);
    if ('type' in network) return network;
    const lossName = request.loss ?? defaultLossFor(spec);
    const lossIssue = validateLoss(spec, lossName, request.loss !== undefined, network.outputs)[0];
    if (lossIssue) return fail(request.loss !== undefined ? 'loss' : `weights.${lossIssue.field}`, lossIssue.message);
    if (network.parameterCount === 0) return fail('weights', 'the network has no layer with parameters, so it has no weights to vary');
    return await landscapeWithin(request, context, network, data, lossName);
  } finally {
    admitted.release();
  }
}

/** The landscape of a request whose cost the budget holds. */
async function landscapeWithin(
  request: LandscapeRun,
  context: EngineContext,
  network: Network,
  data: PreparedData,
  lossName: LossName,
): Promise<LandscapeGrid | ErrorEvent> {
  const fail = (field: string, message: string): ErrorEvent => ({ type: 'error', requestId: request.requestId, field, message });
  const random = createRandom(request.directionSeed);
  const delta = filterNormalisedDirection(network, random);
  const eta = filterNormalisedDirection(network, random);
  if (!delta.some((value) => value !== 0)) return fail('weights', 'every weight is zero, so the filter-normalised directions are zero too');

  const badPoint = request.path?.findIndex((point) => point.length !== network.parameterCount) ?? -1;
  if (badPoint >= 0) {
    return fail(
      `path.${badPoint}`,
      `path point ${badPoint} has ${request.path![badPoint]!.length} values but the network has ${network.parameterCount} parameters`,
    );
  }

  const grid = await evaluateLossLandscape({
    network,
    samples: data.train,
    loss: createLoss(lossName),
    delta,
    eta,
    resolution: request.resolution,
    span: request.span,
    kernels: context.kernels,
    slicer: context.work.slicer(),
  });
  const theta = flattenParameters(network);
  return {
    type: 'landscape.grid',
    requestId: request.requestId,
    alpha: grid.alpha,
    beta: grid.beta,
    values: grid.values,
    ...(request.path ? { path: projectPath(request.path, theta, delta, eta) } : {}),
  };
}
