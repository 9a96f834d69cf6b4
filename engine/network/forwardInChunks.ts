// Runs many samples through a network in chunks whose activations stay small, handing each chunk's outputs on; pure, any process.
import { networkCost } from '../budget/networkCost.js';
import type { TimeSlicer } from '../work/timeSlicer.js';
import type { NetworkSpec } from '../spec.js';
import type { Network } from './network.js';

/** The activations one chunk may hold (32 MB of float64s): a whole test set of images at once would need gigabytes. */
const CHUNK_ACTIVATIONS = 4 * 1024 * 1024;

/** How many rows of `spec`'s network a chunk holds: as many as CHUNK_ACTIVATIONS allow (at least 1), at most `size`; a convolution's unfolded windows count too. */
export function chunkRowsFor(spec: NetworkSpec, size: number): number {
  const perRow = Math.max(1, networkCost(spec).activationBytesPerRow / 8);
  return Math.max(1, Math.min(size, Math.floor(CHUNK_ACTIVATIONS / perRow)));
}

/** chunkRowsFor the network's spec. */
export function chunkRows(network: Network, size: number): number {
  return chunkRowsFor(network.spec, size);
}

/**
 * Runs the `size` rows of `features` (row-major size×inputs) through `network` chunk by chunk; `onChunk` sees each chunk's
 * outputs (rows×outputs, valid until the next chunk) and its first row. A small network takes every row in one chunk.
 */
export function forwardInChunks(
  network: Network,
  features: Float64Array,
  size: number,
  onChunk: (outputs: Float64Array, first: number, rows: number) => void,
): void {
  const step = chunkRows(network, size);
  const inputs = network.inputs;
  for (let first = 0; first < size; first += step) {
    const rows = Math.min(step, size - first);
    onChunk(network.forward(features.subarray(first * inputs, (first + rows) * inputs), rows), first, rows);
  }
}

/** forwardInChunks giving the host a turn (and a stop its chance) between chunks as `slicer`'s slices run out. */
export async function forwardInChunksSliced(
  network: Network,
  features: Float64Array,
  size: number,
  onChunk: (outputs: Float64Array, first: number, rows: number) => void,
  slicer: TimeSlicer,
): Promise<void> {
  const step = chunkRows(network, size);
  const inputs = network.inputs;
  await slicer.forEach(Math.ceil(size / step), (chunk) => {
    const first = chunk * step;
    const rows = Math.min(step, size - first);
    onChunk(network.forward(features.subarray(first * inputs, (first + rows) * inputs), rows), first, rows);
  });
}
