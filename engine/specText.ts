// The short text form of a network, e.g. "linear:32,relu,linear:1,sigmoid", to and from a NetworkSpec; pure, any process.
import { formatLayerItem, knownShortForms, parseLayerItem } from './layers/shortForm.js';
import type { LayerSpec, NetworkSpec } from './spec.js';

/** Every layer type's short form, e.g. "linear:UNITS[:xavier|he|exercise], relu, leaky_relu[:ALPHA], …", for usage texts. */
export const SHORT_FORMS = knownShortForms();

/**
 * Parses the short form (comma-separated items such as `linear:UNITS[:INIT]`, `relu`, `leaky_relu[:ALPHA]`,
 * `dropout:RATE`: every registered layer type, see SHORT_FORMS; spaces and case ignored) into a NetworkSpec taking `input` features.
 * @throws Error naming the item (counted from 1) that is wrong.
 */
export function parseSpecText(text: string, input: number): NetworkSpec {
  const items = text.split(',').map((item) => item.trim().toLowerCase());
  if (items.length === 1 && items[0] === '') throw new Error('the network is empty; write e.g. linear:32,relu,linear:1,sigmoid');
  const layers = items.map((item, index): LayerSpec => {
    if (item === '') throw new Error(`layer ${index + 1} is empty (two commas in a row?)`);
    return parseLayerItem(item, `layer ${index + 1} ${JSON.stringify(item)}`);
  });
  return { input, layers };
}

/** The short form of one layer, e.g. "linear:32:he" or "leaky_relu:0.1". */
export function formatLayerText(layer: LayerSpec): string {
  return formatLayerItem(layer);
}

/** The short form of a spec's layers, e.g. "linear:32,relu,linear:1,sigmoid". */
export function formatSpecText(spec: NetworkSpec): string {
  return spec.layers.map(formatLayerItem).join(',');
}
