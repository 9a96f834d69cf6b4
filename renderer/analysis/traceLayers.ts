// The traced sample's layers as heat rows (renderer): names, value ranges and colours of each layer's output; pure, no DOM.
import { withMinusSign } from '../../plots/minusSign.js';
import { capitalise } from '../../engine/layers/layerSetting.js';
import { isLayerType, layerTitle } from '../../engine/layers/registry.js';
import type { Shape } from '../../engine/layers/shape.js';
import type { AnalysisReport } from '../../engine/protocol/analysis.js';
import { divergingColour, symmetricExtent } from './pixelImage.js';

/** A layer type as the lab writes it ("relu" → "ReLU"); a type the registry does not know, capitalised. */
export function layerName(type: string): string {
  return isLayerType(type) ? layerTitle(type) : capitalise(type);
}

export interface TraceRow {
  /** The layer's position, counted from 1 as the builder shows it. */
  position: number;
  name: string;
  values: number[];
  fills: string[];
  min: number;
  max: number;
  /** The half-width of the row's colour scale (±extent). */
  extent: number;
  /** The layer's output shape for one sample, when known ([C, H, W] for a convolution's maps). */
  shape?: Shape | undefined;
}

/** One row per layer: its output values coloured on a diverging scale centred at 0, scaled to that layer's own largest |value|. */
export function traceRows(layers: AnalysisReport['sample']['layers'], shapes: readonly Shape[] = []): TraceRow[] {
  return layers.map((layer) => {
    const values = Array.from(layer.values);
    const extent = symmetricExtent(values);
    const colour = divergingColour(extent);
    return {
      position: layer.index + 1,
      name: layerName(layer.type),
      values,
      fills: values.map(colour),
      min: values.length ? Math.min(...values) : Number.NaN,
      max: values.length ? Math.max(...values) : Number.NaN,
      extent,
      shape: shapes[layer.index],
    };
  });
}

/** A vector row with more values than this is drawn as one image on a canvas rather than as a square per value (a row of maps always is). */
export const MAX_ROW_SQUARES = 512;

/** A row's values laid out as one image: NaN where no value is (the gaps between maps, the end of the last line). */
export interface RowImage {
  values: Float64Array;
  width: number;
  height: number;
  /** The side of one value on screen, in CSS pixels. */
  pixel: number;
}

/** About this many square pixels for a row's image, whatever its number of values. */
const ROW_AREA = 400 * 200;
const ROW_WIDTH = 400;

/**
 * A row as an image about 400 pixels wide: C×H×W maps side by side, as many to a line as fit, one cell apart
 * (map c's value (h, w) is values[c·H·W + h·W + w], as the engine stores them); any other row 64 values to a line.
 */
export function rowImage(values: ArrayLike<number>, shape?: Shape): RowImage {
  const pixel = Math.max(1, Math.min(12, Math.floor(Math.sqrt(ROW_AREA / Math.max(1, values.length)))));
  const [channels, height, width] = shape?.length === 3 ? (shape as [number, number, number]) : [0, 0, 0];
  if (channels * height * width !== values.length || channels === 0) {
    const columns = Math.min(values.length, 64);
    const lines = Math.ceil(values.length / Math.max(1, columns));
    const image = new Float64Array(columns * lines).fill(Number.NaN);
    image.set(Array.from(values));
    return { values: image, width: columns, height: lines, pixel: Math.max(1, Math.min(12, Math.floor(ROW_WIDTH / Math.max(1, columns)))) };
  }
  // All the maps on one line where each cell can still be 4 pixels wide (the digits' 8 maps of 8×8), else lines of them.
  const oneLine = Math.floor(ROW_WIDTH / (channels * (width + 1)));
  const mapPixel = oneLine >= 4 ? Math.min(12, oneLine) : pixel;
  const perLine = Math.max(1, Math.min(channels, Math.floor((ROW_WIDTH / mapPixel + 1) / (width + 1))));
  const lines = Math.ceil(channels / perLine);
  const imageWidth = perLine * (width + 1) - 1;
  const imageHeight = lines * (height + 1) - 1;
  const image = new Float64Array(imageWidth * imageHeight).fill(Number.NaN);
  for (let c = 0; c < channels; c++) {
    const left = (c % perLine) * (width + 1);
    const top = Math.floor(c / perLine) * (height + 1);
    for (let h = 0; h < height; h++) {
      for (let w = 0; w < width; w++) image[(top + h) * imageWidth + left + w] = values[c * height * width + h * width + w]!;
    }
  }
  return { values: image, width: imageWidth, height: imageHeight, pixel: mapPixel };
}

/** A value for a caption: 3 significant digits, small and large ones in exponent form. */
export function shortValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  return withMinusSign(a >= 1e4 || a < 1e-3 ? v.toExponential(2) : String(Number(v.toPrecision(3))));
}
