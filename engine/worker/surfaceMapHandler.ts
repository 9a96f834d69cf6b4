// Answers surface.map (the step-size × decay map, with progress events) and surface.mapStop; pure, runs in the engine process.
import type { ErrorEvent } from '../protocol/errors.js';
import type { SurfaceMap, SurfaceMapResult, SurfaceMapStop } from '../protocol/stepDecayMap.js';
import { computeStepDecayMap } from '../surfaces/stepDecayMap.js';
import type { EngineContext } from './engineContext.js';
import type { RequestHandlers } from './requestHandler.js';
import { startValueError, surfaceOf } from './surfaceHandlers.js';

export interface SurfaceMapHandlers {
  readonly handlers: Pick<RequestHandlers, 'surface.map' | 'surface.mapStop'>;
  /** Stops every map being computed. */
  dispose(): void;
}

/**
 * Creates the handlers of the map requests. Maps may overlap (each under its own requestId); a stop for a map that is not
 * being computed is ignored (it may have just finished). A stopped map is answered with an error that says so.
 */
export function createSurfaceMapHandlers(): SurfaceMapHandlers {
  const stopped = new Map<string, boolean>();

  async function map(request: SurfaceMap, context: EngineContext): Promise<SurfaceMapResult | ErrorEvent> {
    const surface = surfaceOf(request);
    if ('type' in surface) return surface;
    const bad = startValueError(surface, request);
    if (bad) return bad;
    if (stopped.has(request.requestId)) return { type: 'error', requestId: request.requestId, message: `a map ${request.requestId} is already being computed` };
    stopped.set(request.requestId, false);
    try {
      const result = await computeStepDecayMap(surface, request.start, {
        stepSizes: request.stepSizes,
        decays: request.decays,
        steps: request.steps,
        optimizer: request.optimizer,
        epsilon: request.epsilon,
        onProgress: (done, total) => context.send({ type: 'surface.mapProgress', requestId: request.requestId, done, total }),
        shouldStop: () => stopped.get(request.requestId) === true || context.isDisposed(),
        yieldToEventLoop: context.yieldToEventLoop,
      });
      if (!result) return { type: 'error', requestId: request.requestId, message: 'the map was stopped before it was finished' };
      return { type: 'surface.mapResult', requestId: request.requestId, ...result };
    } finally {
      stopped.delete(request.requestId);
    }
  }

  return {
    handlers: {
      'surface.map': map,
      'surface.mapStop': async (request: SurfaceMapStop) => {
        if (stopped.has(request.requestId)) stopped.set(request.requestId, true);
      },
    },
    dispose() {
      for (const id of stopped.keys()) stopped.set(id, true);
    },
  };
}
