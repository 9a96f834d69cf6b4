// Max and average pooling over C×H×W samples, each window reduced to one value per channel, with their backward passes; pure, any process.
import type { Kernels } from '../kernels/kernels.js';
import type { WindowGeometry } from './convGeometry.js';
import { sized, type Layer } from './layer.js';

/**
 * What both poolings share: the geometry and the buffers, sized once per batch size. Windows are walked channel plane by
 * channel plane (a batch of `rows` samples has rows·channels planes), the output in the same order, so a step allocates nothing.
 */
abstract class Pool2D implements Layer {
  abstract readonly type: 'maxpool2d' | 'avgpool2d';
  readonly inputs: number;
  readonly outputs: number;
  readonly parameters = [];
  protected output: Float64Array = new Float64Array(0);
  protected inputGradient: Float64Array = new Float64Array(0);

  constructor(
    readonly geometry: WindowGeometry,
    protected readonly kernels: Kernels,
  ) {
    const { channels, height, width, rows, columns } = geometry;
    this.inputs = channels * height * width;
    this.outputs = channels * rows.output * columns.output;
  }

  abstract forward(x: Float64Array, rows: number): Float64Array;
  abstract backward(x: Float64Array, dy: Float64Array, rows: number, inputGradient?: boolean): Float64Array;
}

/** Max pooling: each window's largest value; the gradient goes to that value alone (the first of equal ones). */
export class MaxPool2D extends Pool2D {
  readonly type = 'maxpool2d' as const;
  private argmax = new Int32Array(0);

  forward(x: Float64Array, rows: number): Float64Array {
    this.output = sized(this.output, rows * this.outputs, this.kernels);
    if (this.argmax.length !== rows * this.outputs) this.argmax = new Int32Array(rows * this.outputs);
    const { channels, height, width, window, stride, rows: vertical, columns: horizontal } = this.geometry;
    const { output, argmax } = this;
    const planes = rows * channels;
    let out = 0;
    for (let plane = 0; plane < planes; plane++) {
      const base = plane * height * width;
      for (let oy = 0; oy < vertical.output; oy++) {
        const top = base + oy * stride * width;
        for (let ox = 0; ox < horizontal.output; ox++, out++) {
          const first = top + ox * stride;
          let best = first;
          let largest = x[first]!;
          for (let i = 0; i < window; i++) {
            const row = first + i * width;
            for (let j = 0; j < window; j++) {
              const value = x[row + j]!;
              if (value > largest) {
                largest = value;
                best = row + j;
              }
            }
          }
          argmax[out] = best;
          output[out] = largest;
        }
      }
    }
    return output;
  }

  backward(_x: Float64Array, dy: Float64Array, rows: number): Float64Array {
    this.inputGradient = sized(this.inputGradient, rows * this.inputs, this.kernels);
    const { inputGradient, argmax } = this;
    inputGradient.fill(0);
    for (let out = 0; out < rows * this.outputs; out++) inputGradient[argmax[out]!] += dy[out]!;
    return inputGradient;
  }
}

/** Average pooling: each window's mean; the gradient is shared equally by the window's values. */
export class AvgPool2D extends Pool2D {
  readonly type = 'avgpool2d' as const;

  forward(x: Float64Array, rows: number): Float64Array {
    this.output = sized(this.output, rows * this.outputs, this.kernels);
    const { channels, height, width, window, stride, rows: vertical, columns: horizontal } = this.geometry;
    const output = this.output;
    const area = window * window;
    const planes = rows * channels;
    let out = 0;
    for (let plane = 0; plane < planes; plane++) {
      const base = plane * height * width;
      for (let oy = 0; oy < vertical.output; oy++) {
        const top = base + oy * stride * width;
        for (let ox = 0; ox < horizontal.output; ox++, out++) {
          const first = top + ox * stride;
          let sum = 0;
          for (let i = 0; i < window; i++) for (let j = 0; j < window; j++) sum += x[first + i * width + j]!;
          output[out] = sum / area;
        }
      }
    }
    return output;
  }

  backward(_x: Float64Array, dy: Float64Array, rows: number): Float64Array {
    this.inputGradient = sized(this.inputGradient, rows * this.inputs, this.kernels);
    const inputGradient = this.inputGradient;
    inputGradient.fill(0);
    const { channels, height, width, window, stride, rows: vertical, columns: horizontal } = this.geometry;
    const area = window * window;
    const planes = rows * channels;
    let out = 0;
    for (let plane = 0; plane < planes; plane++) {
      const base = plane * height * width;
      for (let oy = 0; oy < vertical.output; oy++) {
        const top = base + oy * stride * width;
        for (let ox = 0; ox < horizontal.output; ox++, out++) {
          const first = top + ox * stride;
          const share = dy[out]! / area;
          for (let i = 0; i < window; i++) for (let j = 0; j < window; j++) inputGradient[first + i * width + j] += share;
        }
      }
    }
    return inputGradient;
  }
}
