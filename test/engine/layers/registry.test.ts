// Every registered layer type, present and future, without a test written for it: gradient-checked, and round-tripped through the short form and NetworkSpec JSON.
import { describe, expect, it } from 'vitest';
import { runGradcheck } from '../../../engine/gradcheck/runGradcheck.js';
import { plainKernels } from '../../../engine/kernels/plainKernels.js';
import { LAYER_DEFINITIONS, LayerSpecSchema } from '../../../engine/layers/registry.js';
import { shapeSize } from '../../../engine/layers/shape.js';
import { describeLayers } from '../../../engine/network/describeLayers.js';
import { buildLayer } from '../../../engine/network/network.js';
import { createRandom } from '../../../engine/random.js';
import { NetworkSpecSchema } from '../../../engine/spec.js';
import { formatSpecText, parseSpecText } from '../../../engine/specText.js';
import { randomLayerSpec } from '../support/randomLayerSpec.js';

const SEEDS = [1, 2, 3, 4, 5];

/** A random input width in [2, 9] and row count in [1, 5]. */
function shapeOf(seed: number): { inputs: number; rows: number } {
  const random = createRandom(seed * 104729);
  return { inputs: 2 + Math.floor(random.next() * 8), rows: 1 + Math.floor(random.next() * 5) };
}

describe.each(LAYER_DEFINITIONS.map((definition) => [definition.type, definition] as const))('the registered layer %s', (_type, definition) => {
  it('passes the gradient check of dx and of every named parameter on random shapes and settings', () => {
    for (const seed of SEEDS) {
      const { inputs, rows } = shapeOf(seed);
      const layer = randomLayerSpec(definition, createRandom(seed));
      const result = runGradcheck({ subject: { kind: 'layer', layer, inputs, rows }, seed });
      const names = definition.parameterShapes(layer, [inputs]).map((parameter) => `d${parameter.name}`);
      const checked = result.checks.map((check) => check.name.replace(/ \(.*\)$/, ''));
      expect(new Set(checked), JSON.stringify(layer)).toEqual(new Set(['dx', ...names]));
      for (const check of result.checks) expect(check.relativeError, `${check.name} of ${JSON.stringify(layer)} (seed ${seed})`).toBeLessThan(1e-6);
    }
  });

  it('builds a layer whose shapes and parameters are the ones its definition and the shape tracer give', () => {
    for (const seed of SEEDS) {
      const { inputs } = shapeOf(seed);
      const spec = randomLayerSpec(definition, createRandom(seed));
      const built = buildLayer(spec, [inputs], plainKernels, createRandom(seed), createRandom(seed + 1));
      const description = describeLayers({ input: inputs, layers: [spec] });
      expect(description.issues).toEqual([]);
      expect(built.type).toBe(definition.type);
      expect(built.inputs).toBe(inputs);
      expect(built.outputs).toBe(shapeSize(description.outputShape));
      expect(built.parameters.map((p) => [p.name, p.value.length, p.gradient.length])).toEqual(
        description.layers[0]!.parameterShapes.map((p) => [p.name, shapeSize(p.shape), shapeSize(p.shape)]),
      );
      expect(description.parameterCount).toBe(built.parameters.reduce((sum, p) => sum + p.value.length, 0));
    }
  });

  it('round-trips through the short form', () => {
    for (const seed of SEEDS) {
      const spec = { input: 7, layers: [randomLayerSpec(definition, createRandom(seed))] };
      const text = formatSpecText(spec);
      expect(parseSpecText(text, 7), text).toEqual(spec);
      expect(formatSpecText(parseSpecText(text.toUpperCase(), 7))).toBe(text);
    }
  });

  it('round-trips through NetworkSpec JSON and the schema, with every setting', () => {
    for (const seed of SEEDS) {
      const spec = { input: 7, layers: [randomLayerSpec(definition, createRandom(seed), true)] };
      expect(NetworkSpecSchema.parse(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
    }
  });

  it('refuses a setting out of its range and an unknown key, naming the field', () => {
    const spec = { ...randomLayerSpec(definition, createRandom(1), true), colour: 'red' };
    const parsed = LayerSpecSchema.safeParse(spec);
    expect(parsed.success).toBe(false);
    for (const setting of definition.settings) {
      if (setting.kind === 'choice' || setting.kind === 'text') continue;
      const low = setting.min === undefined ? undefined : setting.min - 1;
      if (low === undefined) continue;
      const bad = LayerSpecSchema.safeParse({ ...randomLayerSpec(definition, createRandom(1)), [setting.name]: low });
      expect(bad.success).toBe(false);
      expect(bad.error?.issues[0]?.path).toEqual([setting.name]);
    }
  });
});
