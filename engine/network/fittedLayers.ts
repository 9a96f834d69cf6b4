// The shape tracer's answer for a network that must fit (to build, export or analyse it): every shape known, or the issues thrown; pure, any process.
import type { NetworkSpec } from '../spec.js';
import { describeLayers, fitted, type FittedNetwork } from './describeLayers.js';
import { NetworkSpecError } from './validateSpec.js';

/**
 * Every layer's shapes and parameters of `spec`, all known.
 * @throws NetworkSpecError when the layers' shapes do not fit.
 */
export function fittedLayers(spec: NetworkSpec): FittedNetwork {
  const description = describeLayers(spec);
  const known = fitted(description);
  if (!known) throw new NetworkSpecError(description.issues);
  return known;
}
