// Encodes trained weights as a NumPy .npz archive (a zip of .npy files, written with fflate); pure, any process.
import { zipSync } from 'fflate';
import type { TrainedWeights } from '../trainedWeights.js';
import { encodeNpy } from './npy.js';

/**
 * The bytes of an .npz with one float64 entry `layer{i}_{name}` of its own shape per named tensor, i the layer's index
 * in `spec.layers` counted from 0: a Linear layer gives layer{i}_W (inputs×units, so y = x·W + b) and layer{i}_b (units).
 */
export function encodeWeightsNpz(weights: TrainedWeights): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const tensor of weights.parameters) entries[`layer${tensor.layer}_${tensor.name}.npy`] = encodeNpy(tensor.values, tensor.shape);
  return zipSync(entries, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}
