// What every layer of a sequential network is: forward beside backward, with its own reusable buffers; pure, any process.
import { allocateFor, type Kernels } from '../kernels/kernels.js';

/**
 * A trainable array and the gradient of the loss with respect to it (same length). Optimizers work on any list
 * of these, so a name is any label ("W", "b", or "xy" for a point on a 2D surface); within a layer it names the
 * parameter in weights files (with the layer's index) and must be unique.
 */
export interface Parameter {
  readonly name: string;
  /** The dimensions of `value`, in C order (the last varies fastest): a Linear layer's W is [inputs, units]. */
  readonly shape: readonly number[];
  readonly value: Float64Array;
  readonly gradient: Float64Array;
  /** Whether L2 weight decay λ adds λ·value to the gradient: true for weights, false for biases. */
  readonly decayed: boolean;
  /**
   * The axis of `shape` that indexes filters, each the values feeding one output unit (W [inputs, units]: axis 1);
   * loss-landscape directions are normalised filter by filter. Absent for a bias, whose directions stay 0.
   */
  readonly filterAxis?: number;
}

/**
 * A layer maps a batch of `rows` samples (row-major rows×inputs) to rows×outputs.
 * `forward` and `backward` return the layer's own buffers, reused from call to call (sized again only when
 * `rows` changes), so a training loop with a fixed batch size allocates nothing per step.
 * `backward(x, dy, rows)` must follow `forward(x, rows)` on the same x; it fills the parameters' gradients
 * and returns dx.
 */
export interface Layer {
  /** The layer's type in the registry ("linear", "relu", …). */
  readonly type: string;
  readonly inputs: number;
  readonly outputs: number;
  forward(x: Float64Array, rows: number): Float64Array;
  /**
   * With `inputGradient` false the layer may skip computing dx (the network's first layer in training, whose dx
   * nobody reads); the returned buffer is then not meaningful.
   */
  backward(x: Float64Array, dy: Float64Array, rows: number, inputGradient?: boolean): Float64Array;
  /** The trainable parameters (none for activations). */
  readonly parameters: readonly Parameter[];
  /** Switches between training and evaluation behaviour (only layers that differ, such as dropout, have it). */
  setTraining?(on: boolean): void;
  /** From now on, forward passes in training reuse the last random draws instead of drawing new ones (for gradient checks). */
  holdRandomDraws?(): void;
}

/** Returns `buffer` if it holds exactly `length` values, else a new zeroed one (in the memory of `kernels`, when given and they have one). */
export function sized(buffer: Float64Array, length: number, kernels?: Kernels): Float64Array {
  return buffer.length === length ? buffer : allocateFor(kernels, length);
}
