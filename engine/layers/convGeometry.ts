// The geometry of a 2D window sliding over a C×H×W sample: output size and padding for `valid` and `same`; pure, any process.

/** valid: no padding, the window stays inside; same: zeros around so the output is ⌈size / stride⌉ (TensorFlow's rule). */
export const PADDINGS = ['valid', 'same'] as const;
export type Padding = (typeof PADDINGS)[number];

/** One axis of a sliding window: the padding before and after it, and how many positions the window takes. */
export interface AxisGeometry {
  before: number;
  after: number;
  output: number;
}

/**
 * How a window of `window` values moving by `stride` covers an axis of `size`: with `valid` it takes
 * ⌊(size − window) / stride⌋ + 1 positions (0 when the window is larger); with `same` ⌈size / stride⌉, padded with
 * max((output − 1)·stride + window − size, 0) zeros, the extra one (if odd) after, as TensorFlow and ONNX's SAME_UPPER do.
 */
export function axisGeometry(size: number, window: number, stride: number, padding: Padding): AxisGeometry {
  if (padding === 'valid') return { before: 0, after: 0, output: size >= window ? Math.floor((size - window) / stride) + 1 : 0 };
  const output = Math.ceil(size / stride);
  const total = Math.max((output - 1) * stride + window - size, 0);
  const before = Math.floor(total / 2);
  return { before, after: total - before, output };
}

/** The full geometry of a window over a C×H×W sample. */
export interface WindowGeometry {
  channels: number;
  height: number;
  width: number;
  window: number;
  stride: number;
  rows: AxisGeometry;
  columns: AxisGeometry;
}

/** The geometry of a `window`×`window` window moving by `stride` over a channels×height×width sample. */
export function windowGeometry(input: readonly number[], window: number, stride: number, padding: Padding): WindowGeometry {
  const [channels, height, width] = input as [number, number, number];
  return {
    channels,
    height,
    width,
    window,
    stride,
    rows: axisGeometry(height, window, stride, padding),
    columns: axisGeometry(width, window, stride, padding),
  };
}
