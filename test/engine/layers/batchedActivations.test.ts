// Every registered activation's loops over buffers give, bit for bit, what its scalar pair gives, on many values and edge values.
import { describe, expect, it } from 'vitest';
import { defaultLayerSpec, LAYER_DEFINITIONS } from '../../../engine/layers/registry.js';

const EDGES = [
  0, -0, 1e-300, -1e-300, 5e-324, -5e-324, 1e-8, -1e-8, 2, -2, 1.9999999999999998, -1.9999999999999998, 2.0000000000000004, 30, -30, 700, -700, 800, -800,
];
EDGES.push(Number.MAX_VALUE, -Number.MAX_VALUE, Infinity, -Infinity, NaN);

function values(): Float64Array {
  const xs: number[] = [...EDGES];
  for (let i = -12000; i <= 12000; i++) xs.push(i / 1000 + i * 1e-7);
  return Float64Array.from(xs);
}

describe('batched activations', () => {
  const activations = LAYER_DEFINITIONS.filter((definition) => definition.activation !== undefined);

  it('covers every activation of the registry', () => {
    expect(activations.map((definition) => definition.type)).toEqual(
      expect.arrayContaining(['relu', 'leaky_relu', 'sigmoid', 'tanh', 'elu', 'gelu', 'softplus', 'silu']),
    );
  });

  for (const definition of activations) {
    for (const spec of [defaultLayerSpec(definition.type), { ...defaultLayerSpec(definition.type), alpha: 0.3 }]) {
      if (spec !== undefined && 'alpha' in spec && !definition.settings.some((setting) => setting.name === 'alpha')) continue;
      it(`gives the scalar pair's value and derivative bit for bit for ${definition.type} ${JSON.stringify(spec)}`, () => {
        const activation = definition.activation!;
        const pair = activation.scalar(spec);
        const loops = activation.batched(spec);
        const x = values();
        const y = new Float64Array(x.length);
        const dy = Float64Array.from(x, (_, i) => ((i % 7) - 3) / 3);
        const dx = new Float64Array(x.length);
        // Warm the loops up so that the optimised code is what is compared, too.
        for (let round = 0; round < 30; round++) {
          loops.forward(x, y, x.length);
          loops.backward(x, y, dy, dx, x.length);
        }
        let differing = 0;
        for (let i = 0; i < x.length; i++) {
          const value = pair.value(x[i]!);
          const gradient = dy[i]! * pair.derivative(x[i]!, value);
          if (!Object.is(value, y[i]) || !Object.is(gradient, dx[i])) differing++;
        }
        expect(differing).toBe(0);
      });
    }
  }
});
