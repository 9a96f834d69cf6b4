// The softplus layer type: log(1 + eˣ), computed as max(x, 0) + log1p(e^(−|x|)) so nothing overflows; its derivative is σ(x); pure, any process.
import { z } from 'zod';
import { defineActivation } from './activationDefinition.js';
import { scalarConstant } from './onnxConstant.js';
import { sigmoid } from './sigmoidDefinition.js';

/** Softplus's value max(x, 0) + log1p(e^(−|x|)). */
function softplusValue(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

export const SoftplusSpecSchema = z.object({ type: z.literal('softplus') }).strict();

export const softplusDefinition = defineActivation({
  type: 'softplus',
  title: 'Softplus',
  description: 'log(1 + eˣ): a smooth ReLU',
  schema: SoftplusSpecSchema,
  activation: {
    scalar: () => ({ value: softplusValue, derivative: (x) => sigmoid(x) }),
    batched: () => ({
      forward: (x, y, length) => {
        for (let i = 0; i < length; i++) y[i] = softplusValue(x[i]!);
      },
      backward: (x, _y, dy, dx, length) => {
        for (let i = 0; i < length; i++) dx[i] = dy[i]! * sigmoid(x[i]!);
      },
    }),
    formula: () => 'log(1 + e^x)',
    domain: [-5, 5],
    kinks: () => [],
  },
  // torch's Softplus returns x itself above its threshold (20); the lab's form is exact everywhere.
  pytorch: () => ({
    module: 'StableSoftplus()',
    helper: {
      name: 'StableSoftplus',
      source: [
        'class StableSoftplus(nn.Module):',
        '    """log(1 + e^x) as the lab computes it: max(x, 0) + log1p(e^(-|x|)), exact for every x."""',
        '',
        '    def forward(self, x):',
        '        return torch.clamp(x, min=0) + torch.log1p(torch.exp(-torch.abs(x)))',
      ].join('\n'),
    },
  }),
  // max(x, 0) + log(1 + e^(−|x|)) rather than the Softplus operator, which ONNX Runtime has for float32 only.
  onnx: (_spec, names) => {
    const at = names.intermediate;
    return [
      scalarConstant(names, 'one', 1),
      { opType: 'Abs', inputs: [names.input], output: at('abs') },
      { opType: 'Neg', inputs: [at('abs')], output: at('negated') },
      { opType: 'Exp', inputs: [at('negated')], output: at('exp') },
      { opType: 'Add', inputs: [at('exp'), at('one')], output: at('sum') },
      { opType: 'Log', inputs: [at('sum')], output: at('log') },
      { opType: 'Relu', inputs: [names.input], output: at('positive') },
      { opType: 'Add', inputs: [at('positive'), at('log')], output: names.output },
    ];
  },
});
