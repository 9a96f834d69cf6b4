// The number of trainable values a spec's network has, without building it; pure, any process.
import type { NetworkSpec } from '../spec.js';
import { fittedLayers } from './fittedLayers.js';

/**
 * Σ over the layers of their parameter shapes' sizes (Linear: inputs·units + units), as the shape tracer gives them.
 * @throws NetworkSpecError when the layers' shapes do not fit.
 */
export function countParameters(spec: NetworkSpec): number {
  return fittedLayers(spec).parameterCount;
}
