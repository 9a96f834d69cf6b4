// What the linear collapse means, in words (renderer): which layers equal one Linear layer, and of what shape; pure, no DOM.
import { UNKNOWN_SHAPE, shapeSize, type Shape } from '../../engine/layers/shape.js';
import { describeLayers } from '../../engine/network/describeLayers.js';
import type { AnalysisReport } from '../../engine/protocol/analysis.js';
import type { NetworkSpec } from '../../engine/spec.js';
import { layerName } from './traceLayers.js';

export type CollapsedRun = AnalysisReport['linearCollapse'][number];

/** The width each layer of `spec` gives, as the shape tracer gives it (undefined where it is unknown). */
export function layerWidths(spec: NetworkSpec): (number | undefined)[] {
  return describeLayers(spec).layers.map((layer) => layer.outputShape && shapeSize(layer.outputShape));
}

const widthOf = (shape: Shape | undefined) => (shape ? String(shapeSize(shape)) : UNKNOWN_SHAPE);

/** The layers of a run, counted from 1, as "Linear 64→32, Linear 32→1" (identity layers such as dropout named as they are). */
export function runLayers(spec: NetworkSpec, run: CollapsedRun): string {
  const { layers } = describeLayers(spec);
  const parts: string[] = [];
  for (let i = run.from; i <= run.to; i++) {
    const layer = layers[i];
    if (!layer) continue;
    parts.push(layer.type === 'linear' ? `Linear ${widthOf(layer.inputShape)}→${widthOf(layer.outputShape)}` : layerName(layer.type));
  }
  return parts.join(', ');
}

/** "Layers 1–2 (Linear 64→32, Linear 32→1) have no nonlinearity between them, so together they equal ONE Linear layer of shape 64×1." */
export function collapseSentence(spec: NetworkSpec, run: CollapsedRun): string {
  return (
    `Layers ${run.from + 1}–${run.to + 1} (${runLayers(spec, run)}) have no nonlinearity between them, ` +
    `so together they equal ONE Linear layer of shape ${run.inputs}×${run.units}.`
  );
}

/** Counts the Linear layers in a run. */
export function linearCount(spec: NetworkSpec, run: CollapsedRun): number {
  return spec.layers.slice(run.from, run.to + 1).filter((layer) => layer.type === 'linear').length;
}
