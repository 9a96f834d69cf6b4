// Why one layer checked on its own cannot take an input of a given shape, in the shape tracer's words; pure, any process.
import { definitionOf } from '../layers/registry.js';
import type { Shape } from '../layers/shape.js';
import type { LayerSpec } from '../spec.js';

/**
 * The layer's own refusal of `inputShape` ("the conv2d layer has a 5×5 kernel but the input gives 2×3×3: the window does
 * not fit; …"), as the gradient check reports it, or undefined when the layer takes it.
 */
export function layerInputIssue(layer: LayerSpec, inputShape: Shape): string | undefined {
  return definitionOf(layer).inputIssue(layer, inputShape, { layer: `the ${layer.type} layer`, source: 'the input' });
}
