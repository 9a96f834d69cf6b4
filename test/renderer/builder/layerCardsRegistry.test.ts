// Every registered layer type in the builder, without a test written for it: a fresh card builds a valid layer, and a layer's card gives the layer back.
import { describe, expect, it } from 'vitest';
import { LAYER_DEFINITIONS } from '../../../engine/layers/registry.js';
import { createRandom } from '../../../engine/random.js';
import { NetworkSpecSchema } from '../../../engine/spec.js';
import { buildSpec, cardErrors, layerOf } from '../../../renderer/builder/buildSpec.js';
import { cardOf, newCard } from '../../../renderer/builder/layerCards.js';
import { randomLayerSpec } from '../../engine/support/randomLayerSpec.js';

describe.each(LAYER_DEFINITIONS.map((definition) => [definition.type, definition] as const))("the builder's card of %s", (type, definition) => {
  it('starts with settings the engine accepts', () => {
    const card = newCard(type, 1);
    expect(cardErrors(card)).toEqual({});
    const result = buildSpec(8, [card]);
    expect(result.ok && NetworkSpecSchema.safeParse(result.spec).success).toBe(true);
  });

  it('gives back the layer it shows, every setting kept (a default choice left out, as the builder writes it)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const layer = randomLayerSpec(definition, createRandom(seed), true);
      const expected: Record<string, unknown> = { ...layer };
      for (const setting of definition.settings) if (setting.kind === 'choice' && expected[setting.name] === setting.default) delete expected[setting.name];
      expect(layerOf(cardOf(layer, 1))).toEqual(expected);
    }
  });

  it('names a setting out of its range at its field', () => {
    for (const setting of definition.settings) {
      if (setting.kind === 'choice' || setting.kind === 'text' || setting.kind === 'flag' || setting.min === undefined) continue;
      const card = { ...newCard(type, 1), [setting.name]: setting.min - 1 };
      expect(cardErrors(card)[setting.name], `${type}.${setting.name}`).toMatch(new RegExp(setting.kind === 'integer' ? 'whole number' : setting.range));
    }
  });
});
