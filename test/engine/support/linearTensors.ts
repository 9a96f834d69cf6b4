// Test helper: a Linear layer's W ([inputs, units]) and b ([units]) as the named tensors trained weights hold.
import type { NamedTensor } from '../../../engine/trainedWeights.js';

/** The two named tensors of the Linear layer at spec index `layer`. */
export function linearTensors(layer: number, inputs: number, units: number, W: Float64Array, b: Float64Array): NamedTensor[] {
  return [
    { layer, name: 'W', shape: [inputs, units], values: W },
    { layer, name: 'b', shape: [units], values: b },
  ];
}
