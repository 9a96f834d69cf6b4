// A sequential network built from a NetworkSpec: forward, backward, its parameters and trained weights; pure, any process.
import type { Kernels } from '../kernels/kernels.js';
import { plainKernels } from '../kernels/plainKernels.js';
import type { Layer, Parameter } from '../layers/layer.js';
import { Linear } from '../layers/linear.js';
import { Relu } from '../layers/relu.js';
import { Sigmoid } from '../layers/sigmoid.js';
import type { Random } from '../random.js';
import type { NetworkSpec, TrainedWeights } from '../spec.js';
import { NetworkSpecError, traceWidths } from './validateSpec.js';

/** Layers in order; keeps each layer's input from the last forward pass for the backward pass. */
export class Network {
  readonly parameters: readonly Parameter[];
  readonly parameterCount: number;
  private readonly layerInputs: Float64Array[];

  constructor(readonly spec: NetworkSpec, readonly layers: readonly Layer[]) {
    this.parameters = layers.flatMap((layer) => layer.parameters);
    this.parameterCount = this.parameters.reduce((count, parameter) => count + parameter.value.length, 0);
    this.layerInputs = layers.map(() => new Float64Array(0));
  }

  get inputs(): number { return this.spec.input; }
  get outputs(): number { return this.layers[this.layers.length - 1]!.outputs; }

  /** Runs `rows` samples (row-major rows×inputs) through every layer; returns the last layer's output buffer. */
  forward(x: Float64Array, rows: number): Float64Array {
    let activation = x;
    for (let i = 0; i < this.layers.length; i++) {
      this.layerInputs[i] = activation;
      activation = this.layers[i]!.forward(activation, rows);
    }
    return activation;
  }

  /** Backpropagates dLoss/dOutput through the layers of the last forward pass, filling every parameter's gradient. */
  backward(outputGradient: Float64Array, rows: number): Float64Array {
    let gradient = outputGradient;
    for (let i = this.layers.length - 1; i >= 0; i--) {
      gradient = this.layers[i]!.backward(this.layerInputs[i]!, gradient, rows);
    }
    return gradient;
  }

  /** A copy of the Linear layers' parameters, indexed by their place in `spec.layers`. */
  trainedWeights(): TrainedWeights {
    const layers: TrainedWeights['layers'] = [];
    this.layers.forEach((layer, index) => {
      if (layer instanceof Linear) {
        layers.push({ index, inputs: layer.inputs, units: layer.outputs, W: layer.W.slice(), b: layer.b.slice() });
      }
    });
    return { spec: structuredCloneSpec(this.spec), layers };
  }
}

function structuredCloneSpec(spec: NetworkSpec): NetworkSpec {
  return { input: spec.input, layers: spec.layers.map((layer) => ({ ...layer })) };
}

/**
 * Builds a network from `spec`, initialising Linear layers in order from `random`.
 * @throws NetworkSpecError when the layers' shapes do not fit.
 */
export function buildNetwork(spec: NetworkSpec, random: Random, kernels: Kernels = plainKernels): Network {
  const { issues } = traceWidths(spec);
  if (issues.length > 0) throw new NetworkSpecError(issues);
  let width = spec.input;
  const layers = spec.layers.map((layerSpec): Layer => {
    const inputs = width;
    switch (layerSpec.type) {
      case 'linear':
        width = layerSpec.units;
        return new Linear(inputs, layerSpec.units, kernels, random);
      case 'relu':
        return new Relu(inputs, kernels);
      case 'sigmoid':
        return new Sigmoid(inputs, kernels);
    }
  });
  return new Network(spec, layers);
}
