// The shape of what a layer takes or gives for one sample: a list of dimensions ([n] a vector, [C, H, W] an image); pure, any process.

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
