// Builds a gradcheck.run request from the gradient-check form's values, with a message per field at fault (renderer).
import type { GradcheckVariant } from '../../engine/gradcheck/gradcheckVariants.js';
import type { LossName } from '../../engine/losses/lossNames.js';
import { GradcheckRunSchema, type GradcheckRun, type GradcheckSubject } from '../../engine/protocol/gradcheck.js';
import type { LayerSpec, LayerType, NetworkSpec } from '../../engine/spec.js';
import { NETWORK_PRESETS } from '../models/networkPresets.js';

export type SubjectKind = GradcheckSubject['kind'];

/** What the form holds; number inputs are null while empty or not a number. */
export interface GradcheckFormValues {
  kind: SubjectKind;
  layerType: LayerType;
  units: number | null;
  alpha: number | null;
  rate: number | null;
  inputs: number | null;
  loss: LossName;
  width: number | null;
  presetId: string;
  rows: number | null;
  variant: GradcheckVariant;
  seed: number | null;
  epsilon: number | null;
}

export type GradcheckField = 'kind' | 'layerType' | 'units' | 'alpha' | 'rate' | 'inputs' | 'loss' | 'width' | 'presetId' | 'rows' | 'variant' | 'seed' | 'epsilon';
/** The fields chosen from a list (their values are strings). */
export type ChoiceField = 'kind' | 'layerType' | 'loss' | 'presetId' | 'variant';
export type GradcheckErrors = Partial<Record<GradcheckField, string>>;
export type GradcheckRequest = Omit<GradcheckRun, 'type' | 'requestId'>;
export type SubjectBuild = { ok: true; request: GradcheckRequest } | { ok: false; errors: GradcheckErrors };

/** A network preset for gradient checks, named in the short form the CLI reads. */
export interface NetworkChoice {
  id: string;
  label: string;
  spec: NetworkSpec;
}

/** A layer in the short form: linear:32, leaky_relu:0.1, dropout:0.5, relu. */
export function layerShortForm(layer: LayerSpec): string {
  switch (layer.type) {
    case 'linear': return `linear:${layer.units}`;
    case 'leaky_relu': return layer.alpha === undefined ? 'leaky_relu' : `leaky_relu:${layer.alpha}`;
    case 'dropout': return `dropout:${layer.rate}`;
    default: return layer.type;
  }
}

/** A network in the short form, e.g. "linear:32,relu,linear:1,sigmoid". */
export function networkShortForm(spec: NetworkSpec): string {
  return spec.layers.map(layerShortForm).join(',');
}

/** The exercise's four networks, named in the short form with their input width. */
export const NETWORK_CHOICES: readonly NetworkChoice[] = NETWORK_PRESETS.map((preset) => ({
  id: preset.id, spec: preset.spec, label: `${networkShortForm(preset.spec)} (input ${preset.spec.input})`,
}));

/** A small linear layer checked on 3 rows with the correct backward pass: the exercise's first check. */
export const DEFAULT_GRADCHECK_VALUES: GradcheckFormValues = {
  kind: 'layer', layerType: 'linear', units: 4, alpha: 0.01, rate: 0.5, inputs: 5, loss: 'bce', width: 4,
  presetId: NETWORK_CHOICES[0]!.id, rows: 3, variant: 'correct', seed: 1, epsilon: 1e-6,
};

const isMissing = (v: number | null): v is null => v === null || Number.isNaN(v);

function wholeNumber(value: number | null, noun: string, max: number, errors: GradcheckErrors, field: GradcheckField): number {
  if (isMissing(value)) errors[field] = `Enter a number for the ${noun}`;
  else if (!Number.isInteger(value) || value <= 0) errors[field] = `The ${noun} must be a positive whole number`;
  else if (value > max) errors[field] = `The ${noun} must be at most ${max}`;
  return value ?? 0;
}

