// Building a NetworkSpec from the builder's cards (plain Node): valid cards give the spec the engine reads, bad values a message at their field.
import { describe, expect, it } from 'vitest';
import { NetworkSpecSchema } from '../../../engine/spec.js';
import { buildSpec, countBuildErrors, layerOf } from '../../../renderer/builder/buildSpec.js';
import { cardsOf, newCard, type LayerCard } from '../../../renderer/builder/layerCards.js';
import { NETWORK_PRESETS } from '../../../renderer/models/networkPresets.js';

describe('buildSpec', () => {
  it('gives back every preset exactly from its cards', () => {
    for (const preset of NETWORK_PRESETS) {
      const result = buildSpec(preset.spec.input, cardsOf(preset.spec, 1), preset.spec.inputShape);
      expect(result).toEqual({ ok: true, spec: preset.spec });
    }
  });

  it('reads the input in the data set’s image shape once a layer slides windows over it, and only when the shape holds the input width', () => {
    const conv: LayerCard[] = [
      { id: 1, type: 'conv2d', filters: 8, kernel: 3, stride: null, padding: 'same', init: 'he' },
      { id: 2, type: 'relu' },
      { id: 3, type: 'maxpool2d', size: 2, stride: null },
      { id: 4, type: 'flatten' },
      { id: 5, type: 'linear', units: 10, inputs: null, init: null },
    ];
    const built = buildSpec(64, conv, [1, 8, 8]);
    expect(built.ok && built.spec.inputShape).toEqual([1, 8, 8]);
    expect(built.ok && NetworkSpecSchema.safeParse(built.spec).success).toBe(true);
    const wrongWidth = buildSpec(784, conv, [1, 8, 8]);
    expect(wrongWidth.ok && wrongWidth.spec.inputShape).toBeUndefined();
    const dense = buildSpec(64, [{ id: 1, type: 'linear', units: 10, inputs: null, init: null }], [1, 8, 8]);
    expect(dense.ok && dense.spec.inputShape).toBeUndefined();
  });

  it("writes a convolution's bias as bias: false when its box is unticked and leaves it out when ticked, the default; a fresh card has it ticked", () => {
    expect(newCard('conv2d', 1).bias).toBe(true);
    const card: LayerCard = { id: 1, type: 'conv2d', filters: 8, kernel: 3, stride: null, padding: 'valid', init: 'he', bias: false };
    expect(layerOf(card)).toEqual({ type: 'conv2d', filters: 8, kernel: 3, bias: false });
    expect(layerOf({ ...card, bias: true })).toEqual({ type: 'conv2d', filters: 8, kernel: 3 });
    expect(cardsOf({ input: 64, inputShape: [1, 8, 8], layers: [{ type: 'conv2d', filters: 8, kernel: 3 }] }, 1)[0]!.bias).toBe(true);
  });

  it('builds a spec the protocol accepts, with declared inputs, init, alpha and rate kept and empty options left out', () => {
    const cards: LayerCard[] = [
      { id: 1, type: 'linear', units: 10, inputs: 4, init: 'he' },
      { id: 2, type: 'leaky_relu', alpha: 0.1 },
      { id: 3, type: 'dropout', rate: 0.25 },
      { id: 4, type: 'leaky_relu', alpha: null },
      { id: 5, type: 'linear', units: 3, inputs: null, init: 'xavier' },
      { id: 6, type: 'softmax' },
    ];
    const result = buildSpec(4, cards);
    expect(result).toEqual({
      ok: true,
      spec: {
        input: 4,
        layers: [
          { type: 'linear', units: 10, inputs: 4, init: 'he' },
          { type: 'leaky_relu', alpha: 0.1 },
          { type: 'dropout', rate: 0.25 },
          { type: 'leaky_relu' },
          { type: 'linear', units: 3 },
          { type: 'softmax' },
        ],
      },
    });
    expect(NetworkSpecSchema.safeParse(result.ok && result.spec).success).toBe(true);
  });

  it('does not fix shapes that do not fit: a wrong declared input width is passed on for the engine to name', () => {
    const result = buildSpec(64, [
      { id: 1, type: 'linear', units: 32, inputs: null, init: 'xavier' },
      { id: 2, type: 'linear', units: 1, inputs: 31, init: 'xavier' },
    ]);
    expect(result.ok && result.spec.layers[1]).toEqual({ type: 'linear', units: 1, inputs: 31 });
  });

  it.each([
    [{ units: null }, 'units', /whole number, 1 or more/],
    [{ units: 0 }, 'units', /whole number, 1 or more \(not 0\)/],
    [{ units: 2.5 }, 'units', /not 2.5/],
    [{ units: 10_000_000 }, 'units', /at most 100,000/],
    [{ inputs: -3 }, 'inputs', /Declared inputs must be a whole number/],
  ] as const)('names a linear layer field with a bad value: %j', (patch, field, message) => {
    const card = { ...newCard('linear', 1), ...patch } as LayerCard;
    const result = buildSpec(64, [card]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.layers[0]?.[field]).toMatch(message);
  });

  it('checks dropout rates and leaky ReLU slopes against their ranges', () => {
    const result = buildSpec(8, [
      { id: 1, type: 'dropout', rate: 1 },
      { id: 2, type: 'dropout', rate: null },
      { id: 3, type: 'leaky_relu', alpha: -0.5 },
      { id: 4, type: 'dropout', rate: 0 },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.layers[0]?.rate).toMatch(/below 1 \(not 1\)/);
    expect(result.errors.layers[1]?.rate).toMatch(/must be a number/);
    expect(result.errors.layers[2]?.alpha).toMatch(/between 0 and 1/);
    expect(result.errors.layers[3]).toBeUndefined();
    expect(countBuildErrors(result.errors)).toBe(3);
  });

  it('names an empty or fractional input width and an empty sequence', () => {
    const result = buildSpec(null, []);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.input).toMatch(/input width must be a whole number/);
    expect(result.errors.sequence).toMatch(/at least one layer/);
    expect(buildSpec(6.5, [newCard('relu', 1)]).ok).toBe(false);
  });
});

describe('layerOf', () => {
  it('writes the default init (xavier) as no init at all, as the presets do', () => {
    expect(layerOf({ id: 1, type: 'linear', units: 5, inputs: null, init: 'xavier' })).toEqual({ type: 'linear', units: 5 });
    expect(layerOf({ id: 1, type: 'linear', units: 5, inputs: null, init: 'exercise' })).toEqual({ type: 'linear', units: 5, init: 'exercise' });
  });
});
