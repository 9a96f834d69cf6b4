// What a network costs before it is built: its arrays' memory (as the kernels' arena rounds them) and the multiply-adds of a pass; pure, any process.
import { shapeSize } from '../layers/shape.js';
import { describeLayers } from '../network/describeLayers.js';
import type { NetworkSpec } from '../spec.js';

/** The largest block the WebAssembly kernels' arena (1 GB of shared memory at most) can give; a larger array lives outside it. */
const LARGEST_BLOCK_BYTES = 512 * 1024 * 1024;

/** The bytes an array of `values` float64s takes: in the kernels' arena a block of 2^k bytes (at least 64), outside it its own size. */
export function blockBytes(values: number): number {
  const block = 2 ** Math.max(6, Math.ceil(Math.log2(Math.max(1, values * 8))));
  return block <= LARGEST_BLOCK_BYTES ? block : values * 8;
}

export interface NetworkCost {
  parameters: number;
  /** The index of the layer with the most parameters (where a message about the network's size points). */
  largestLayer: number;
  /** Bytes of one array of every parameter's size, as allocated (blocks). */
  parameterBlockBytes: number;
  /** Bytes of every layer's output and input gradient for one row of a batch. */
  activationBytesPerRow: number;
  /** Values of every layer's output for one row (input included). */
  activationsPerRow: number;
  /** Multiply-adds of one forward pass of one row: each weight once per output position (once for a dense layer, H×W times for a convolution), plus every output computed. */
  multiplyAddsPerRow: number;
}

/**
 * Costs `spec` without building it (the shapes from the one shape tracer). Only what is known is counted: for a network
 * whose shapes do not fit, the layers whose shapes are unknown cost nothing, so the cost is at most what it would be.
 */
export function networkCost(spec: NetworkSpec): NetworkCost {
  const { layers } = describeLayers(spec);
  let largestLayer = 0;
  let parameterBlockBytes = 0;
  let activationsPerRow = shapeSize(layers[0]?.inputShape ?? [spec.input]);
  let multiplyAddsPerRow = 0;
  /** A convolution's unfolded windows and their gradient, per row. */
  let windowValuesPerRow = 0;
  let parameters = 0;
  layers.forEach((layer) => {
    const layerParameters = layer.parameters ?? 0;
    parameters += layerParameters;
    if (layerParameters > (layers[largestLayer]?.parameters ?? 0)) largestLayer = layer.index;
    for (const parameter of layer.parameterShapes ?? []) parameterBlockBytes += blockBytes(shapeSize(parameter.shape));
    if (!layer.outputShape) return;
    const outputs = shapeSize(layer.outputShape);
    const [channels = 1, height = 1, width = 1] = layer.outputShape.length === 3 ? layer.outputShape : [];
    const positions = height * width;
    activationsPerRow += outputs;
    multiplyAddsPerRow += layerParameters * positions + outputs;
    if (layer.outputShape.length === 3 && layerParameters > 0) windowValuesPerRow += 2 * positions * Math.ceil(layerParameters / channels);
  });
  return {
    parameters,
    largestLayer,
    parameterBlockBytes,
    activationBytesPerRow: 8 * (2 * activationsPerRow + windowValuesPerRow),
    activationsPerRow,
    multiplyAddsPerRow,
  };
}
