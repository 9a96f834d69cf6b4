// The short text form of a network, e.g. "linear:32,relu,linear:1,sigmoid", to and from a NetworkSpec; pure, any process.
import { INIT_SCHEMES, type InitScheme, type LayerSpec, type NetworkSpec } from './spec.js';

const KNOWN = 'linear:UNITS[:xavier|he|exercise], relu, leaky_relu[:ALPHA], sigmoid, tanh, softmax, dropout:RATE';

function number(where: string, text: string, what: string): number {
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) throw new Error(`${where}: ${what} must be a number`);
  return value;
}

function parseItem(item: string, where: string): LayerSpec {
  const [type, argument, ...rest] = item.split(':').map((part) => part.trim());
  const noSize = (): void => { if (argument !== undefined) throw new Error(`${where}: ${type} takes no size`); };
  switch (type) {
    case 'relu': case 'sigmoid': case 'tanh': case 'softmax':
      noSize();
      return { type };
    case 'linear': {
      if (argument === undefined || argument === '' || rest.length > 1) throw new Error(`${where}: write linear:UNITS, e.g. linear:32, or linear:32:he`);
      const units = Number(argument);
      if (!Number.isInteger(units) || units <= 0) throw new Error(`${where}: the number of units must be a positive whole number`);
      const init = rest[0];
      if (init === undefined) return { type: 'linear', units };
      if (!(INIT_SCHEMES as readonly string[]).includes(init)) throw new Error(`${where}: unknown initialisation ${JSON.stringify(init)}; known: ${INIT_SCHEMES.join(', ')}`);
      return { type: 'linear', units, init: init as InitScheme };
    }
    case 'leaky_relu': {
      if (rest.length > 0) throw new Error(`${where}: write leaky_relu or leaky_relu:ALPHA, e.g. leaky_relu:0.1`);
      if (argument === undefined) return { type: 'leaky_relu' };
      const alpha = number(where, argument, 'alpha');
      if (alpha < 0 || alpha > 1) throw new Error(`${where}: alpha must be between 0 and 1`);
      return { type: 'leaky_relu', alpha };
    }
    case 'dropout': {
      if (argument === undefined || rest.length > 0) throw new Error(`${where}: write dropout:RATE, e.g. dropout:0.2`);
      const rate = number(where, argument, 'the rate');
      if (rate < 0 || rate >= 1) throw new Error(`${where}: the dropout rate must be at least 0 and below 1`);
      return { type: 'dropout', rate };
    }
    default:
      throw new Error(`${where}: unknown layer type; known: ${KNOWN}`);
  }
}

/**
 * Parses the short form (comma-separated `linear:UNITS[:INIT]`, `relu`, `leaky_relu[:ALPHA]`, `sigmoid`, `tanh`,
 * `softmax`, `dropout:RATE`; spaces and case ignored) into a NetworkSpec taking `input` features.
 * @throws Error naming the item (counted from 1) that is wrong.
 */
export function parseSpecText(text: string, input: number): NetworkSpec {
  const items = text.split(',').map((item) => item.trim().toLowerCase());
  if (items.length === 1 && items[0] === '') throw new Error('the network is empty; write e.g. linear:32,relu,linear:1,sigmoid');
  const layers = items.map((item, index): LayerSpec => {
    if (item === '') throw new Error(`layer ${index + 1} is empty (two commas in a row?)`);
    return parseItem(item, `layer ${index + 1} ${JSON.stringify(item)}`);
  });
  return { input, layers };
}

function formatItem(layer: LayerSpec): string {
  switch (layer.type) {
    case 'linear': return layer.init === undefined ? `linear:${layer.units}` : `linear:${layer.units}:${layer.init}`;
    case 'leaky_relu': return layer.alpha === undefined ? 'leaky_relu' : `leaky_relu:${layer.alpha}`;
    case 'dropout': return `dropout:${layer.rate}`;
    default: return layer.type;
  }
}

/** The short form of a spec's layers, e.g. "linear:32,relu,linear:1,sigmoid". */
export function formatSpecText(spec: NetworkSpec): string {
  return spec.layers.map(formatItem).join(',');
}
