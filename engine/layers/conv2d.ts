// The 2D convolution y = W ∗ x + b (or without b) over C×H×W samples, by im2col on the matrix kernels, and its backward pass; pure, any process.
import { allocateFor, type Kernels } from '../kernels/kernels.js';
import type { Random } from '../random.js';
import type { WindowGeometry } from './convGeometry.js';
import { initialiseWeights, type InitScheme } from './initialisation.js';
import { sized, type Layer, type Parameter } from './layer.js';

/**
 * A convolution of `filters` filters, each channels×k×k, over samples stored channel by channel, row by row (NCHW). W is
 * filters×channels×k×k (PyTorch's and ONNX's layout), b has one value per filter, or there is none when the bias is off. The batch is unrolled once per pass into a
 * (rows·positions)×(channels·k·k) matrix of windows (im2col), so the products are the kernels' matrix products:
 * Y = windows·Wᵀ, dW = dYᵀ·windows, dwindows = dY·W, folded back onto dx (col2im).
 */
export class Conv2D implements Layer {
  readonly type = 'conv2d' as const;
  readonly inputs: number;
  readonly outputs: number;
  readonly W: Float64Array;
  /** One bias per filter; undefined when the layer has no bias. */
  readonly b: Float64Array | undefined;
  readonly dW: Float64Array;
  readonly db: Float64Array | undefined;
  readonly parameters: readonly Parameter[];
  private readonly positions: number;
  private readonly patch: number;
  private windows: Float64Array = new Float64Array(0);
  private product: Float64Array = new Float64Array(0);
  private productGradient: Float64Array = new Float64Array(0);
  private windowGradient: Float64Array = new Float64Array(0);
  private output: Float64Array = new Float64Array(0);
  private inputGradient: Float64Array = new Float64Array(0);

  /** Creates the layer with weights drawn by `init` (fan-in channels·k², fan-out filters·k²) and, with `bias`, a zero bias. */
  constructor(
    readonly geometry: WindowGeometry,
    readonly filters: number,
    private readonly kernels: Kernels,
    random: Random,
    init: InitScheme,
    bias = true,
  ) {
    const { channels, height, width, window } = geometry;
    this.positions = geometry.rows.output * geometry.columns.output;
    this.patch = channels * window * window;
    this.inputs = channels * height * width;
    this.outputs = filters * this.positions;
    this.W = allocateFor(kernels, filters * this.patch);
    initialiseWeights(this.W, this.patch, filters * window * window, init, random);
    this.dW = allocateFor(kernels, filters * this.patch);
    this.b = bias ? allocateFor(kernels, filters) : undefined;
    this.db = bias ? allocateFor(kernels, filters) : undefined;
    this.parameters = [
      { name: 'W', shape: [filters, channels, window, window], value: this.W, gradient: this.dW, decayed: true, filterAxis: 0 },
      ...(this.b && this.db ? [{ name: 'b', shape: [filters], value: this.b, gradient: this.db, decayed: false }] : []),
    ];
  }

  /**
   * Unrolls every window of the batch into a row of `windows`: (sample, output row, output column) × (channel, i, j).
   * The padding's places are the same in every pass and the buffer starts zeroed, so only the values inside are written.
   */
  private im2col(x: Float64Array, rows: number): void {
    const { channels, height, width, window, stride, rows: vertical, columns: horizontal } = this.geometry;
    const windows = this.windows;
    const plane = height * width;
    let at = 0;
    for (let n = 0; n < rows; n++) {
      const sample = n * this.inputs;
      for (let oy = 0; oy < vertical.output; oy++) {
        const top = oy * stride - vertical.before;
        for (let ox = 0; ox < horizontal.output; ox++) {
          const left = ox * stride - horizontal.before;
          const from = Math.max(0, -left);
          const to = Math.min(window, width - left);
          for (let c = 0; c < channels; c++) {
            const channel = sample + c * plane + left;
            for (let i = 0; i < window; i++, at += window) {
              const y = top + i;
              if (y < 0 || y >= height) continue;
              const row = channel + y * width;
              for (let j = from; j < to; j++) windows[at + j] = x[row + j]!;
            }
          }
        }
      }
    }
  }

  /** Adds each row of `windowGradient` back onto the input values it was read from. */
  private col2im(rows: number): void {
    const { channels, height, width, window, stride, rows: vertical, columns: horizontal } = this.geometry;
    const dx = this.inputGradient;
    dx.fill(0);
    const gradient = this.windowGradient;
    const plane = height * width;
    let at = 0;
    for (let n = 0; n < rows; n++) {
      const sample = n * this.inputs;
      for (let oy = 0; oy < vertical.output; oy++) {
        const top = oy * stride - vertical.before;
        for (let ox = 0; ox < horizontal.output; ox++) {
          const left = ox * stride - horizontal.before;
          const from = Math.max(0, -left);
          const to = Math.min(window, width - left);
          for (let c = 0; c < channels; c++) {
            const channel = sample + c * plane + left;
            for (let i = 0; i < window; i++, at += window) {
              const y = top + i;
              if (y < 0 || y >= height) continue;
              const row = channel + y * width;
              for (let j = from; j < to; j++) dx[row + j] += gradient[at + j]!;
            }
          }
        }
      }
    }
  }

  forward(x: Float64Array, rows: number): Float64Array {
    const m = rows * this.positions;
    this.windows = sized(this.windows, m * this.patch, this.kernels);
    this.product = sized(this.product, m * this.filters, this.kernels);
    this.output = sized(this.output, rows * this.outputs, this.kernels);
    this.im2col(x, rows);
    this.kernels.matmulTransposeB(this.windows, this.W, this.product, m, this.patch, this.filters);
    // (sample, position) × filter → sample × filter × position (NCHW), the bias (if any) added on the way.
    const { positions, filters, product, output, b } = this;
    for (let n = 0; n < rows; n++) {
      const sample = n * positions;
      for (let f = 0; f < filters; f++) {
        const bias = b ? b[f]! : 0;
        const to = n * this.outputs + f * positions;
        for (let p = 0; p < positions; p++) output[to + p] = product[(sample + p) * filters + f]! + bias;
      }
    }
    return output;
  }

  /** dW = dYᵀ·windows and db (when there is a bias) = the column sums of dY, with dY the upstream gradient as (sample, position) × filter; dx by col2im of dY·W. */
  backward(_x: Float64Array, dy: Float64Array, rows: number, inputGradient = true): Float64Array {
    const m = rows * this.positions;
    const { positions, filters, db } = this;
    this.productGradient = sized(this.productGradient, m * filters, this.kernels);
    const dY = this.productGradient;
    db?.fill(0);
    for (let n = 0; n < rows; n++) {
      const sample = n * positions;
      for (let f = 0; f < filters; f++) {
        const from = n * this.outputs + f * positions;
        let sum = 0;
        for (let p = 0; p < positions; p++) {
          const value = dy[from + p]!;
          dY[(sample + p) * filters + f] = value;
          sum += value;
        }
        if (db) db[f] += sum;
      }
    }
    this.kernels.matmulTransposeA(dY, this.windows, this.dW, m, filters, this.patch);
    this.inputGradient = sized(this.inputGradient, rows * this.inputs, this.kernels);
    if (!inputGradient) return this.inputGradient;
    this.windowGradient = sized(this.windowGradient, m * this.patch, this.kernels);
    this.kernels.matmul(dY, this.W, this.windowGradient, m, filters, this.patch);
    this.col2im(rows);
    return this.inputGradient;
  }
}
