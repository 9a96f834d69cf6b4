// A random spec of any registered layer type, drawn from its definition's settings and ranges (test helper, plain Node).
import type { LayerDefinition } from '../../../engine/layers/layerDefinition.js';
import type { LayerSetting } from '../../../engine/layers/layerSetting.js';
import type { Random } from '../../../engine/random.js';
import type { LayerSpec } from '../../../engine/spec.js';

/**
 * A value inside the setting's range: whole numbers from 1 to 5 for integers, a choice at random for choices, the example
 * for text, and for a flag the value that is not its default (a spec that leaves the flag out has the default).
 */
function randomValue(setting: LayerSetting, random: Random): number | string | boolean {
  if (setting.kind === 'text') return setting.example;
  if (setting.kind === 'flag') return !setting.default;
  if (setting.kind === 'choice') return setting.choices[Math.floor(random.next() * setting.choices.length)]!.value;
  if (setting.kind === 'integer') return Math.max(setting.min ?? 1, 1) + Math.floor(random.next() * 5);
  const low = setting.min ?? -3;
  const high = setting.max ?? low + 3;
  return low + (high - low) * (0.05 + 0.9 * random.next());
}

/**
 * A spec of `definition`'s type: every required setting drawn in its range, each optional one drawn or left out at
 * random. Settings that the short form cannot hold (Linear's declared inputs) are left out unless `all` is set.
 */
export function randomLayerSpec(definition: LayerDefinition<LayerSpec>, random: Random, all = false): LayerSpec {
  const spec: Record<string, number | string | boolean> = { type: definition.type };
  for (const setting of definition.settings) {
    if (!setting.positional && !all) continue;
    if (setting.optional && random.next() < 0.5) continue;
    spec[setting.name] = randomValue(setting, random);
  }
  return spec as LayerSpec;
}
