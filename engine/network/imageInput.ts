// A network on image data takes the data's image shape as its input shape when it needs one (its layers slide windows over C×H×W); pure, any process.
import { definitionOf } from '../layers/registry.js';
import type { Shape } from '../layers/shape.js';
import type { NetworkSpec } from '../spec.js';

/** Whether some layer of `spec` takes a C×H×W image (a convolution or a pooling). */
export function needsImageInput(spec: NetworkSpec): boolean {
  return spec.layers.some((layer) => definitionOf(layer).takes === 'image');
}

/**
 * `spec` with `imageShape` as its input shape when it gives none, needs an image, and the shape holds its input width
 * (the 8×8 digits are 1×8×8 once the first layer is a convolution); else `spec` itself.
 */
export function withImageInput(spec: NetworkSpec, imageShape: Shape | undefined): NetworkSpec {
  if (spec.inputShape || !imageShape || imageShape.length !== 3 || !needsImageInput(spec)) return spec;
  if (imageShape.reduce((a, b) => a * b, 1) !== spec.input) return spec;
  return { ...spec, inputShape: [...imageShape] };
}
