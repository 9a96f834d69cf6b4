// The settings both pooling layer types share: the window's size and its stride (the size unless given); pure, any process.
import { windowGeometry, type WindowGeometry } from './convGeometry.js';
import { numberSchema, type NumberSetting } from './layerSetting.js';
import type { Shape } from './shape.js';

export const poolSize: NumberSetting = {
  name: 'size',
  label: 'Window size',
  noun: 'the window size',
  kind: 'integer',
  optional: false,
  positional: true,
  min: 1,
  initial: 2,
  example: 2,
  placeholder: 'SIZE',
  range: 'a positive whole number',
};
export const poolStride: NumberSetting = {
  name: 'stride',
  label: 'Stride',
  noun: 'the stride',
  kind: 'integer',
  optional: true,
  positional: true,
  min: 1,
  example: 2,
  placeholder: 'STRIDE',
  range: 'a positive whole number',
  hint: 'Empty moves the window by its own size, so windows do not overlap.',
};

/** The spec fields of a pooling layer besides its type. */
export const poolFields = { size: numberSchema(poolSize), stride: numberSchema(poolStride).optional() };
export type PoolSpec = { size: number; stride?: number | undefined };

/** A pooling window over `input`: no padding, stride the size unless given. */
export function poolGeometry(spec: PoolSpec, input: Shape): WindowGeometry {
  return windowGeometry(input, spec.size, spec.stride ?? spec.size, 'valid');
}

/** Its output: the channels kept, each reduced over the window positions. */
export function poolOutputShape(spec: PoolSpec, input: Shape): Shape {
  if (input.length !== 3) return [1, 1, 1];
  const geometry = poolGeometry(spec, input);
  return [input[0]!, geometry.rows.output, geometry.columns.output];
}
