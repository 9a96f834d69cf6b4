// Builds the NetworkSpec from the builder's cards (renderer), checking each field's value first with a message at the field.
import { capitalise, inRange, rangeMessage, type LayerSetting } from '../../engine/layers/layerSetting.js';
import { findLayerDefinition } from '../../engine/layers/registry.js';
import type { Shape } from '../../engine/layers/shape.js';
import { withImageInput } from '../../engine/network/imageInput.js';
import type { LayerSpec, NetworkSpec } from '../../engine/spec.js';
import type { LayerCard } from './layerCards.js';

/** The settings of a card a message can be shown at: a setting's name ("units", "alpha"). */
export type CardField = string;

export interface BuildErrors {
  /** About the input width field. */
  input?: string;
  /** About the sequence as a whole (an empty network). */
  sequence?: string;
  /** Per card, by its position in the sequence. */
  layers: Record<number, Partial<Record<CardField, string>>>;
}

export type BuildResult = { ok: true; spec: NetworkSpec } | { ok: false; errors: BuildErrors };

/** The largest width a field accepts: far beyond any data set here, small enough that a slip of the keyboard is caught. */
export const MAX_WIDTH = 100_000;

const isWhole = (v: number | null): v is number => v !== null && Number.isInteger(v);

/** A message when `value` is not a whole number from 1 to MAX_WIDTH; `what` names it ("Units"). */
function widthError(value: number | null, what: string): string | undefined {
  if (value === null || !Number.isFinite(value)) return `${what} must be a whole number, 1 or more`;
  if (!isWhole(value) || value < 1) return `${what} must be a whole number, 1 or more (not ${value})`;
  if (value > MAX_WIDTH) return `${what} must be at most ${MAX_WIDTH.toLocaleString('en')}`;
  return undefined;
}

/** The message about one setting's value, or undefined when the layer can take it (an empty optional setting takes its default). */
function settingError(setting: LayerSetting, value: LayerCard[string]): string | undefined {
  if (setting.kind === 'choice' || setting.kind === 'flag') return undefined;
  if (setting.kind === 'text') {
    if (typeof value !== 'string' || value.trim() === '') return setting.optional ? undefined : `${capitalise(setting.noun)} is empty`;
    const issue = setting.check(value);
    return issue ? capitalise(issue.message) : undefined;
  }
  const empty = value === null || typeof value !== 'number' || !Number.isFinite(value);
  if (empty && setting.optional) return undefined;
  if (setting.kind === 'integer') return widthError(empty ? null : (value as number), setting.label);
  const fallback = setting.default !== undefined ? `; empty: ${setting.default}` : '';
  if (empty) return `${capitalise(setting.noun)} must be a number, ${setting.range}`;
  return inRange(setting, value as number) ? undefined : `${capitalise(rangeMessage(setting))} (not ${value}${fallback})`;
}

/** The messages about one card's own values (empty when they are fine). */
export function cardErrors(card: LayerCard): Partial<Record<CardField, string>> {
  const errors: Partial<Record<CardField, string>> = {};
  for (const setting of findLayerDefinition(card.type)!.settings) {
    const error = settingError(setting, card[setting.name]);
    if (error) errors[setting.name] = error;
  }
  return errors;
}

/** The layer a valid card describes; optional settings left empty or at their default choice or flag are left out (the engine's defaults apply). */
export function layerOf(card: LayerCard): LayerSpec {
  const layer: Record<string, number | string | boolean> = { type: card.type };
  for (const setting of findLayerDefinition(card.type)!.settings) {
    const value = card[setting.name];
    if (value === null || value === undefined) continue;
    if ((setting.kind === 'choice' || setting.kind === 'flag') && setting.optional && value === setting.default) continue;
    layer[setting.name] = value;
  }
  return layer as LayerSpec;
}

/**
 * The network the cards describe, or every message about a field whose value cannot be part of one. With `imageShape`
 * (the data set's C×H×W) a network that slides windows over its input reads it in that shape, as Training and the
 * command line give it.
 */
export function buildSpec(input: number | null, cards: readonly LayerCard[], imageShape?: Shape): BuildResult {
  const errors: BuildErrors = { layers: {} };
  const inputError = widthError(input, 'The input width');
  if (inputError) errors.input = inputError;
  if (cards.length === 0) errors.sequence = 'A network needs at least one layer: add one from the palette';
  cards.forEach((card, index) => {
    const own = cardErrors(card);
    if (Object.keys(own).length) errors.layers[index] = own;
  });
  if (errors.input || errors.sequence || Object.keys(errors.layers).length) return { ok: false, errors };
  return { ok: true, spec: withImageInput({ input: input!, layers: cards.map(layerOf) }, imageShape) };
}

/** How many messages `errors` holds. */
export function countBuildErrors(errors: BuildErrors): number {
  const perCard = Object.values(errors.layers).reduce((sum, fields) => sum + Object.keys(fields).length, 0);
  return (errors.input ? 1 : 0) + (errors.sequence ? 1 : 0) + perCard;
}

/** Where and why the cards make no network yet, as "at layer 2: units must be …" (the first message, and how many more there are). */
export function buildProblem(errors: BuildErrors): string {
  const count = countBuildErrors(errors);
  const more = count > 1 ? ` (and ${count - 1} more)` : '';
  const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
  if (errors.sequence) return `in its layers: ${lower(errors.sequence)}`;
  if (errors.input) return `at the input width: ${lower(errors.input)}${more}`;
  const [index, fields] = Object.entries(errors.layers)[0]!;
  return `at layer ${Number(index) + 1}: ${lower(Object.values(fields)[0]!)}${more}`;
}
