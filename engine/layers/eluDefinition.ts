// The ELU layer type: x for x > 0, else α(eˣ − 1) (α = 1 unless given), with derivative 1 or αeˣ; pure, any process.
import { z } from 'zod';
import { defineActivation } from './activationDefinition.js';
import { numberSchema, type NumberSetting } from './layerSetting.js';
import { exactInFloat32, scalarConstant } from './onnxConstant.js';

const alpha: NumberSetting = {
  name: 'alpha',
  label: 'Alpha',
  noun: 'alpha',
  symbol: 'α',
  kind: 'number',
  optional: true,
  positional: true,
  min: 0,
  default: 1,
  example: 1.0,
  step: 0.1,
  placeholder: 'ALPHA',
  range: 'at least 0',
};

/** ELU's value at x for slope-scale a. */
function eluValue(x: number, a: number): number {
  return x > 0 ? x : a * Math.expm1(x);
}

/** ELU's derivative at x for slope-scale a. */
function eluDerivative(x: number, a: number): number {
  return x > 0 ? 1 : a * Math.exp(x);
}

export const EluSpecSchema = z.object({ type: z.literal('elu'), alpha: numberSchema(alpha).optional() }).strict();

export const eluDefinition = defineActivation({
  type: 'elu',
  title: 'ELU',
  description: 'x for x > 0, else α(eˣ − 1): smooth below 0',
  schema: EluSpecSchema,
  settings: [alpha],
  activation: {
    scalar: (spec) => {
      const a = spec.alpha ?? 1;
      return { value: (x) => eluValue(x, a), derivative: (x) => eluDerivative(x, a) };
    },
    batched: (spec) => {
      const a = spec.alpha ?? 1;
      return {
        forward: (x, y, length) => {
          for (let i = 0; i < length; i++) y[i] = eluValue(x[i]!, a);
        },
        backward: (x, _y, dy, dx, length) => {
          for (let i = 0; i < length; i++) dx[i] = dy[i]! * eluDerivative(x[i]!, a);
        },
      };
    },
    formula: (spec) => `x if x > 0, else ${spec.alpha ?? 1}·(e^x − 1)`,
    domain: [-5, 5],
    // At 0 the derivative jumps (α ≠ 1) or its slope does (α = 1): a central difference straddling it is off by O(ε).
    kinks: () => [0],
  },
  pytorch: (spec) => ({ module: `nn.ELU(${spec.alpha ?? 1})` }),
  onnx: (spec, names) => {
    const a = spec.alpha ?? 1;
    if (exactInFloat32(a)) return [{ opType: 'Elu', inputs: [names.input], output: names.output, attributes: [{ name: 'alpha', float: a }] }];
    // Elu's alpha is a float32 attribute: max(x, 0) + α·(e^min(x, 0) − 1) keeps α in float64.
    const at = names.intermediate;
    return [
      scalarConstant(names, 'zero', 0),
      scalarConstant(names, 'one', 1),
      scalarConstant(names, 'alpha', a),
      { opType: 'Min', inputs: [names.input, at('zero')], output: at('negative') },
      { opType: 'Exp', inputs: [at('negative')], output: at('exp') },
      { opType: 'Sub', inputs: [at('exp'), at('one')], output: at('expm1') },
      { opType: 'Mul', inputs: [at('expm1'), at('alpha')], output: at('scaled') },
      { opType: 'Relu', inputs: [names.input], output: at('positive') },
      { opType: 'Add', inputs: [at('positive'), at('scaled')], output: names.output },
    ];
  },
});
