// Every layer, loss and some whole networks checked against central differences on random shapes and seeds; the broken variants caught.
import { describe, expect, it } from 'vitest';
import { runGradcheck } from '../../../engine/gradcheck/runGradcheck.js';
import type { GradcheckSubject } from '../../../engine/protocol/gradcheck.js';
import { createRandom } from '../../../engine/random.js';
import type { LayerSpec } from '../../../engine/spec.js';

const SEEDS = [1, 2, 3, 4];

/** A random width in [2, 9] and row count in [1, 6], drawn from the seed, so shapes differ between seeds. */
function shapeOf(seed: number): { inputs: number; rows: number; units: number } {
  const random = createRandom(seed * 7919);
  return { inputs: 2 + Math.floor(random.next() * 8), rows: 1 + Math.floor(random.next() * 6), units: 2 + Math.floor(random.next() * 8) };
}

function expectAllPass(subject: GradcheckSubject, seed: number): string[] {
  const result = runGradcheck({ subject, seed });
  for (const check of result.checks) expect(check.relativeError, `${check.name} (seed ${seed})`).toBeLessThan(1e-6);
  expect(result.checks.every((check) => check.ok)).toBe(true);
  return result.checks.map((check) => check.name);
}

describe('gradient checks of every layer', () => {
  const layers: [string, (units: number) => LayerSpec, string[]][] = [
    ['linear (xavier)', (units) => ({ type: 'linear', units }), ['dx', 'dW', 'db']],
    ['linear (he)', (units) => ({ type: 'linear', units, init: 'he' }), ['dx', 'dW', 'db']],
    ['relu', () => ({ type: 'relu' }), ['dx']],
    ['leaky_relu', () => ({ type: 'leaky_relu', alpha: 0.2 }), ['dx']],
    ['sigmoid', () => ({ type: 'sigmoid' }), ['dx']],
    ['tanh', () => ({ type: 'tanh' }), ['dx']],
    ['softmax', () => ({ type: 'softmax' }), ['dx']],
    ['dropout', () => ({ type: 'dropout', rate: 0.4 }), ['dx (evaluation)', 'dx (training, fixed mask)']],
  ];
  for (const [name, layer, names] of layers) {
    it(`passes for ${name} on random shapes over ${SEEDS.length} seeds`, () => {
      for (const seed of SEEDS) {
        const { inputs, rows, units } = shapeOf(seed);
        expect(expectAllPass({ kind: 'layer', layer: layer(units), inputs, rows }, seed)).toEqual(names);
      }
    });
  }
});

describe('gradient checks of every loss', () => {
  for (const loss of ['bce', 'cce', 'mse'] as const) {
    it(`passes for ${loss} with respect to its input on random shapes over ${SEEDS.length} seeds`, () => {
      for (const seed of SEEDS) {
        const { inputs: width, rows } = shapeOf(seed);
        expect(expectAllPass({ kind: 'loss', loss, width, rows }, seed)).toEqual([loss === 'cce' ? 'dloss/dlogits' : 'dloss/dinput']);
      }
    });
  }
});

describe('gradient checks of whole networks', () => {
  it('passes for every parameter and the input of networks using every layer type and loss', () => {
    const nets: { layers: LayerSpec[]; loss?: 'mse' | 'bce' }[] = [
      { layers: [{ type: 'linear', units: 6 }, { type: 'relu' }, { type: 'linear', units: 4 }, { type: 'softmax' }] },
      {
        layers: [
          { type: 'linear', units: 5, init: 'he' },
          { type: 'leaky_relu' },
          { type: 'dropout', rate: 0.5 },
          { type: 'linear', units: 2 },
          { type: 'sigmoid' },
        ],
      },
      { layers: [{ type: 'linear', units: 5 }, { type: 'tanh' }, { type: 'linear', units: 3 }], loss: 'mse' },
      { layers: [{ type: 'linear', units: 4 }, { type: 'tanh' }, { type: 'linear', units: 3 }, { type: 'softmax' }], loss: 'bce' },
    ];
    for (const [i, net] of nets.entries()) {
      const names = expectAllPass({ kind: 'network', spec: { input: 3 + i, layers: net.layers }, rows: 3, ...(net.loss ? { loss: net.loss } : {}) }, i + 1);
      expect(names.at(-1)).toBe('dx');
      expect(names).toContain('layer 1 dW');
    }
  });
});

describe("the exercise's broken backward passes", () => {
  it('fails the db check with exercise-db while dx and dW still pass, and passes with the correct layer', () => {
    for (const seed of SEEDS) {
      const subject: GradcheckSubject = { kind: 'layer', layer: { type: 'linear', units: 7 }, inputs: 5, rows: 3 };
      const broken = runGradcheck({ subject, seed, variant: 'exercise-db' });
      expect(broken.checks.map((check) => [check.name, check.ok])).toEqual([
        ['dx', true],
        ['dW', true],
        ['db', false],
      ]);
      expect(broken.checks[2]!.relativeError).toBeGreaterThan(0.01);
      expect(runGradcheck({ subject, seed }).checks.every((check) => check.ok)).toBe(true);
    }
  });

  it('fails the dx check with exercise-sigmoid-grad, alone and inside a network', () => {
    for (const seed of SEEDS) {
      const layer = runGradcheck({ subject: { kind: 'layer', layer: { type: 'sigmoid' }, inputs: 5, rows: 3 }, seed, variant: 'exercise-sigmoid-grad' });
      expect(layer.checks[0]!.ok).toBe(false);
      expect(layer.checks[0]!.error).toBeGreaterThan(1e-5);
    }
    const spec = { input: 5, layers: [{ type: 'linear', units: 4 }, { type: 'relu' }, { type: 'linear', units: 1 }, { type: 'sigmoid' }] } as const;
    const network = runGradcheck({ subject: { kind: 'network', spec: structuredClone(spec) as never, rows: 3 }, seed: 1, variant: 'exercise-sigmoid-grad' });
    expect(network.checks.every((check) => !check.ok)).toBe(true);
  });

  it('reports the worst entry of a failed check, where the two gradients differ most', () => {
    const { checks } = runGradcheck({ subject: { kind: 'layer', layer: { type: 'linear', units: 3 }, inputs: 2, rows: 4 }, seed: 9, variant: 'exercise-db' });
    const db = checks[2]!;
    expect(db.size).toBe(3);
    expect(Math.abs(db.worst.analytic - db.worst.numerical)).toBeGreaterThan(0);
    expect(db.error).toBeGreaterThanOrEqual(Math.abs(db.worst.analytic - db.worst.numerical));
  });

  it('refuses a variant the subject has no layer for, naming the field', () => {
    expect(() => runGradcheck({ subject: { kind: 'layer', layer: { type: 'relu' }, inputs: 3, rows: 2 }, seed: 1, variant: 'exercise-db' })).toThrow(
      expect.objectContaining({ field: 'variant', message: 'the variant exercise-db changes a linear layer, but a relu layer has none' }),
    );
    expect(() => runGradcheck({ subject: { kind: 'loss', loss: 'bce', width: 3, rows: 2 }, seed: 1, variant: 'exercise-sigmoid-grad' })).toThrow(
      expect.objectContaining({ field: 'variant' }),
    );
  });
});
