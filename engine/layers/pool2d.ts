// Max and average pooling over C×H×W samples, each window reduced to one value per channel, with their backward passes; pure, any process.
import type { Kernels } from '../kernels/kernels.js';
import type { WindowGeometry } from './convGeometry.js';
import { sized, type Layer } from './layer.js';

/** What both poolings share: the geometry, the buffers and the walk over every window of every channel. */
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

  /** Calls `visit(outputIndex, inputIndices)` for every window; the indices are those of the window's values inside the sample. */
  protected eachWindow(rows: number, visit: (output: number, first: number, sample: number) => void): void {
    const { channels, height, width, rows: vertical, columns: horizontal } = this.geometry;
    let out = 0;
    for (let n = 0; n < rows; n++) {
      for (let c = 0; c < channels; c++) {
        const plane = n * this.inputs + c * height * width;
        for (let oy = 0; oy < vertical.output; oy++) {
          for (let ox = 0; ox < horizontal.output; ox++) visit(out++, plane + oy * this.geometry.stride * width + ox * this.geometry.stride, n);
        }
      }
    }
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
    const { window, width } = this.geometry;
    this.eachWindow(rows, (out, first) => {
      let best = first;
      for (let i = 0; i < window; i++) {
        for (let j = 0; j < window; j++) {
          const at = first + i * width + j;
          if (x[at]! > x[best]!) best = at;
        }
      }
      this.argmax[out] = best;
      this.output[out] = x[best]!;
    });
    return this.output;
  }

  backward(_x: Float64Array, dy: Float64Array, rows: number): Float64Array {
    this.inputGradient = sized(this.inputGradient, rows * this.inputs, this.kernels);
    this.inputGradient.fill(0);
    for (let out = 0; out < rows * this.outputs; out++) this.inputGradient[this.argmax[out]!] = this.inputGradient[this.argmax[out]!]! + dy[out]!;
    return this.inputGradient;
  }
}

/** Average pooling: each window's mean; the gradient is shared equally by the window's values. */
export class AvgPool2D extends Pool2D {
  readonly type = 'avgpool2d' as const;

  forward(x: Float64Array, rows: number): Float64Array {
    this.output = sized(this.output, rows * this.outputs, this.kernels);
    const { window, width } = this.geometry;
    const area = window * window;
    this.eachWindow(rows, (out, first) => {
      let sum = 0;
      for (let i = 0; i < window; i++) for (let j = 0; j < window; j++) sum += x[first + i * width + j]!;
      this.output[out] = sum / area;
    });
    return this.output;
  }

  backward(_x: Float64Array, dy: Float64Array, rows: number): Float64Array {
    this.inputGradient = sized(this.inputGradient, rows * this.inputs, this.kernels);
    this.inputGradient.fill(0);
    const { window, width } = this.geometry;
    const area = window * window;
    this.eachWindow(rows, (out, first) => {
      const share = dy[out]! / area;
      for (let i = 0; i < window; i++) {
        for (let j = 0; j < window; j++) this.inputGradient[first + i * width + j] = this.inputGradient[first + i * width + j]! + share;
      }
    });
    return this.inputGradient;
  }
}
