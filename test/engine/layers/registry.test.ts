// Every registered layer type, present and future, without a test written for it: gradient-checked, and round-tripped through the short form and NetworkSpec JSON.
import { describe, expect, it } from 'vitest';
import { runGradcheck } from '../../../engine/gradcheck/runGradcheck.js';
import { plainKernels } from '../../../engine/kernels/plainKernels.js';
import type { LayerDefinition } from '../../../engine/layers/layerDefinition.js';
import { LAYER_DEFINITIONS, LayerSpecSchema, type LayerSpec } from '../../../engine/layers/registry.js';
import { shapeSize } from '../../../engine/layers/shape.js';
import { describeLayers } from '../../../engine/network/describeLayers.js';
import { buildLayer } from '../../../engine/network/network.js';
import { createRandom } from '../../../engine/random.js';
import { NetworkSpecSchema } from '../../../engine/spec.js';
import { formatSpecText, parseSpecText } from '../../../engine/specText.js';
import { randomLayerSpec } from '../support/randomLayerSpec.js';

const SEEDS = [1, 2, 3, 4, 5];

/** A random input and row count in [1, 5]: a width in [2, 9], or for a layer that takes images 1–2 channels of 5–8 × 5–8 pixels. */
function shapeOf(seed: number, definition: LayerDefinition<LayerSpec>): { inputs: number; inputShape: number[]; rows: number } {
  const random = createRandom(seed * 104729);
  const rows = 1 + Math.floor(random.next() * 5);
  if (definition.takes === 'image') {
    const inputShape = [1 + Math.floor(random.next() * 2), 5 + Math.floor(random.next() * 4), 5 + Math.floor(random.next() * 4)];
    return { inputs: inputShape.reduce((a, b) => a * b, 1), inputShape, rows: Math.min(rows, 3) };
  }
  const inputs = 2 + Math.floor(random.next() * 8);
  return { inputs, inputShape: [inputs], rows };
}

/** The gradient-check subject and network spec input for a sample shape. */
const subjectShape = ({ inputs, inputShape }: { inputs: number; inputShape: number[] }) => ({ inputs, ...(inputShape.length > 1 ? { inputShape } : {}) });

describe.each(LAYER_DEFINITIONS.map((definition) => [definition.type, definition] as const))('the registered layer %s', (_type, definition) => {
  it('passes the gradient check of dx and of every named parameter on random shapes and settings', () => {
    for (const seed of SEEDS) {
      const shape = shapeOf(seed, definition);
      const layer = randomLayerSpec(definition, createRandom(seed));
      const result = runGradcheck({ subject: { kind: 'layer', layer, ...subjectShape(shape), rows: shape.rows }, seed });
      const names = definition.parameterShapes(layer, shape.inputShape).map((parameter) => `d${parameter.name}`);
      const checked = result.checks.map((check) => check.name.replace(/ \(.*\)$/, ''));
      expect(new Set(checked), JSON.stringify(layer)).toEqual(new Set(['dx', ...names]));
      for (const check of result.checks) expect(check.relativeError, `${check.name} of ${JSON.stringify(layer)} (seed ${seed})`).toBeLessThan(1e-6);
    }
  });

  it('builds a layer whose shapes and parameters are the ones its definition and the shape tracer give', () => {
    for (const seed of SEEDS) {
      const shape = shapeOf(seed, definition);
      const { inputs } = shape;
      const spec = randomLayerSpec(definition, createRandom(seed));
      const built = buildLayer(spec, shape.inputShape, plainKernels, createRandom(seed), createRandom(seed + 1));
      const description = describeLayers({ input: inputs, ...(shape.inputShape.length > 1 ? { inputShape: shape.inputShape } : {}), layers: [spec] });
      expect(description.issues).toEqual([]);
      expect(built.type).toBe(definition.type);
      expect(built.inputs).toBe(inputs);
      expect(built.outputs).toBe(shapeSize(description.outputShape!));
      expect(built.parameters.map((p) => [p.name, p.value.length, p.gradient.length])).toEqual(
        description.layers[0]!.parameterShapes!.map((p) => [p.name, shapeSize(p.shape), shapeSize(p.shape)]),
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
      if (setting.kind === 'choice' || setting.kind === 'text' || setting.kind === 'flag') continue;
      const low = setting.min === undefined ? undefined : setting.min - 1;
      if (low === undefined) continue;
      const bad = LayerSpecSchema.safeParse({ ...randomLayerSpec(definition, createRandom(1)), [setting.name]: low });
      expect(bad.success).toBe(false);
      expect(bad.error?.issues[0]?.path).toEqual([setting.name]);
    }
  });
});
