// The network a linear collapse says a run equals, ready to be trained beside it (renderer, pure): the collapsed layers replaced by one Linear layer.
import type { NetworkSpec } from '../../engine/spec.js';
import type { CollapsedRun } from './linearCollapseText.js';
import { layerName } from './traceLayers.js';

/** `spec` with layers from..to of `run` replaced by one Linear layer of run.units units (64-32-1-Sigmoid gives 64-1-Sigmoid). */
export function collapsedSpec(spec: NetworkSpec, run: Pick<CollapsedRun, 'from' | 'to' | 'units'>): NetworkSpec {
  const linear: NetworkSpec['layers'][number] = { type: 'linear', units: run.units };
  return { input: spec.input, layers: structuredClone([...spec.layers.slice(0, run.from), linear, ...spec.layers.slice(run.to + 1)]) };
}

/** "64-1-Sigmoid": the input width, each Linear layer's units and every other layer's name. */
export function networkTitle(spec: NetworkSpec): string {
  return [String(spec.input), ...spec.layers.map((layer) => (layer.type === 'linear' ? String(layer.units) : layerName(layer.type)))].join('-');
}
