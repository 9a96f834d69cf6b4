// The number of trainable values a spec's network has, without building it; pure, any process.
import type { NetworkSpec } from '../spec.js';

/** Σ over Linear layers of inputs·units + units (the widths traced through the spec). */
export function countParameters(spec: NetworkSpec): number {
  let width = spec.input;
  let count = 0;
  for (const layer of spec.layers) {
    if (layer.type !== 'linear') continue;
    count += width * layer.units + layer.units;
    width = layer.units;
  }
  return count;
}
