// The loss over a 2D slice θ + α·δ + β·η through trained weights, on a grid, with batched forwards and reused buffers; pure, any process.
import type { Samples } from '../data/dataSets.js';
import type { Kernels } from '../kernels/kernels.js';
import { defaultKernels } from '../kernels/defaultKernels.js';
import type { Layer } from '../layers/layer.js';
import type { Loss } from '../losses/loss.js';
import type { Network } from '../network/network.js';
import { flattenParameters, loadParameters } from '../network/parameters.js';
import { TimeSlicer } from '../work/timeSlicer.js';

export interface LandscapeOptions {
  /** The network at the trained weights θ; its parameters are moved over the grid and restored to θ at the end. */
  network: Network;
  /** The samples the loss is averaged over (the training set). */
  samples: Samples;
  loss: Loss;
  /** The two directions, in the layout of flattenParameters. */
  delta: Float64Array;
  eta: Float64Array;
  resolution: number;
  /** α and β run over −span..span. */
  span: number;
  kernels?: Kernels;
  /** Paces the grid (a turn whenever a slice's time is up); a stop throws WorkStoppedError, with the network's weights restored. */
  slicer?: TimeSlicer;
}

export interface LandscapeValues {
  alpha: Float64Array;
  beta: Float64Array;
  /** values[j * resolution + i]: the loss at (alpha[i], beta[j]). */
  values: Float64Array;
}

/** `resolution` evenly spaced values from −span to span; with an odd resolution the middle one is exactly 0. */
export function sliceCoordinates(resolution: number, span: number): Float64Array {
  const last = resolution - 1;
  return Float64Array.from({ length: resolution }, (_, i) => (span * (2 * i - last)) / last);
}

/**
 * The loss (the figure training reports for a batch: a mean over the samples) of the whole sample set in one batch, in
 * evaluation mode, at each grid point θ + α_i·δ + β_j·η. When the network starts with a Linear layer, its product is
 * split as X·(W + αD + βE) = X·W + α·X·D + β·X·E, computed once, so each point costs one pass through the rest of the
 * network; at α = β = 0 this is exactly the plain forward pass. Buffers are sized once.
 */
export async function evaluateLossLandscape(options: LandscapeOptions): Promise<LandscapeValues> {
  const { network, samples, loss, delta, eta, resolution, span } = options;
  const kernels = options.kernels ?? defaultKernels;
  const slicer = options.slicer ?? new TimeSlicer();
  const rows = samples.size;
  const width = network.outputs;
  const layers = network.layers;
  const lastComputed = layers.length - loss.fusedLayers; // layers [0, lastComputed) give the loss's input

  network.setTraining(false);
  const theta = flattenParameters(network);
  const point = new Float64Array(theta.length);
  const coordinates = sliceCoordinates(resolution, span);
  const values = new Float64Array(resolution * resolution);

  const split = splitFirstLayer(network, samples.features, rows, delta, eta, kernels);

  const lossAt = (alpha: number, beta: number): number => {
    for (let i = 0; i < theta.length; i++) point[i] = theta[i]! + alpha * delta[i]! + beta * eta[i]!;
    loadParameters(network, point);
    let activation: Float64Array = samples.features;
    let start = 0;
    if (split) {
      const { XW, XD, XE, output } = split;
      for (let i = 0; i < output.length; i++) output[i] = XW[i]! + alpha * XD[i]! + beta * XE[i]!;
      kernels.addRowVector(output, split.b, rows, split.units);
      activation = output;
      start = 1;
    }
    for (let i = start; i < lastComputed; i++) activation = layers[i]!.forward(activation, rows);
    return loss.reported(samples.targets, activation, rows, width);
  };

  try {
    for (let j = 0; j < resolution; j++) {
      for (let i = 0; i < resolution; i++) {
        values[j * resolution + i] = lossAt(coordinates[i]!, coordinates[j]!);
        if (slicer.due()) await slicer.turn();
      }
    }
  } finally {
    loadParameters(network, theta);
  }
  return { alpha: coordinates, beta: coordinates.slice(), values };
}

/** The W and b of a Linear layer, from its named parameters. */
function affineParameters(layer: Layer | undefined): { W: Float64Array; b: Float64Array } | undefined {
  if (layer?.type !== 'linear') return undefined;
  const W = layer.parameters.find((parameter) => parameter.name === 'W')?.value;
  const b = layer.parameters.find((parameter) => parameter.name === 'b')?.value;
  return W && b ? { W, b } : undefined;
}

/**
 * When the first layer is Linear (y = x·W + b, so its output is affine in W): X·W, X·D and X·E (D, E: the directions'
 * entries for its W, found at W's place in the flattened layout), its b, and the buffer their sum goes to.
 */
function splitFirstLayer(network: Network, x: Float64Array, rows: number, delta: Float64Array, eta: Float64Array, kernels: Kernels) {
  const first = network.layers[0];
  const affine = affineParameters(first);
  if (!first || !affine) return undefined;
  const { inputs, outputs } = first;
  const product = (W: Float64Array) => {
    const out = new Float64Array(rows * outputs);
    kernels.matmul(x, W, out, rows, inputs, outputs);
    return out;
  };
  let offset = 0;
  for (const parameter of network.parameters) {
    if (parameter.value === affine.W) break;
    offset += parameter.value.length;
  }
  const end = offset + affine.W.length;
  return {
    XW: product(affine.W),
    XD: product(delta.subarray(offset, end)),
    XE: product(eta.subarray(offset, end)),
    b: affine.b,
    units: outputs,
    output: new Float64Array(rows * outputs),
  };
}
