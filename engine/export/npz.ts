// Encodes trained weights as a NumPy .npz archive (a zip of .npy files, written with fflate); pure, any process.
import { zipSync } from 'fflate';
import type { TrainedWeights } from '../spec.js';
import { encodeNpy } from './npy.js';

/**
 * The bytes of an .npz whose entries are `layer{i}_W` (float64, inputs×units, so y = x·W + b) and `layer{i}_b`
 * (float64, units), where i is the Linear layer's index in `spec.layers`, counted from 0.
 */
export function encodeWeightsNpz(weights: TrainedWeights): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const layer of weights.layers) {
    entries[`layer${layer.index}_W.npy`] = encodeNpy(layer.W, [layer.inputs, layer.units]);
    entries[`layer${layer.index}_b.npy`] = encodeNpy(layer.b, [layer.units]);
  }
  return zipSync(entries, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}
