// Builds the NetworkSpec from the builder's cards (renderer), checking each field's value first with a message at the field.
import type { LayerSpec, NetworkSpec } from '../../engine/spec.js';
import type { LayerCard } from './layerCards.js';

/** The settings of a card a message can be shown at. */
export type CardField = 'units' | 'inputs' | 'alpha' | 'rate';

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

/** The messages about one card's own values (empty when they are fine). */
export function cardErrors(card: LayerCard): Partial<Record<CardField, string>> {
  const errors: Partial<Record<CardField, string>> = {};
  if (card.type === 'linear') {
    const units = widthError(card.units, 'Units');
    if (units) errors.units = units;
    const inputs = card.inputs === null ? undefined : widthError(card.inputs, 'Declared inputs');
    if (inputs) errors.inputs = inputs;
  } else if (card.type === 'leaky_relu') {
    if (card.alpha !== null && !(Number.isFinite(card.alpha) && card.alpha >= 0 && card.alpha <= 1)) {
      errors.alpha = 'Alpha must be between 0 and 1 (empty: 0.01)';
    }
  } else if (card.type === 'dropout') {
    if (card.rate === null || !Number.isFinite(card.rate)) errors.rate = 'The dropout rate must be a number from 0 up to (not including) 1';
    else if (card.rate < 0 || card.rate >= 1) errors.rate = `The dropout rate must be 0 or more and below 1 (not ${card.rate})`;
  }
  return errors;
}

/** The layer a valid card describes; optional settings left empty are left out (the engine's defaults apply). */
export function layerOf(card: LayerCard): LayerSpec {
  switch (card.type) {
    case 'linear': {
      const layer: LayerSpec = { type: 'linear', units: card.units! };
      if (card.inputs !== null) layer.inputs = card.inputs;
      if (card.init !== 'xavier') layer.init = card.init;
      return layer;
    }
    case 'leaky_relu': return card.alpha === null ? { type: 'leaky_relu' } : { type: 'leaky_relu', alpha: card.alpha };
    case 'dropout': return { type: 'dropout', rate: card.rate! };
    default: return { type: card.type };
  }
}

/** The network the cards describe, or every message about a field whose value cannot be part of one. */
export function buildSpec(input: number | null, cards: readonly LayerCard[]): BuildResult {
  const errors: BuildErrors = { layers: {} };
  const inputError = widthError(input, 'The input width');
  if (inputError) errors.input = inputError;
  if (cards.length === 0) errors.sequence = 'A network needs at least one layer: add one from the palette';
  cards.forEach((card, index) => {
    const own = cardErrors(card);
    if (Object.keys(own).length) errors.layers[index] = own;
  });
  if (errors.input || errors.sequence || Object.keys(errors.layers).length) return { ok: false, errors };
  return { ok: true, spec: { input: input!, layers: cards.map(layerOf) } };
}

/** How many messages `errors` holds. */
export function countBuildErrors(errors: BuildErrors): number {
  const perCard = Object.values(errors.layers).reduce((sum, fields) => sum + Object.keys(fields).length, 0);
  return (errors.input ? 1 : 0) + (errors.sequence ? 1 : 0) + perCard;
}
