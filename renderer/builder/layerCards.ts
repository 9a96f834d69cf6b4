// A network as the builder edits it (renderer): one card per layer holding its settings as typed, and the palette of layer types.
import type { DataSetName } from '../../engine/data/dataSetNames.js';
import type { InitScheme, LayerSpec, LayerType, NetworkSpec } from '../../engine/spec.js';

/** One layer in the sequence; number fields are null while empty or not a number. `id` keys the card across moves. */
export type LayerCard =
  | { id: number; type: 'linear'; units: number | null; inputs: number | null; init: InitScheme }
  | { id: number; type: 'leaky_relu'; alpha: number | null }
  | { id: number; type: 'dropout'; rate: number | null }
  | { id: number; type: 'relu' | 'sigmoid' | 'tanh' | 'softmax' };

export interface PaletteEntry {
  type: LayerType;
  name: string;
  /** One line: what the layer does. */
  description: string;
}

export const PALETTE: readonly PaletteEntry[] = [
  { type: 'linear', name: 'Linear', description: 'y = x·W + b: fully connected, with weights' },
  { type: 'relu', name: 'ReLU', description: 'max(0, x), elementwise' },
  { type: 'leaky_relu', name: 'Leaky ReLU', description: 'max(αx, x), elementwise' },
  { type: 'sigmoid', name: 'Sigmoid', description: '1 / (1 + e^−x): a probability per output' },
  { type: 'tanh', name: 'Tanh', description: 'tanh(x), elementwise, between −1 and 1' },
  { type: 'softmax', name: 'Softmax', description: 'One probability per class, summing to 1' },
  { type: 'dropout', name: 'Dropout', description: 'Zeroes values at random while training' },
];

/** The name a layer type is shown with ("Leaky ReLU"). */
export function layerName(type: string): string {
  return PALETTE.find((entry) => entry.type === type)?.name ?? type;
}

export const INIT_CHOICES: readonly { value: InitScheme; label: string }[] = [
  { value: 'xavier', label: 'Xavier uniform (default)' },
  { value: 'he', label: 'He normal' },
  { value: 'exercise', label: "The exercise's √(6/(n_in·n_out))" },
];

/** Settings a newly added layer starts with. */
export const NEW_LINEAR_UNITS = 16;
export const NEW_DROPOUT_RATE = 0.2;

/** A fresh card of `type` with the usual settings. */
export function newCard(type: LayerType, id: number): LayerCard {
  switch (type) {
    case 'linear': return { id, type, units: NEW_LINEAR_UNITS, inputs: null, init: 'xavier' };
    case 'leaky_relu': return { id, type, alpha: null };
    case 'dropout': return { id, type, rate: NEW_DROPOUT_RATE };
    default: return { id, type };
  }
}

/** The card that shows `layer`; ids are `firstId`, `firstId + 1`, … */
export function cardOf(layer: LayerSpec, id: number): LayerCard {
  switch (layer.type) {
    case 'linear': return { id, type: 'linear', units: layer.units, inputs: layer.inputs ?? null, init: layer.init ?? 'xavier' };
    case 'leaky_relu': return { id, type: 'leaky_relu', alpha: layer.alpha ?? null };
    case 'dropout': return { id, type: 'dropout', rate: layer.rate };
    default: return { id, type: layer.type };
  }
}

/** The cards of a whole network, numbered from `firstId`. */
export function cardsOf(spec: NetworkSpec, firstId: number): LayerCard[] {
  return spec.layers.map((layer, i) => cardOf(layer, firstId + i));
}

/** The builder's edits, valid or not, kept by the draft while another lab is shown. */
export interface BuilderWork {
  input: number | null;
  cards: LayerCard[];
  dataSet: DataSetName;
  /** The draft's network when the work was kept: if the draft changed since, the work is stale. */
  draftSpec: string;
}