function layerOf(values: GradcheckFormValues, errors: GradcheckErrors): LayerSpec {
  switch (values.layerType) {
    case 'linear': return { type: 'linear', units: wholeNumber(values.units, 'units', 4096, errors, 'units') };
    case 'leaky_relu': {
      const alpha = values.alpha;
      if (isMissing(alpha)) errors.alpha = 'Enter a number for alpha';
      else if (alpha < 0 || alpha > 1) errors.alpha = 'Alpha must be between 0 and 1';
      return { type: 'leaky_relu', alpha: alpha ?? 0 };
    }
    case 'dropout': {
      const rate = values.rate;
      if (isMissing(rate)) errors.rate = 'Enter a number for the dropout rate';
      else if (!(rate >= 0 && rate < 1)) errors.rate = 'The dropout rate must be 0 or more and below 1';
      return { type: 'dropout', rate: rate ?? 0 };
    }
    default: return { type: values.layerType } as LayerSpec;
  }
}

function subjectOf(values: GradcheckFormValues, errors: GradcheckErrors): GradcheckSubject {
  const rows = wholeNumber(values.rows, 'rows', 256, errors, 'rows');
  if (values.kind === 'layer') {
    const layer = layerOf(values, errors);
    return { kind: 'layer', layer, inputs: wholeNumber(values.inputs, 'inputs', 4096, errors, 'inputs'), rows };
  }
  if (values.kind === 'loss') {
    const width = wholeNumber(values.width, 'width', 4096, errors, 'width');
    if (values.loss === 'cce' && !errors.width && width < 2) errors.width = 'Categorical cross-entropy needs a width of 2 or more';
    return { kind: 'loss', loss: values.loss, width, rows };
  }
  const choice = NETWORK_CHOICES.find((c) => c.id === values.presetId);
  if (!choice) errors.presetId = 'Pick one of the networks';
  return { kind: 'network', spec: structuredClone(choice?.spec ?? NETWORK_CHOICES[0]!.spec), rows };
}

/** Checks the form's values and builds the request, or says per field what is wrong. */
export function buildGradcheckRequest(values: GradcheckFormValues): SubjectBuild {
  const errors: GradcheckErrors = {};
  const subject = subjectOf(values, errors);
  const seed = values.seed;
  if (isMissing(seed)) errors.seed = 'Enter a number for the seed';
  else if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) errors.seed = 'The seed must be a whole number from 0 to 2^32 − 1';
  const epsilon = values.epsilon;
  if (isMissing(epsilon)) errors.epsilon = 'Enter a number for epsilon';
  else if (!(epsilon > 0) || !Number.isFinite(epsilon)) errors.epsilon = 'Epsilon must be a positive number';
  if (Object.keys(errors).length) return { ok: false, errors };
  const request: GradcheckRequest = { subject, variant: values.variant, seed: seed!, epsilon: epsilon! };
  const parsed = GradcheckRunSchema.safeParse({ type: 'gradcheck.run', requestId: 'form', ...request });
  if (parsed.success) return { ok: true, request };
  const issue = parsed.error.issues[0]!;
  const field = gradcheckFieldOf(issue.path.map(String).join('.')) ?? 'kind';
  return { ok: false, errors: { [field]: issue.message } };
}

/**
 * The form field an engine error names: "variant" → variant, "subject.layer.units" → units, "subject.width" → width,
 * "subject.spec.layers.2" → presetId, "subject.loss" → loss.
 */
export function gradcheckFieldOf(path: string): GradcheckField | undefined {
  const segments = path.split('.');
  const head = segments[0] === 'subject' ? segments[1] : segments[0];
  switch (head) {
    case 'variant': case 'seed': case 'epsilon': case 'rows': case 'inputs': case 'width': case 'loss': return head;
    case 'spec': return 'presetId';
    case 'layer': {
      const leaf = segments.at(-1);
      return leaf === 'units' || leaf === 'alpha' || leaf === 'rate' ? leaf : 'layerType';
    }
    default: return undefined;
  }
}
