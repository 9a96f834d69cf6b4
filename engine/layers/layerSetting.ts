// A layer's setting (units, alpha, a rate, an initialisation): its kind, default, range and the message for a value out of it; pure, any process.
import { z } from 'zod';

interface SettingBase {
  /** The key in the layer's spec ("units"). */
  readonly name: string;
  /** The field's label in forms ("Units"). */
  readonly label: string;
  /** How a sentence names it ("the number of units", "alpha"). */
  readonly noun: string;
  /** May be left out of a spec (its default, or the engine's rule, applies). */
  readonly optional: boolean;
  /** Written in the short form after the type, in the order of the settings (`linear:32:he`). */
  readonly positional: boolean;
  /** One line shown beside the field. */
  readonly hint?: string;
}

/** A number setting; `integer` ones are whole numbers. Bounds are inclusive unless marked open. */
export interface NumberSetting extends SettingBase {
  readonly kind: 'number' | 'integer';
  readonly min?: number;
  readonly max?: number;
  readonly minOpen?: boolean;
  readonly maxOpen?: boolean;
  /** The value the layer uses when the spec leaves the setting out. */
  readonly default?: number;
  /** The value a newly added layer starts with (else the default, or empty). */
  readonly initial?: number;
  /** A value for examples in messages ("leaky_relu:0.1"). */
  readonly example: number;
  /** The step of a number field. */
  readonly step?: number;
  /** The symbol in formulas and titles ("α"). */
  readonly symbol?: string;
  /** The placeholder in the short form's usage ("ALPHA"). */
  readonly placeholder: string;
  /** What a value must be, completing "alpha must be …": "between 0 and 1", "a positive whole number". */
  readonly range: string;
}

/** A choice among named values. */
export interface ChoiceSetting extends SettingBase {
  readonly kind: 'choice';
  readonly choices: readonly { readonly value: string; readonly label: string }[];
  readonly default: string;
}

/** A typing mistake in a text setting: the sentence, and the column (from 1) it points at when it is in an expression. */
export interface TextIssue {
  readonly message: string;
  readonly column?: number;
}

/** A text setting (a name, an expression in x): any text its `check` accepts. */
export interface TextSetting extends SettingBase {
  readonly kind: 'text';
  /** A value for examples and fresh layers. */
  readonly example: string;
  /** The placeholder in the short form's usage ("F"). */
  readonly placeholder: string;
  /** What is wrong with `text`, or undefined when the setting takes it. */
  check(text: string): TextIssue | undefined;
}

/**
 * An on/off setting (a convolution's bias): left out, it is `default`; the short form writes `word` for the other value,
 * and nothing at the default, so a positional flag comes after every positional setting that is not a word.
 */
export interface FlagSetting extends SettingBase {
  readonly kind: 'flag';
  readonly default: boolean;
  /** The short form's word for the value that is not the default ("nobias"). */
  readonly word: string;
  /** What `word` means, for the usage and messages ("no bias"). */
  readonly wordMeaning: string;
}

export type LayerSetting = NumberSetting | ChoiceSetting | TextSetting | FlagSetting;
/** A setting's value as a form holds it: null while empty or not a number. */
export type SettingValue = number | string | boolean | null;

/** Whether `value` is a number this setting accepts. */
export function inRange(setting: NumberSetting, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (setting.kind === 'integer' && !Number.isInteger(value)) return false;
  if (setting.min !== undefined && (setting.minOpen ? value <= setting.min : value < setting.min)) return false;
  if (setting.max !== undefined && (setting.maxOpen ? value >= setting.max : value > setting.max)) return false;
  return true;
}

/** The sentence for a value out of range, e.g. "alpha must be between 0 and 1". */
export function rangeMessage(setting: NumberSetting): string {
  return `${setting.noun} must be ${setting.range}`;
}

/** The zod schema of a number setting's value, refusing a value out of range with the setting's message. */
export function numberSchema(setting: NumberSetting): z.ZodNumber {
  return z.number().refine((value) => inRange(setting, value), { message: rangeMessage(setting) });
}

/** The zod schema of a choice setting's value. */
export function choiceSchema<const T extends readonly [string, ...string[]]>(values: T): z.ZodEnum<{ [K in T[number]]: K }> {
  return z.enum(values);
}

/** The value a fresh layer starts with for `setting`, or null for an empty field. */
export function initialValue(setting: LayerSetting): SettingValue {
  if (setting.kind === 'choice' || setting.kind === 'flag') return setting.default;
  if (setting.kind === 'text') return setting.optional ? null : setting.example;
  return setting.initial ?? (setting.optional ? null : (setting.default ?? null));
}

/** The zod schema of a text setting's value, refusing text its check does not take with the check's sentence. */
export function textSchema(setting: TextSetting): z.ZodString {
  return z.string().superRefine((text, context) => {
    const issue = setting.check(text);
    if (issue) context.addIssue({ code: 'custom', message: issue.message });
  });
}

/** "Alpha" from "alpha": the first letter in upper case. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
