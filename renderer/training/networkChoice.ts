// The networks the Training form offers (renderer): the exercise's presets, the builder's draft, and a default fitted to the data.
import type { NetworkSpec } from '../../engine/spec.js';
import { outputsFor, type DataShape } from './dataChoice.js';
import { summarizeNetwork } from './networkSummary.js';
import { NETWORK_PRESETS, presetById } from '../models/networkPresets.js';

/** The "Network preset" menu's values beside the presets' ids. */
export const DATA_DEFAULT_CHOICE = 'data-default';
export const BUILDER_CHOICE = 'builder';

export interface NetworkOption {
  value: string;
  /** The menu's text. */
  label: string;
  /** The network's name in run labels. */
  name: string;
  spec: NetworkSpec;
}

/** A network's output width, traced through its layers; undefined when the tracer cannot know it. */
export function outputWidth(spec: NetworkSpec): number | undefined {
  const { rows } = summarizeNetwork(spec);
  return rows.length === 0 ? spec.input : rows.at(-1)!.outputs;
}

/** Whether a network reads the data's features and gives the outputs its classes need. */
export function fitsData(spec: NetworkSpec, shape: DataShape): boolean {
  return misfitOf(spec, shape) === null;
}

/** What keeps a network from the data's shape, as the engine's check says it ("the network takes 64 inputs but iris has 4 features"); null when it fits. */
export function misfitOf(spec: NetworkSpec, shape: DataShape): string | null {
  if (spec.input !== shape.inputs) return `the network takes ${spec.input} inputs but ${shape.name} has ${shape.inputs} features`;
  const outputs = outputsFor(shape);
  const given = outputWidth(spec);
  if (given === outputs) return null;
  if (given === undefined) return `the network's layers do not fit together, so its output width is unknown`;
  return `${shape.name} needs ${outputs === 1 ? '1 output (the probability of the positive class)' : `${outputs} outputs (one per class)`} but the network gives ${given}`;
}

/** input → Linear 32 → ReLU → Linear K → Softmax (or → Linear 1 → Sigmoid for two classes). */
export function defaultNetworkFor(shape: DataShape): NetworkOption {
  const outputs = outputsFor(shape);
  const head = outputs === 1 ? 'sigmoid' : 'softmax';
  const name = `${shape.inputs}-32-ReLU-${outputs}-${outputs === 1 ? 'Sigmoid' : 'Softmax'}`;
  return {
    value: DATA_DEFAULT_CHOICE,
    label: `For ${shape.name}: ${name}`,
    name,
    spec: { input: shape.inputs, layers: [{ type: 'linear', units: 32 }, { type: 'relu' }, { type: 'linear', units: outputs }, { type: head }] },
  };
}

/**
 * The menu: a network fitted to the data when no preset fits it, the four presets, and the builder's network.
 * Without a known shape (catalog not loaded, no CSV yet) there is no fitted default.
 */
export function networkOptions(shape: DataShape | null, draft: { name: string; spec: NetworkSpec }): NetworkOption[] {
  const presets = NETWORK_PRESETS.map((p) => ({ value: p.id, label: p.name, name: p.name, spec: p.spec }));
  const fitted = shape && !presets.some((p) => fitsData(p.spec, shape)) ? [defaultNetworkFor(shape)] : [];
  const builder = { value: BUILDER_CHOICE, label: `From the builder: ${draft.name}`, name: draft.name, spec: draft.spec };
  return [...fitted, ...presets, builder];
}

/** The option with this value, or the exercise's network when it is not offered (any more). */
export function networkOption(options: readonly NetworkOption[], value: string): NetworkOption {
  const preset = presetById(value);
  return options.find((o) => o.value === value) ?? { value: preset.id, label: preset.name, name: preset.name, spec: preset.spec };
}

/** The option to switch to when the data changes: the current one if it fits (or the shape is unknown), else the first that fits. */
export function fittingChoice(options: readonly NetworkOption[], current: string, shape: DataShape | null): string {
  if (!shape) return current;
  const chosen = options.find((o) => o.value === current);
  if (chosen && fitsData(chosen.spec, shape)) return current;
  return options.find((o) => fitsData(o.spec, shape))?.value ?? current;
}
