// The number of trainable values a spec's network has, without building it; pure, any process.
import type { NetworkSpec } from '../spec.js';
import { describeLayers } from './describeLayers.js';

/** Σ over the layers of their parameter shapes' sizes (Linear: inputs·units + units), as the shape tracer gives them. */
export function countParameters(spec: NetworkSpec): number {
  return describeLayers(spec).parameterCount;
}
