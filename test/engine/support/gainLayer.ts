// Test helper: a layer with parameters other than W and b (a per-unit gain and a rank-3 offset), built in place of every tanh.
import { shapeSize } from '../../../engine/layers/shape.js';
import { buildLayer, type LayerFactory } from '../../../engine/network/network.js';
import { sized, type Layer, type Parameter } from '../../../engine/layers/layer.js';

/**
 * y_j = gain_j · tanh(x_j) + Σ_{a,c} offset[a, c, j]: made up for the tests, so that no exporter or loader can know
 * its parameters' names ("gain" [width], "offset" [2, 3, width]) beforehand.
 */
export class GainLayer implements Layer {
  readonly type = 'tanh' as const;
  readonly outputs: number;
  readonly parameters: readonly Parameter[];
  private output: Float64Array = new Float64Array(0);

  constructor(
    readonly inputs: number,
    seed: number,
  ) {
    this.outputs = inputs;
    const gain = Float64Array.from({ length: inputs }, (_, j) => 1 + seed / 10 + j / 100);
    const offset = Float64Array.from({ length: 6 * inputs }, (_, i) => (seed - i) / 1000);
    this.parameters = [
      { name: 'gain', shape: [inputs], value: gain, gradient: new Float64Array(inputs), decayed: false },
      { name: 'offset', shape: [2, 3, inputs], value: offset, gradient: new Float64Array(6 * inputs), decayed: false },
    ];
  }

  forward(x: Float64Array, rows: number): Float64Array {
    const [gain, offset] = this.parameters.map((parameter) => parameter.value) as [Float64Array, Float64Array];
    this.output = sized(this.output, rows * this.inputs);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < this.inputs; j++) {
        let y = gain[j]! * Math.tanh(x[r * this.inputs + j]!);
        for (let k = 0; k < 6; k++) y += offset[k * this.inputs + j]!;
        this.output[r * this.inputs + j] = y;
      }
    }
    return this.output;
  }

  backward(): Float64Array {
    throw new Error('GainLayer is only run forward in the tests');
  }
}

/** Builds the usual layers, but a GainLayer (its values set by `seed`) for every tanh. */
export function gainLayerFactory(seed: number): LayerFactory {
  return (spec, inputs, kernels, random, dropoutRandom) =>
    spec.type === 'tanh' ? new GainLayer(shapeSize(inputs), seed) : buildLayer(spec, inputs, kernels, random, dropoutRandom);
}
