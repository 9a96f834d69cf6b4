// ONNX helpers for layer definitions: a float64 scalar Constant node, and whether a float attribute holds a value exactly; pure, any process.
import type { OnnxNames, OnnxNode } from './layerDefinition.js';

/** A Constant node giving the float64 scalar `value` as the layer's intermediate `name`. */
export function scalarConstant(names: OnnxNames, name: string, value: number): OnnxNode {
  return {
    opType: 'Constant',
    inputs: [],
    output: names.intermediate(name),
    attributes: [{ name: 'value', tensor: { dims: [], values: Float64Array.of(value) } }],
  };
}

/** True when an ONNX float attribute (float32) holds `value` exactly, so an operator's attribute loses nothing. */
export function exactInFloat32(value: number): boolean {
  return Math.fround(value) === value;
}
