// The asks the feature-map view sends about a finished conv net (renderer), and how it slices and names what comes back; pure, no DOM.
import type { FeatureMapsExplain, FeatureMapsRun } from '../../engine/protocol/featureMaps.js';
import type { NetworkSpec } from '../../engine/spec.js';
import type { FinishedRun } from '../models/finishedRun.js';
import { analysedData } from './analysisRequest.js';

/** One value of a convolution's output: the layer's spec index, the filter and the position. */
export interface MapCell {
  layer: number;
  filter: number;
  row: number;
  column: number;
}

/** Whether the network has a convolution, so it has feature maps to show. */
export function hasConvolution(spec: NetworkSpec): boolean {
  return spec.layers.some((layer) => layer.type === 'conv2d');
}

/** featureMaps.run for test sample `sampleIndex` of the run (its weights are left out on the way when the engine still has them). */
export function featureMapsAsk(run: FinishedRun, sampleIndex: number): Omit<FeatureMapsRun, 'requestId'> {
  return { type: 'featureMaps.run', runId: run.runId, weights: run.weights, data: analysedData(run), sampleIndex };
}

/** featureMaps.explain for one value of a feature map of test sample `sampleIndex`. */
export function explainAsk(run: FinishedRun, sampleIndex: number, cell: MapCell): Omit<FeatureMapsExplain, 'requestId'> {
  return { type: 'featureMaps.explain', runId: run.runId, weights: run.weights, data: analysedData(run), sampleIndex, ...cell };
}

/** Map `index` of C×H×W values: the height×width values of channel (or filter) `index`. */
export function mapAt(values: Float64Array, shape: readonly number[], index: number): Float64Array {
  const size = (shape[1] ?? 1) * (shape[2] ?? 1);
  return values.subarray(index * size, (index + 1) * size);
}

/** A number as the explanation shows it in a grid: three significant digits, exponent form when very large or small. */
export function cellNumber(value: number): string {
  if (value === 0) return '0';
  const size = Math.abs(value);
  return size >= 1e4 || size < 1e-3 ? value.toExponential(1) : String(Number(value.toPrecision(3)));
}

/** A number as the explanation's sums show it: six significant digits. */
export function sumNumber(value: number): string {
  if (value === 0) return '0';
  const size = Math.abs(value);
  return size >= 1e6 || size < 1e-4 ? value.toExponential(5) : String(Number(value.toPrecision(6)));
}

/** "rows 2–4, columns 0–2" for a k×k window from (top, left), saying how much of it lies in the zero padding. */
export function windowPlace(top: number, left: number, kernel: number, height: number, width: number): string {
  const rows = `rows ${top}–${top + kernel - 1}`;
  const columns = `columns ${left}–${left + kernel - 1}`;
  const outside = top < 0 || left < 0 || top + kernel > height || left + kernel > width;
  return `${rows}, ${columns}${outside ? ' (partly in the zero padding around the input)' : ''}`;
}
