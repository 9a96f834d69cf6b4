// ONNX window operators for Conv2D and pooling: the standard node where the runtime has it, else every window gathered from float64 operators (Pad, Reshape, Gather); pure, any process.
// ONNX Runtime (1.30) runs MaxPool on float64 tensors but implements Conv and AveragePool for float32 alone, so a float64
// model unrolls those two into windows and sums of its own, and a float32 model uses the standard operators throughout.
import type { WindowGeometry } from './convGeometry.js';
import type { OnnxAttribute, OnnxNames, OnnxNode, OnnxPrecision } from './layerDefinition.js';

/** The standard ONNX operators over sliding windows that the lab's layers use. */
export type WindowOperator = 'Conv' | 'MaxPool' | 'AveragePool';

/** The window operators ONNX Runtime has float64 kernels for. */
const FLOAT64_WINDOW_OPERATORS: ReadonlySet<WindowOperator> = new Set(['MaxPool']);

/** True when a model in `precision` can use `operator` itself, false when it must unroll the windows ({@link windowNodes}). */
export function hasWindowOperator(operator: WindowOperator, precision: OnnxPrecision): boolean {
  return precision === 'float32' || FLOAT64_WINDOW_OPERATORS.has(operator);
}

/** A Conv, MaxPool or AveragePool node's window attributes for the geometry: kernel_shape, strides, and pads [top, left, bottom, right]. */
export function windowAttributes(geometry: WindowGeometry): OnnxAttribute[] {
  const { window, stride, rows, columns } = geometry;
  return [
    { name: 'kernel_shape', ints: [window, window] },
    { name: 'strides', ints: [stride, stride] },
    { name: 'pads', ints: [rows.before, columns.before, rows.after, columns.after] },
  ];
}

/** A Constant node of int64 values, as the layer's intermediate `name`. */
export function int64Constant(names: OnnxNames, name: string, dims: readonly number[], values: readonly number[]): OnnxNode {
  return {
    opType: 'Constant',
    inputs: [],
    output: names.intermediate(name),
    attributes: [{ name: 'value', tensor: { dims, values: Float64Array.from(values), int64: true } }],
  };
}

/**
 * Nodes from `names.input` [N, C, H, W] to the intermediate "windows": with `perChannel` [N, C, positions, k·k] (one window of
 * each channel, for pooling), else [N, positions, C·k·k] (every channel's window together, for a convolution); padded with
 * zeros as the geometry says, positions row by row.
 */
export function windowNodes(names: OnnxNames, geometry: WindowGeometry, perChannel: boolean): OnnxNode[] {
  const { channels, window, stride, rows, columns } = geometry;
  const height = geometry.height + rows.before + rows.after;
  const width = geometry.width + columns.before + columns.after;
  const at = names.intermediate;
  const indices: number[] = [];
  const positions = rows.output * columns.output;
  const add = (c: number, oy: number, ox: number) => {
    for (let i = 0; i < window; i++) for (let j = 0; j < window; j++) indices.push(c * height * width + (oy * stride + i) * width + ox * stride + j);
  };
  if (perChannel) {
    for (let c = 0; c < channels; c++) for (let oy = 0; oy < rows.output; oy++) for (let ox = 0; ox < columns.output; ox++) add(c, oy, ox);
  } else {
    for (let oy = 0; oy < rows.output; oy++) for (let ox = 0; ox < columns.output; ox++) for (let c = 0; c < channels; c++) add(c, oy, ox);
  }
  const padded = rows.before + rows.after + columns.before + columns.after > 0;
  const nodes: OnnxNode[] = [];
  if (padded) {
    nodes.push(int64Constant(names, 'pads', [8], [0, 0, rows.before, columns.before, 0, 0, rows.after, columns.after]));
    nodes.push({ opType: 'Pad', inputs: [names.input, at('pads')], output: at('padded') });
  }
  nodes.push(int64Constant(names, 'flat_shape', [2], [0, -1]));
  nodes.push({ opType: 'Reshape', inputs: [padded ? at('padded') : names.input, at('flat_shape')], output: at('flat') });
  const shape = perChannel ? [channels, positions, window * window] : [positions, channels * window * window];
  nodes.push(int64Constant(names, 'indices', shape, indices));
  nodes.push({ opType: 'Gather', inputs: [at('flat'), at('indices')], output: at('windows'), attributes: [{ name: 'axis', int: 1 }] });
  return nodes;
}
