// How one value of a feature map came about: the window of the input it read, the kernel over it, their dot product, the bias (if any) and the activation; pure, any process.
import type { Conv2DSpec } from '../layers/conv2dDefinition.js';
import { windowGeometry } from '../layers/convGeometry.js';
import { definitionOf } from '../layers/registry.js';
import { formatShape } from '../layers/shape.js';
import { fittedLayers } from '../network/fittedLayers.js';
import type { Network } from '../network/network.js';
import type { SpecIssue } from '../network/specIssue.js';
import { findTensor, type TrainedWeights } from '../trainedWeights.js';
import { layerActivations } from './layerActivations.js';

/** One value of a convolution's output: the convolution's index, the filter (its output channel), and the row and column. */
export interface FeatureCell {
  layer: number;
  filter: number;
  row: number;
  column: number;
}

export interface CellExplanation extends FeatureCell {
  /** What the window was read from: -1 the network's input, else the index of the layer whose output it is. */
  source: number;
  /** That input's shape, channels × height × width. */
  inputShape: number[];
  kernel: number;
  stride: number;
  /** The window's first row and column in the input; negative (or past the edge) where it lies in the zero padding. */
  top: number;
  left: number;
  /** The values under the window, channel by channel, row by row (C·k·k; 0 in the padding). */
  window: Float64Array;
  /** The filter's weights in the same order: W[filter, c, i, j]. */
  weights: Float64Array;
  /** Each input channel's share of the dot product: Σ over its k×k window of value × weight. */
  channelSums: Float64Array;
  /** The window's dot product with the filter: the channel sums added up. */
  dot: number;
  /** The filter's bias, or null when the convolution has none (its bias is off). */
  bias: number | null;
  /** dot + bias (the dot product alone without a bias). */
  sum: number;
  /** The value the forward pass gives at this cell (equal to `sum` up to the order of the additions). */
  value: number;
  /** The elementwise activation after the convolution, and what the forward pass gives there. */
  activation?: { index: number; type: string; value: number };
}

/** Why `cell` names no value of `weights`' network (not a convolution, a filter or position out of range), or undefined. */
export function cellIssue(weights: Pick<TrainedWeights, 'spec'>, cell: FeatureCell): SpecIssue | undefined {
  const layer = weights.spec.layers[cell.layer];
  if (!layer || layer.type !== 'conv2d') {
    const convolutions = weights.spec.layers.flatMap((l, i) => (l.type === 'conv2d' ? [String(i)] : []));
    return {
      field: 'layer',
      message: `layer index ${cell.layer} is not a convolution of the network${convolutions.length ? ` (its convolutions: ${convolutions.join(', ')})` : ' (it has none)'}`,
    };
  }
  const [filters, height, width] = fittedLayers(weights.spec).layers[cell.layer]!.outputShape as [number, number, number];
  const shape = formatShape([filters, height, width]);
  if (cell.filter >= filters)
    return { field: 'filter', message: `there is no filter ${cell.filter}: layer ${cell.layer + 1} (conv2d) gives ${shape} (filters 0 to ${filters - 1})` };
  if (cell.row >= height)
    return { field: 'row', message: `there is no row ${cell.row}: layer ${cell.layer + 1} (conv2d) gives ${shape} (rows 0 to ${height - 1})` };
  if (cell.column >= width)
    return { field: 'column', message: `there is no column ${cell.column}: layer ${cell.layer + 1} (conv2d) gives ${shape} (columns 0 to ${width - 1})` };
  return undefined;
}

/**
 * Explains the value of `cell` for one sample: runs `features` through `network` (built from `weights`), takes the
 * window the convolution read at that position, multiplies it by the filter's weights from `weights`, adds the bias (if it has one),
 * and reports the forward pass's own value there and after the activation that follows.
 * @throws RangeError when `cell` names no value (see {@link cellIssue}) or the sample's width is not the network's.
 */
export function explainCell(weights: TrainedWeights, network: Network, features: Float64Array, cell: FeatureCell): CellExplanation {
  const issue = cellIssue(weights, cell);
  if (issue) throw new RangeError(issue.message);
  const outputs = layerActivations(network, features);
  const spec = weights.spec.layers[cell.layer] as Conv2DSpec;
  const traced = fittedLayers(weights.spec).layers[cell.layer]!;
  const inputShape = [...traced.inputShape];
  const [, height, width] = traced.outputShape as [number, number, number];
  const input = cell.layer === 0 ? features : outputs[cell.layer - 1]!.values;
  const geometry = windowGeometry(inputShape, spec.kernel, spec.stride ?? 1, spec.padding ?? 'valid');
  const { channels, window: k, stride } = geometry;
  const top = cell.row * stride - geometry.rows.before;
  const left = cell.column * stride - geometry.columns.before;
  const W = findTensor(weights, cell.layer, 'W')!.values;
  const b = findTensor(weights, cell.layer, 'b')?.values;
  const patch = channels * k * k;
  const windowValues = new Float64Array(patch);
  const filterWeights = W.slice(cell.filter * patch, (cell.filter + 1) * patch);
  const channelSums = new Float64Array(channels);
  for (let c = 0; c < channels; c++) {
    let sum = 0;
    for (let i = 0; i < k; i++) {
      const y = top + i;
      for (let j = 0; j < k; j++) {
        const x = left + j;
        const at = (c * k + i) * k + j;
        const value = y >= 0 && y < geometry.height && x >= 0 && x < geometry.width ? input[(c * geometry.height + y) * geometry.width + x]! : 0;
        windowValues[at] = value;
        sum += value * filterWeights[at]!;
      }
    }
    channelSums[c] = sum;
  }
  const dot = channelSums.reduce((total, sum) => total + sum, 0);
  const bias = b ? b[cell.filter]! : null;
  const position = (cell.filter * height + cell.row) * width + cell.column;
  const next = weights.spec.layers[cell.layer + 1];
  // An elementwise activation keeps each value in its place, so the cell's activated value is at the same position.
  const activation =
    next && definitionOf(next).activation ? { index: cell.layer + 1, type: next.type, value: outputs[cell.layer + 1]!.values[position]! } : undefined;
  return {
    ...cell,
    source: cell.layer - 1,
    inputShape,
    kernel: k,
    stride,
    top,
    left,
    window: windowValues,
    weights: filterWeights,
    channelSums,
    dot,
    bias,
    sum: dot + (bias ?? 0),
    value: outputs[cell.layer]!.values[position]!,
    ...(activation ? { activation } : {}),
  };
}
