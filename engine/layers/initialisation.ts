// The initial weights of a Linear layer: Glorot/Xavier uniform, He normal, or the exercise's too-small uniform scale; pure, any process.
import { standardNormal, type Random } from '../random.js';

/** How a Linear layer's weights are drawn: Glorot/Xavier uniform (default), He normal, or the exercise's too-small √(6/(n_in·n_out)) scale. */
export const INIT_SCHEMES = ['xavier', 'he', 'exercise'] as const;
export type InitScheme = (typeof INIT_SCHEMES)[number];

/** Glorot/Xavier uniform bound: W ~ U(−a, a) with a = √(6 / (n_in + n_out)). */
export function xavierBound(inputs: number, outputs: number): number {
  return Math.sqrt(6 / (inputs + outputs));
}

/** The exercise's bound √(6 / (n_in · n_out)): a product where Glorot has a sum, so far too small for wide layers. */
export function exerciseBound(inputs: number, outputs: number): number {
  return Math.sqrt(6 / (inputs * outputs));
}

/** He's standard deviation √(2 / n_in), for layers followed by a ReLU. */
export function heStandardDeviation(inputs: number): number {
  return Math.sqrt(2 / inputs);
}

/** Fills the row-major inputs×outputs matrix `W` by `scheme`, drawing from `random` in order. */
export function initialiseWeights(W: Float64Array, inputs: number, outputs: number, scheme: InitScheme, random: Random): void {
  if (scheme === 'he') {
    const std = heStandardDeviation(inputs);
    for (let i = 0; i < W.length; i++) W[i] = std * standardNormal(random);
    return;
  }
  const bound = scheme === 'exercise' ? exerciseBound(inputs, outputs) : xavierBound(inputs, outputs);
  for (let i = 0; i < W.length; i++) W[i] = bound * (2 * random.next() - 1);
}
