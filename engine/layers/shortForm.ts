// One layer in the short text form ("linear:32:he", "leaky_relu:0.1", "relu"), parsed and written from its definition's settings; pure, any process.
import type { LayerDefinition } from './layerDefinition.js';
import { inRange, rangeMessage, type LayerSetting } from './layerSetting.js';
import { findLayerDefinition, LAYER_DEFINITIONS, type LayerSpec } from './registry.js';

function positional(definition: LayerDefinition<LayerSpec>): LayerSetting[] {
  return definition.settings.filter((setting) => setting.positional);
}

function placeholder(setting: LayerSetting): string {
  return setting.kind === 'choice' ? setting.choices.map((choice) => choice.value).join('|') : setting.placeholder;
}

/** How the short form writes a layer type: "linear:UNITS[:xavier|he|exercise]", "leaky_relu[:ALPHA]", "relu". */
export function shortFormUsage(definition: LayerDefinition<LayerSpec>): string {
  return (
    definition.type +
    positional(definition)
      .map((setting) => (setting.optional ? `[:${placeholder(setting)}]` : `:${placeholder(setting)}`))
      .join('')
  );
}

/** An example of the short form: "linear:32", "leaky_relu:0.1", "dropout:0.2", "conv2d:16:5" (every required setting, else the first). */
export function shortFormExample(definition: LayerDefinition<LayerSpec>): string {
  const settings = positional(definition);
  const required = settings.filter((setting) => !setting.optional);
  const shown = required.length > 0 ? required : settings.slice(0, 1);
  return [definition.type, ...shown.map((setting) => (setting.kind === 'choice' ? setting.default : setting.example))].join(':');
}

/** Every layer type's short form, comma-separated, in registry order. */
export function knownShortForms(): string {
  return LAYER_DEFINITIONS.map(shortFormUsage).join(', ');
}

function settingValue(setting: LayerSetting, text: string, where: string): number | string {
  if (setting.kind === 'choice') {
    if (!setting.choices.some((choice) => choice.value === text)) {
      throw new Error(`${where}: unknown ${setting.noun} ${JSON.stringify(text)}; known: ${setting.choices.map((choice) => choice.value).join(', ')}`);
    }
    return text;
  }
  const value = Number(text);
  if (setting.kind === 'number' && (text === '' || !Number.isFinite(value))) throw new Error(`${where}: ${setting.noun} must be a number`);
  if (text === '' || !inRange(setting, value)) throw new Error(`${where}: ${rangeMessage(setting)}`);
  return value;
}

/**
 * Parses one item of the short form (already trimmed and lower case); `where` starts every message ("layer 2 \"swish\"").
 * @throws Error naming what is wrong.
 */
export function parseLayerItem(item: string, where: string): LayerSpec {
  const [type = '', ...values] = item.split(':').map((part) => part.trim());
  const definition = findLayerDefinition(type);
  if (definition === undefined) throw new Error(`${where}: unknown layer type; known: ${knownShortForms()}`);
  const settings = positional(definition);
  if (settings.length === 0 && values.length > 0) throw new Error(`${where}: ${type} takes no size`);
  const usage = (): Error => new Error(`${where}: write ${shortFormUsage(definition)}, e.g. ${shortFormExample(definition)}`);
  if (values.length > settings.length) throw usage();
  const spec: Record<string, number | string> = { type };
  let next = 0;
  for (const text of values) {
    // An optional number left out before a choice ("conv2d:16:5:same", no stride): a word that a later choice takes skips it.
    while (next < settings.length && skippable(settings, next, text)) next++;
    if (next >= settings.length) throw usage();
    spec[settings[next]!.name] = settingValue(settings[next]!, text, where);
    next++;
  }
  if (settings.some((setting) => !setting.optional && spec[setting.name] === undefined)) throw usage();
  return spec as LayerSpec;
}

/** Whether the optional number setting at `index` is left out: `text` is no number but a value of a choice after it. */
function skippable(settings: readonly LayerSetting[], index: number, text: string): boolean {
  const setting = settings[index]!;
  if (!setting.optional || setting.kind === 'choice' || Number.isFinite(Number(text))) return false;
  return settings.slice(index + 1).some((later) => later.kind === 'choice' && later.choices.some((choice) => choice.value === text));
}

/** One layer in the short form; settings the form cannot hold (a Linear layer's declared inputs) are left out. */
export function formatLayerItem(spec: LayerSpec): string {
  const definition = findLayerDefinition(spec.type)!;
  const settings = positional(definition);
  const values = spec as unknown as Record<string, number | string | undefined>;
  let last = -1;
  settings.forEach((setting, i) => {
    if (values[setting.name] !== undefined) last = i;
  });
  const parts: string[] = [];
  settings.slice(0, last + 1).forEach((setting, i) => {
    const value = values[setting.name];
    if (value !== undefined) {
      parts.push(String(value));
      return;
    }
    // Left out when the parser can tell: an optional number followed (next written) by a choice's word.
    const nextWritten = settings.slice(i + 1, last + 1).find((later) => values[later.name] !== undefined);
    if (setting.optional && setting.kind !== 'choice' && nextWritten?.kind === 'choice') return;
    parts.push(String(setting.kind === 'choice' ? setting.default : (setting.default ?? setting.example)));
  });
  return [spec.type, ...parts].join(':');
}
