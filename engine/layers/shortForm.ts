// One layer in the short text form ("linear:32:he", "leaky_relu:0.1", "conv2d:16:5:nobias"), parsed and written from its definition's settings; pure, any process.
import type { LayerDefinition } from './layerDefinition.js';
import { inRange, rangeMessage, type LayerSetting } from './layerSetting.js';
import { findLayerDefinition, LAYER_DEFINITIONS, type LayerSpec } from './registry.js';

function positional(definition: LayerDefinition<LayerSpec>): LayerSetting[] {
  return definition.settings.filter((setting) => setting.positional);
}

function placeholder(setting: LayerSetting): string {
  if (setting.kind === 'flag') return setting.word;
  return setting.kind === 'choice' ? setting.choices.map((choice) => choice.value).join('|') : setting.placeholder;
}

/** Whether `text` is a value `setting` can take from the short form: a choice's value, a flag's word, a number; any text for a text setting. */
function takes(setting: LayerSetting, text: string): boolean {
  if (setting.kind === 'choice') return setting.choices.some((choice) => choice.value === text);
  if (setting.kind === 'flag') return text === setting.word;
  if (setting.kind === 'text') return true;
  return Number.isFinite(Number(text));
}

/** How the short form writes a setting's value, or undefined when it leaves the value out (a flag at its default). */
function writtenValue(setting: LayerSetting, value: number | string | boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (setting.kind === 'flag') return value === setting.default ? undefined : setting.word;
  return String(value);
}

/** How the short form writes a layer type: "linear:UNITS[:xavier|he|exercise]", "leaky_relu[:ALPHA]", "relu", "conv2d:FILTERS:KERNEL[:STRIDE][:valid|same][:nobias]". */
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
  return [
    definition.type,
    ...shown.map((setting) => (setting.kind === 'flag' ? setting.word : setting.kind === 'choice' ? setting.default : setting.example)),
  ].join(':');
}

/** Every layer type's short form, comma-separated, in registry order. */
export function knownShortForms(): string {
  return LAYER_DEFINITIONS.map(shortFormUsage).join(', ');
}

function settingValue(setting: LayerSetting, text: string, where: string): number | string | boolean {
  if (setting.kind === 'flag') {
    if (text !== setting.word) throw new Error(`${where}: unknown word ${JSON.stringify(text)}; ${setting.word} means ${setting.wordMeaning}`);
    return !setting.default;
  }
  if (setting.kind === 'choice') {
    if (!setting.choices.some((choice) => choice.value === text)) {
      throw new Error(`${where}: unknown ${setting.noun} ${JSON.stringify(text)}; known: ${setting.choices.map((choice) => choice.value).join(', ')}`);
    }
    return text;
  }
  if (setting.kind === 'text') {
    const issue = setting.check(text);
    if (issue) throw new Error(`${where}: ${issue.message}`);
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
  const spec: Record<string, number | string | boolean> = { type };
  let next = 0;
  for (const text of values) {
    // An optional setting left out before a word ("conv2d:16:5:same", no stride; "conv2d:16:5:nobias"): a word that a later choice or flag takes skips it.
    while (next < settings.length && skippable(settings, next, text)) next++;
    if (next >= settings.length) throw usage();
    spec[settings[next]!.name] = settingValue(settings[next]!, text, where);
    next++;
  }
  if (settings.some((setting) => !setting.optional && spec[setting.name] === undefined)) throw usage();
  return spec as LayerSpec;
}

/** Whether the optional setting at `index` is left out: it cannot take `text`, a word that a choice or flag after it takes. */
function skippable(settings: readonly LayerSetting[], index: number, text: string): boolean {
  const setting = settings[index]!;
  if (!setting.optional || takes(setting, text)) return false;
  return settings.slice(index + 1).some((later) => (later.kind === 'choice' || later.kind === 'flag') && takes(later, text));
}

/** One layer in the short form; settings the form cannot hold (a Linear layer's declared inputs) are left out. */
export function formatLayerItem(spec: LayerSpec): string {
  const definition = findLayerDefinition(spec.type)!;
  const settings = positional(definition);
  const values = spec as unknown as Record<string, number | string | boolean | undefined>;
  const written = settings.map((setting) => writtenValue(setting, values[setting.name]));
  let last = -1;
  written.forEach((text, i) => {
    if (text !== undefined) last = i;
  });
  const parts: string[] = [];
  settings.slice(0, last + 1).forEach((setting, i) => {
    const text = written[i];
    if (text !== undefined) {
      parts.push(text);
      return;
    }
    // Left out when the parser can tell: an optional setting followed (next written) by a word of a choice or flag that it cannot take.
    const next = written.findIndex((later, j) => j > i && later !== undefined);
    const nextSetting = settings[next]!;
    if (setting.optional && (nextSetting.kind === 'choice' || nextSetting.kind === 'flag') && !takes(setting, written[next]!)) return;
    parts.push(
      setting.kind === 'number' || setting.kind === 'integer' ? String(setting.default ?? setting.example) : setting.kind === 'choice' ? setting.default : '',
    );
  });
  return [spec.type, ...parts].join(':');
}
