// The 2D convolution y = W ∗ x + b over C×H×W samples, by im2col on the matrix kernels, and its backward pass; pure, any process.
import { allocateFor, type Kernels } from '../kernels/kernels.js';
import type { Random } from '../random.js';
import type { WindowGeometry } from './convGeometry.js';
import { initialiseWeights, type InitScheme } from './initialisation.js';
import { sized, type Layer, type Parameter } from './layer.js';

/**
 * A convolution of `filters` filters, each channels×k×k, over samples stored channel by channel, row by row (NCHW). W is
 * filters×channels×k×k (PyTorch's and ONNX's layout), b has one value per filter. The batch is unrolled once per pass into a
 * (rows·positions)×(channels·k·k) matrix of windows (im2col), so the products are the kernels' matrix products:
 * Y = windows·Wᵀ, dW = dYᵀ·windows, dwindows = dY·W, folded back onto dx (col2im).
 */
export class Conv2D implements Layer {
  readonly type = 'conv2d' as const;
  readonly inputs: number;
  readonly outputs: number;
  readonly W: Float64Array;
  readonly b: Float64Array;
  readonly dW: Float64Array;
  readonly db: Float64Array;
  readonly parameters: readonly Parameter[];
  private readonly positions: number;
  private readonly patch: number;
  private windows: Float64Array = new Float64Array(0);
  private product: Float64Array = new Float64Array(0);
  private productGradient: Float64Array = new Float64Array(0);
  private windowGradient: Float64Array = new Float64Array(0);
  private output: Float64Array = new Float64Array(0);
  private inputGradient: Float64Array = new Float64Array(0);

  /** Creates the layer with weights drawn by `init` (fan-in channels·k², fan-out filters·k²) and zero bias. */
  constructor(
    readonly geometry: WindowGeometry,
    readonly filters: number,
    private readonly kernels: Kernels,
    random: Random,
    init: InitScheme,
  ) {
    const { channels, height, width, window } = geometry;
    this.positions = geometry.rows.output * geometry.columns.output;
    this.patch = channels * window * window;
    this.inputs = channels * height * width;
    this.outputs = filters * this.positions;
    this.W = allocateFor(kernels, filters * this.patch);
    initialiseWeights(this.W, this.patch, filters * window * window, init, random);
    this.b = allocateFor(kernels, filters);
    this.dW = allocateFor(kernels, filters * this.patch);
    this.db = allocateFor(kernels, filters);
    this.parameters = [
      { name: 'W', shape: [filters, channels, window, window], value: this.W, gradient: this.dW, decayed: true, filterAxis: 0 },
      { name: 'b', shape: [filters], value: this.b, gradient: this.db, decayed: false },
    ];
  }

  /** Unrolls every window of the batch into a row of `windows`: (sample, output row, output column) × (channel, i, j). */
  private im2col(x: Float64Array, rows: number): void {
    const { channels, height, width, window, stride, rows: vertical, columns: horizontal } = this.geometry;
    const windows = this.windows;
    let at = 0;
    for (let n = 0; n < rows; n++) {
      const sample = n * this.inputs;
      for (let oy = 0; oy < vertical.output; oy++) {
        for (let ox = 0; ox < horizontal.output; ox++) {
          for (let c = 0; c < channels; c++) {
            const plane = sample + c * height * width;
            for (let i = 0; i < window; i++) {
              const y = oy * stride + i - vertical.before;
              const inside = y >= 0 && y < height;
              for (let j = 0; j < window; j++) {
                const xx = ox * stride + j - horizontal.before;
                windows[at++] = inside && xx >= 0 && xx < width ? x[plane + y * width + xx]! : 0;
              }
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
    let at = 0;
    for (let n = 0; n < rows; n++) {
      const sample = n * this.inputs;
      for (let oy = 0; oy < vertical.output; oy++) {
        for (let ox = 0; ox < horizontal.output; ox++) {
          for (let c = 0; c < channels; c++) {
            const plane = sample + c * height * width;
            for (let i = 0; i < window; i++) {
              const y = oy * stride + i - vertical.before;
              const inside = y >= 0 && y < height;
              for (let j = 0; j < window; j++, at++) {
                const xx = ox * stride + j - horizontal.before;
                if (inside && xx >= 0 && xx < width) dx[plane + y * width + xx] = dx[plane + y * width + xx]! + gradient[at]!;
              }
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
    this.kernels.addRowVector(this.product, this.b, m, this.filters);
    // (sample, position) × filter → sample × filter × position (NCHW).
    const { positions, filters, product, output } = this;
    for (let n = 0; n < rows; n++) {
      for (let p = 0; p < positions; p++) {
        const from = (n * positions + p) * filters;
        for (let f = 0; f < filters; f++) output[n * this.outputs + f * positions + p] = product[from + f]!;
      }
    }
    return output;
  }

  /** dW = dYᵀ·windows and db = the column sums of dY, with dY the upstream gradient as (sample, position) × filter; dx by col2im of dY·W. */
  backward(_x: Float64Array, dy: Float64Array, rows: number, inputGradient = true): Float64Array {
    const m = rows * this.positions;
    const { positions, filters } = this;
    this.productGradient = sized(this.productGradient, m * filters, this.kernels);
    const dY = this.productGradient;
    for (let n = 0; n < rows; n++) {
      for (let p = 0; p < positions; p++) {
        const to = (n * positions + p) * filters;
        for (let f = 0; f < filters; f++) dY[to + f] = dy[n * this.outputs + f * positions + p]!;
      }
    }
    this.kernels.matmulTransposeA(dY, this.windows, this.dW, m, filters, this.patch);
    this.kernels.columnSums(dY, this.db, m, filters);
    this.inputGradient = sized(this.inputGradient, rows * this.inputs, this.kernels);
    if (!inputGradient) return this.inputGradient;
    this.windowGradient = sized(this.windowGradient, m * this.patch, this.kernels);
    this.kernels.matmul(dY, this.W, this.windowGradient, m, filters, this.patch);
    this.col2im(rows);
    return this.inputGradient;
  }
}
