// A network as the builder edits it (renderer): one card per layer holding its settings as typed, and the palette of layer types.
import type { BuilderDataSet } from './builderDataSets.js';
import type { LayerFamily } from '../../engine/layers/layerDefinition.js';
import { initialValue, type SettingValue } from '../../engine/layers/layerSetting.js';
import { definitionOf, findLayerDefinition, LAYER_DEFINITIONS, layerTitle } from '../../engine/layers/registry.js';
import type { LayerSpec, LayerType, NetworkSpec } from '../../engine/spec.js';

/**
 * One layer in the sequence: its type and a value per setting of its definition, keyed by the setting's name; number
 * fields are null while empty or not a number. `id` keys the card across moves.
 */
export interface LayerCard {
  id: number;
  type: LayerType;
  [setting: string]: SettingValue;
}

export interface PaletteEntry {
  type: LayerType;
  name: string;
  /** One line: what the layer does. */
  description: string;
  family: LayerFamily;
}

/** Every registered layer type but the user-defined one (the palette lists the user's own activations in its place), in registry order. */
export const PALETTE: readonly PaletteEntry[] = LAYER_DEFINITIONS.filter((definition) => !definition.userDefined).map((definition) => ({
  type: definition.type,
  name: definition.title,
  description: definition.description,
  family: definition.family,
}));

/** The name a layer type is shown with ("Leaky ReLU"). */
export function layerName(type: string): string {
  return layerTitle(type);
}

/** The name a card is shown with: its type's ("Leaky ReLU"), or for the user's own activation its name ("softsign, your activation"). */
export function cardName(card: LayerCard): string {
  const definition = findLayerDefinition(card.type)!;
  return definition.titleOf && definition.userDefined && typeof card.name === 'string' ? definition.titleOf(layerOfCard(card)) : definition.title;
}

/** The card's values as a spec for naming it (unchecked: only titleOf reads it). */
function layerOfCard(card: LayerCard): LayerSpec {
  const { id: _id, ...values } = card;
  return values as unknown as LayerSpec;
}

/** A fresh card of `type` with each setting at its initial value. */
export function newCard(type: LayerType, id: number): LayerCard {
  const card: LayerCard = { id, type };
  for (const setting of findLayerDefinition(type)!.settings) card[setting.name] = initialValue(setting);
  return card;
}

/** The card that shows `layer`: a setting the spec leaves out is empty (a choice or flag shows its default). */
export function cardOf(layer: LayerSpec, id: number): LayerCard {
  const card: LayerCard = { id, type: layer.type };
  const values = layer as unknown as Record<string, SettingValue | undefined>;
  for (const setting of definitionOf(layer).settings) {
    card[setting.name] = values[setting.name] ?? (setting.kind === 'choice' || setting.kind === 'flag' ? setting.default : null);
  }
  return card;
}

/** The cards of a whole network, numbered from `firstId`. */
export function cardsOf(spec: NetworkSpec, firstId: number): LayerCard[] {
  return spec.layers.map((layer, i) => cardOf(layer, firstId + i));
}

/** The builder's edits, valid or not, kept by the draft while another lab is shown. */
export interface BuilderWork {
  input: number | null;
  cards: LayerCard[];
  dataSet: BuilderDataSet;
  /** The draft's network when the work was kept: if the draft changed since, the work is stale. */
  draftSpec: string;
}
