// The leaky ReLU layer type: x for x > 0, else αx (α = 0.01 unless given); pure, any process.
import { z } from 'zod';
import { defineActivation } from './activationDefinition.js';
import { numberSchema, type NumberSetting } from './layerSetting.js';
import { exactInFloat32, scalarConstant } from './onnxConstant.js';

/** The slope for negative inputs when a spec gives none. */
export const DEFAULT_LEAKY_ALPHA = 0.01;

const alpha: NumberSetting = {
  name: 'alpha',
  label: 'Alpha',
  noun: 'alpha',
  symbol: 'α',
  kind: 'number',
  optional: true,
  positional: true,
  min: 0,
  max: 1,
  default: DEFAULT_LEAKY_ALPHA,
  example: 0.1,
  step: 0.01,
  placeholder: 'ALPHA',
  range: 'between 0 and 1',
};

/** Leaky ReLU's value at x for slope a. */
function leakyValue(x: number, a: number): number {
  return x > 0 ? x : a * x;
}

/** Leaky ReLU's derivative at x for slope a. */
function leakyDerivative(x: number, a: number): number {
  return x > 0 ? 1 : a;
}

export const LeakyReluSpecSchema = z.object({ type: z.literal('leaky_relu'), alpha: numberSchema(alpha).optional() }).strict();

export const leakyReluDefinition = defineActivation({
  type: 'leaky_relu',
  title: 'Leaky ReLU',
  description: 'max(αx, x), elementwise',
  schema: LeakyReluSpecSchema,
  settings: [alpha],
  activation: {
    scalar: (spec) => {
      const a = spec.alpha ?? DEFAULT_LEAKY_ALPHA;
      return { value: (x) => leakyValue(x, a), derivative: (x) => leakyDerivative(x, a) };
    },
    batched: (spec) => {
      const a = spec.alpha ?? DEFAULT_LEAKY_ALPHA;
      return {
        forward: (x, y, length) => {
          for (let i = 0; i < length; i++) y[i] = leakyValue(x[i]!, a);
        },
        backward: (x, _y, dy, dx, length) => {
          for (let i = 0; i < length; i++) dx[i] = dy[i]! * leakyDerivative(x[i]!, a);
        },
      };
    },
    formula: (spec) => `x if x > 0, else ${spec.alpha ?? DEFAULT_LEAKY_ALPHA}·x`,
    domain: [-5, 5],
    kinks: () => [0],
  },
  pytorch: (spec) => ({ module: `nn.LeakyReLU(${spec.alpha ?? DEFAULT_LEAKY_ALPHA})` }),
  onnx: (spec, names) => {
    const a = spec.alpha ?? DEFAULT_LEAKY_ALPHA;
    if (exactInFloat32(a)) return [{ opType: 'LeakyRelu', inputs: [names.input], output: names.output, attributes: [{ name: 'alpha', float: a }] }];
    // LeakyRelu's alpha is a float32 attribute: max(x, 0) + α·min(x, 0) keeps α in float64.
    const at = names.intermediate;
    return [
      scalarConstant(names, 'zero', 0),
      scalarConstant(names, 'alpha', a),
      { opType: 'Min', inputs: [names.input, at('zero')], output: at('negative') },
      { opType: 'Mul', inputs: [at('negative'), at('alpha')], output: at('scaled') },
      { opType: 'Relu', inputs: [names.input], output: at('positive') },
      { opType: 'Add', inputs: [at('positive'), at('scaled')], output: names.output },
    ];
  },
});
