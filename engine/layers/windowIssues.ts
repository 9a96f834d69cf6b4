// Why a sliding-window layer (Conv2D, pooling) cannot take its input: not C×H×W, or a window that does not fit; pure, any process.
import type { WindowGeometry } from './convGeometry.js';
import type { ShapeContext } from './layerDefinition.js';
import { formatShape, type Shape } from './shape.js';

/** The message for an input that is not an image, naming the layer and what it got. */
export function imageIssue(input: Shape, at: ShapeContext): string | undefined {
  if (input.length === 3) return undefined;
  return `${at.layer} needs a C×H×W input but ${at.source} gives ${formatShape(input)}${input.length === 1 ? ' (a vector: put it before the flatten, or give the data its image shape)' : ''}`;
}

/** The message for a window that leaves no output position, with the shapes. */
export function windowIssue(geometry: WindowGeometry, window: string, at: ShapeContext, advice?: string): string | undefined {
  if (geometry.rows.output > 0 && geometry.columns.output > 0) return undefined;
  const input = formatShape([geometry.channels, geometry.height, geometry.width]);
  return `${at.layer} has ${window} but ${at.source} gives ${input}: the window does not fit${advice ? `; ${advice}` : ''}`;
}
