// A sequential network built from a NetworkSpec: forward, backward, training mode, its parameters and trained weights; pure, any process.
import type { Kernels } from '../kernels/kernels.js';
import { defaultKernels } from '../kernels/defaultKernels.js';
import type { Layer, Parameter } from '../layers/layer.js';
import { definitionOf } from '../layers/registry.js';
import type { Shape } from '../layers/shape.js';
import { createRandom, type Random } from '../random.js';
import type { LayerSpec, NetworkSpec } from '../spec.js';
import type { TrainedWeights } from '../trainedWeights.js';
import { fittedLayers } from './fittedLayers.js';

/** What backward returns when the input gradient was not asked for (zero-length, so nothing can be written to it). */
const NO_GRADIENT = new Float64Array(0);

/** Layers in order; keeps each layer's input from the last forward pass for the backward pass. */
export class Network {
  readonly parameters: readonly Parameter[];
  readonly parameterCount: number;
  private readonly layerInputs: Float64Array[];

  constructor(
    readonly spec: NetworkSpec,
    readonly layers: readonly Layer[],
  ) {
    this.parameters = layers.flatMap((layer) => layer.parameters);
    this.parameterCount = this.parameters.reduce((count, parameter) => count + parameter.value.length, 0);
    this.layerInputs = layers.map(() => new Float64Array(0));
  }

  get inputs(): number {
    return this.spec.input;
  }
  get outputs(): number {
    return this.layers[this.layers.length - 1]!.outputs;
  }

  /** Training mode (dropout draws masks) or evaluation mode (dropout passes values through; the default). */
  setTraining(on: boolean): void {
    for (let i = 0; i < this.layers.length; i++) this.layers[i]!.setTraining?.(on);
  }

  /** Runs `rows` samples (row-major rows×inputs) through every layer; returns the last layer's output buffer. */
  forward(x: Float64Array, rows: number): Float64Array {
    let activation = x;
    for (let i = 0; i < this.layers.length; i++) {
      this.layerInputs[i] = activation;
      activation = this.layers[i]!.forward(activation, rows);
    }
    return activation;
  }

  /** The input the layer at `index` received in the last forward pass (for index = layers.length − 1 with a fused loss: the logits). */
  inputOf(index: number): Float64Array {
    return this.layerInputs[index]!;
  }

  /**
   * Backpropagates a gradient through the layers of the last forward pass, filling every parameter's gradient.
   * With `skipLast` = 1 the gradient is with respect to the last layer's input, whose backward is bypassed (a fused loss).
   * Returns the gradient with respect to the network's input; with `inputGradient` false (training, which does not need
   * it) the first layer skips computing it and an empty array is returned.
   */
  backward(gradient: Float64Array, rows: number, skipLast: 0 | 1 = 0, inputGradient = true): Float64Array {
    let current = gradient;
    for (let i = this.layers.length - 1 - skipLast; i >= 0; i--) {
      current = this.layers[i]!.backward(this.layerInputs[i]!, current, rows, i > 0 || inputGradient);
    }
    return inputGradient ? current : NO_GRADIENT;
  }

  /** A copy of every layer's parameters as named tensors, in the network's order. */
  trainedWeights(): TrainedWeights {
    const parameters = this.layers.flatMap((layer, index) =>
      layer.parameters.map((parameter) => ({
        layer: index,
        name: parameter.name,
        shape: [...parameter.shape],
        values: parameter.value.slice(),
      })),
    );
    return { spec: cloneSpec(this.spec), parameters };
  }
}

function cloneSpec(spec: NetworkSpec): NetworkSpec {
  return { input: spec.input, ...(spec.inputShape ? { inputShape: [...spec.inputShape] } : {}), layers: spec.layers.map((layer) => ({ ...layer })) };
}

/** Builds one layer of a spec whose input sample has `input`'s shape (`random` initialises weights, `trainingRandom` drives dropout masks). */
export type LayerFactory = (spec: LayerSpec, input: Shape, kernels: Kernels, random: Random, trainingRandom: Random) => Layer;

/** The layers a spec names, as training uses them: each built by its registry definition. */
export const buildLayer: LayerFactory = (spec, input, kernels, random, trainingRandom) =>
  definitionOf(spec).build(spec, input, { kernels, random, trainingRandom });

/**
 * Builds a network from `spec`, initialising its layers in order from `random`. Dropout masks (any layer whose definition
 * draws in training) come from a generator seeded by one more draw from `random` after the initialisation, so a run stays
 * reproducible and networks without such a layer draw exactly what they always drew. `layerFactory` lets a gradient check swap layers.
 * @throws NetworkSpecError when the layers' shapes do not fit.
 */
export function buildNetwork(spec: NetworkSpec, random: Random, kernels: Kernels = defaultKernels, layerFactory: LayerFactory = buildLayer): Network {
  const description = fittedLayers(spec);
  let trainingRandom: Random | undefined;
  const lazyTrainingRandom: Random = { next: () => (trainingRandom ??= createRandom(0)).next() };
  const layers = spec.layers.map((layerSpec, index): Layer =>
    layerFactory(layerSpec, description.layers[index]!.inputShape, kernels, random, lazyTrainingRandom),
  );
  if (spec.layers.some((layer) => definitionOf(layer).trainingRandom)) trainingRandom = createRandom(Math.floor(random.next() * 2 ** 32));
  return new Network(spec, layers);
}
