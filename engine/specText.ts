// The short text form of a network, e.g. "linear:32,relu,linear:1,sigmoid", to and from a NetworkSpec; pure, any process.
import type { LayerSpec, NetworkSpec } from './spec.js';

/**
 * Parses the short form (comma-separated `linear:UNITS`, `relu`, `sigmoid`; spaces and case ignored)
 * into a NetworkSpec taking `input` features.
 * @throws Error naming the item (counted from 1) that is wrong.
 */
export function parseSpecText(text: string, input: number): NetworkSpec {
  const items = text.split(',').map((item) => item.trim().toLowerCase());
  if (items.length === 1 && items[0] === '') throw new Error('the network is empty; write e.g. linear:32,relu,linear:1,sigmoid');
  const layers = items.map((item, index): LayerSpec => {
    const where = `layer ${index + 1} ${JSON.stringify(item)}`;
    if (item === '') throw new Error(`layer ${index + 1} is empty (two commas in a row?)`);
    const [type, argument, ...rest] = item.split(':').map((part) => part.trim());
    if (type === 'relu' || type === 'sigmoid') {
      if (argument !== undefined) throw new Error(`${where}: ${type} takes no size`);
      return { type };
    }
    if (type === 'linear') {
      if (argument === undefined || argument === '' || rest.length > 0) throw new Error(`${where}: write linear:UNITS, e.g. linear:32`);
      const units = Number(argument);
      if (!Number.isInteger(units) || units <= 0) throw new Error(`${where}: the number of units must be a positive whole number`);
      return { type: 'linear', units };
    }
    throw new Error(`${where}: unknown layer type; known: linear:UNITS, relu, sigmoid`);
  });
  return { input, layers };
}

/** The short form of a spec's layers, e.g. "linear:32,relu,linear:1,sigmoid". */
export function formatSpecText(spec: NetworkSpec): string {
  return spec.layers.map((layer) => (layer.type === 'linear' ? `linear:${layer.units}` : layer.type)).join(',');
}
