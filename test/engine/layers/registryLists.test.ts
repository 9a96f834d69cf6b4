// Every registered layer type is offered wherever layers are listed: the builder's palette, the CLI's usage, the gradient-check form, the engine's catalog and the function charts.
import { describe, expect, it } from 'vitest';
import { GRADCHECK_USAGE } from '../../../cli/gradcheckArgs.js';
import { TRAIN_USAGE } from '../../../cli/usage.js';
import { ACTIVATIONS } from '../../../engine/functions/catalog.js';
import { plainKernels } from '../../../engine/kernels/plainKernels.js';
import { LAYER_DEFINITIONS } from '../../../engine/layers/registry.js';
import { shortFormUsage } from '../../../engine/layers/shortForm.js';
import { buildLayer } from '../../../engine/network/network.js';
import { createRandom } from '../../../engine/random.js';
import { handleDescribe } from '../../../engine/worker/describeHandler.js';
import { PALETTE } from '../../../renderer/builder/layerCards.js';
import { DEFAULT_GRADCHECK_VALUES } from '../../../renderer/gradients/gradcheckSubject.js';

/** Usage text with its line breaks and indentation joined back into single spaces. */
const unwrapped = (text: string) => text.replace(/\s+/g, ' ');

describe('the layer registry, everywhere layers are listed', () => {
  it("puts every layer type in the builder's palette, in registry order, with its title and description; the user-defined type is offered as the user's own activations instead", () => {
    expect(PALETTE.map((entry) => [entry.type, entry.name, entry.description])).toEqual(
      LAYER_DEFINITIONS.filter((definition) => !definition.userDefined).map((definition) => [definition.type, definition.title, definition.description]),
    );
    expect(LAYER_DEFINITIONS.filter((definition) => definition.userDefined).map((definition) => definition.type)).toEqual(['custom_activation']);
  });

  it("names every layer type's short form in the CLI's train and gradcheck usage", () => {
    for (const definition of LAYER_DEFINITIONS) {
      expect(unwrapped(TRAIN_USAGE)).toContain(shortFormUsage(definition));
      expect(unwrapped(GRADCHECK_USAGE)).toContain(shortFormUsage(definition));
    }
  });

  it('gives the gradient-check form a start value for every setting of every layer type', () => {
    for (const definition of LAYER_DEFINITIONS) {
      const settings = DEFAULT_GRADCHECK_VALUES.settings[definition.type]!;
      for (const setting of definition.settings.filter((s) => s.positional))
        expect(settings[setting.name], `${definition.type}.${setting.name}`).not.toBeNull();
    }
  });

  it("lists every layer type in the engine's catalog and every elementwise activation among the function charts", async () => {
    const catalog = await handleDescribe({ requestId: 'r' });
    expect(catalog.layerTypes).toEqual(LAYER_DEFINITIONS.map((definition) => definition.type));
    const activations = LAYER_DEFINITIONS.filter((definition) => definition.activation).map((definition) => definition.type);
    expect(ACTIVATIONS.map((f) => f.id).sort()).toEqual([...activations].sort());
    expect(catalog.functions.filter((f) => f.kind === 'activation').map((f) => f.id)).toEqual(ACTIVATIONS.map((f) => f.id));
    expect(ACTIVATIONS[0]!.id).toBe('sigmoid');
  });
});

describe('elementwise activations', () => {
  it('give the function chart the very values and derivatives their batched layer (or its kernel) computes', () => {
    const x = Float64Array.from({ length: 41 }, (_, i) => -4 + 0.2 * i + 0.013);
    const dy = Float64Array.from(x, (_, i) => 0.5 + 0.1 * (i % 7));
    for (const fn of ACTIVATIONS) {
      const layer = buildLayer({ type: fn.id } as never, [x.length], plainKernels, createRandom(1), createRandom(2));
      const y = layer.forward(x, 1);
      const dx = layer.backward(x, dy, 1);
      x.forEach((value, i) => {
        expect(Math.abs(y[i]! - fn.value(value)), `${fn.id}(${value})`).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(y[i]!)));
        expect(Math.abs(dx[i]! - dy[i]! * fn.derivative(value)), `${fn.id}'(${value})`).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(dx[i]!)));
      });
    }
  });
});
