// Answers surface.map: the step-size × decay map, with progress events on the way, time-sliced and stopped by work.stop; pure, runs in the engine process.
import type { ErrorEvent } from '../protocol/errors.js';
import type { SurfaceMap, SurfaceMapResult } from '../protocol/stepDecayMap.js';
import { computeStepDecayMap } from '../surfaces/stepDecayMap.js';
import type { EngineContext } from './engineContext.js';
import { startValueError, surfaceOf } from './surfaceHandlers.js';

/** The map of the request's surface, start and optimizer, or an error at the field at fault; progress events go out as it runs. */
export async function handleSurfaceMap(request: SurfaceMap, context: Pick<EngineContext, 'send' | 'work'>): Promise<SurfaceMapResult | ErrorEvent> {
  const surface = surfaceOf(request);
  if ('type' in surface) return surface;
  const bad = startValueError(surface, request);
  if (bad) return bad;
  const result = await computeStepDecayMap(surface, request.start, {
    stepSizes: request.stepSizes,
    decays: request.decays,
    steps: request.steps,
    optimizer: request.optimizer,
    epsilon: request.epsilon,
    onProgress: (done, total) => context.send({ type: 'surface.mapProgress', requestId: request.requestId, done, total }),
    slicer: context.work.slicer(),
  });
  return { type: 'surface.mapResult', requestId: request.requestId, ...result };
}
