// The shape of what a layer takes or gives for one sample: a list of dimensions ([n] a vector, [C, H, W] an image), and an image's shape as a user types it; pure, any process.

/** Dimensions of one sample, outermost first ([n] for a vector; [channels, height, width] as PyTorch and ONNX order them). */
export type Shape = readonly number[];

/** The number of values one sample of `shape` holds. */
export function shapeSize(shape: Shape): number {
  return shape.reduce((size, dimension) => size * dimension, 1);
}

/** True for a shape of one dimension. */
export function isVector(shape: Shape): boolean {
  return shape.length === 1;
}

/** A shape as the lab writes it: "32" for a vector, "3×28×28" otherwise. */
export function formatShape(shape: Shape): string {
  return shape.join('×');
}

/** How the lab writes a shape the tracer could not know (after a layer whose input does not fit). */
export const UNKNOWN_SHAPE = '?';

/** A traced shape as the lab writes it, "?" where it is unknown. */
export function formatTracedShape(shape: Shape | undefined): string {
  return shape ? formatShape(shape) : UNKNOWN_SHAPE;
}

/** What parseImageShape gives: the shape, or a sentence saying how to write one. */
export type ImageShapeReading = { ok: true; shape: [number, number, number] } | { ok: false; message: string };

/**
 * Reads "CxHxW" (x, X or ×, spaces allowed around each number) as an image input's channels, height and width, each a
 * positive whole number; the CLI's --input-shape and the Gradient lab's input-shape field both read it this way.
 */
export function parseImageShape(text: string): ImageShapeReading {
  const parts = text.split(/[x×]/i).map((part) => part.trim());
  if (parts.length !== 3 || parts.some((part) => !/^[1-9]\d*$/.test(part))) {
    return { ok: false, message: `write channels×height×width as CxHxW, e.g. 2x6x6, not ${JSON.stringify(text)}` };
  }
  const [channels, height, width] = parts.map(Number) as [number, number, number];
  return { ok: true, shape: [channels, height, width] };
}

/** A shape as parseImageShape reads it: [2, 6, 6] → "2x6x6". */
export function imageShapeText(shape: Shape): string {
  return shape.join('x');
}
