// The traced sample's layers as heat rows (renderer): names, value ranges and colours of each layer's output; pure, no DOM.
import { capitalise } from '../../engine/layers/layerSetting.js';
import { isLayerType, layerTitle } from '../../engine/layers/registry.js';
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
}

/** One row per layer: its output values coloured on a diverging scale centred at 0, scaled to that layer's own largest |value|. */
export function traceRows(layers: AnalysisReport['sample']['layers']): TraceRow[] {
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
    };
  });
}

/** A value for a caption: 3 significant digits, small and large ones in exponent form. */
export function shortValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e4 || a < 1e-3 ? v.toExponential(2) : String(Number(v.toPrecision(3)));
}
