// Builds a gradcheck.run request from the gradient-check form's values, with a message per field at fault (renderer).
import type { GradcheckVariant } from '../../engine/gradcheck/gradcheckVariants.js';
import { capitalise, inRange, rangeMessage, type LayerSetting, type SettingValue } from '../../engine/layers/layerSetting.js';
import { findLayerDefinition, LAYER_DEFINITIONS } from '../../engine/layers/registry.js';
import type { LossName } from '../../engine/losses/lossNames.js';
import { GradcheckRunSchema, type GradcheckRun, type GradcheckSubject } from '../../engine/protocol/gradcheck.js';
import type { LayerSpec, LayerType, NetworkSpec } from '../../engine/spec.js';
import { formatSpecText } from '../../engine/specText.js';
import { formatShape, imageShapeText, parseImageShape, shapeSize, type Shape } from '../../engine/layers/shape.js';
import { layerInputIssue } from '../../engine/gradcheck/layerInputIssue.js';
import { describeLayers } from '../../engine/network/describeLayers.js';
import { MAX_GRADCHECK_ROWS, MAX_GRADCHECK_WIDTH } from '../../engine/limits.js';
import { EXERCISE_PRESETS, presetById } from '../models/networkPresets.js';

export type SubjectKind = GradcheckSubject['kind'];

/** A layer type's settings in the form, by the setting's name. */
export type LayerSettingValues = Record<string, SettingValue>;

/** What the form holds; number inputs are null while empty or not a number. */
export interface GradcheckFormValues {
  kind: SubjectKind;
  layerType: LayerType;
  /** The settings of every layer type, so each keeps what was typed for it while another is chosen. */
  settings: Record<string, LayerSettingValues>;
  inputs: number | null;
  /**
   * The input shape typed for each layer type that reads an image, and for each network that starts with a convolution
   * (by preset id), as "CxHxW"; a layer or network not in it is checked on the shape it starts with (see inputShapeText).
   */
  layerShapes: Record<string, string>;
  networkShapes: Record<string, string>;
  loss: LossName;
  width: number | null;
  presetId: string;
  rows: number | null;
  variant: GradcheckVariant;
  seed: number | null;
  epsilon: number | null;
}

/** A field of the form: one of its own, or a layer setting's name ("units", "alpha"). */
export type GradcheckField =
  'kind' | 'layerType' | 'inputs' | 'inputShape' | 'loss' | 'width' | 'presetId' | 'rows' | 'variant' | 'seed' | 'epsilon' | (string & {});
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

/** The settings a layer's check offers: those of its short form (a Linear layer's declared inputs are the form's "inputs"). */
export function checkedSettings(type: LayerType): readonly LayerSetting[] {
  return findLayerDefinition(type)!.settings.filter((setting) => setting.positional);
}

/** The value a setting starts with in the form: never empty, so a first check runs. */
function startValue(setting: LayerSetting): SettingValue {
  if (setting.kind === 'choice' || setting.kind === 'flag') return setting.default;
  if (setting.kind === 'text') return setting.optional ? '' : setting.example;
  return setting.initial ?? setting.default ?? setting.example;
}

/** Every layer type's settings at their start values; the exercise's check is of 4 units, its dropout check at a rate of 0.5. */
function startSettings(): Record<string, LayerSettingValues> {
  const settings = Object.fromEntries(
    LAYER_DEFINITIONS.map((definition) => [
      definition.type,
      Object.fromEntries(checkedSettings(definition.type).map((setting) => [setting.name, startValue(setting)])),
    ]),
  );
  settings.linear!.units = 4;
  settings.dropout!.rate = 0.5;
  return settings;
}

/** The image preset small enough to check entry by entry in a moment: the digits convnet (about 1,400 parameters). */
const CHECKED_IMAGE_PRESET = 'digits-convnet';

/** The exercise's four networks and the digits convnet, named in the short form with their input (its width, or C×H×W). */
export const NETWORK_CHOICES: readonly NetworkChoice[] = [...EXERCISE_PRESETS, presetById(CHECKED_IMAGE_PRESET)].map((preset) => ({
  id: preset.id,
  spec: preset.spec,
  label: `${formatSpecText(preset.spec)} (input ${formatShape(preset.spec.inputShape ?? [preset.spec.input])})`,
}));

/** Whether a layer type is checked on an image input: one that slides windows over C×H×W, and flatten, which exists to read one. */
export function checksImage(type: LayerType): boolean {
  return type === 'flatten' || findLayerDefinition(type)!.takes === 'image';
}

/** Whether a network choice takes an image: its first layer is a convolution (or another layer that reads C×H×W). */
export function networkTakesImage(presetId: string): boolean {
  const first = NETWORK_CHOICES.find((choice) => choice.id === presetId)?.spec.layers[0];
  return first !== undefined && checksImage(first.type);
}

const positive = (value: SettingValue | undefined, fallback: number): number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;

/**
 * The shape a layer is first checked on: two channels (so a convolution mixes them) of a square that its window fits
 * at least three times along each side — 2×6×6 for a 3×3 kernel or a 2×2 pool, as the CLI's example checks.
 */
export function startInputShape(type: LayerType, settings: LayerSettingValues = {}): Shape {
  const window = positive(settings.kernel ?? settings.size, 2);
  const stride = positive(settings.stride, type === 'conv2d' ? 1 : window);
  return [2, Math.max(6, window + 2 * stride), Math.max(6, window + 2 * stride)];
}

/** The input-shape field's text: what was typed, else the shape the layer (or the network's preset) starts with. */
export function inputShapeText(values: GradcheckFormValues): string {
  if (values.kind === 'network') {
    const typed = values.networkShapes[values.presetId];
    if (typeof typed === 'string') return typed;
    const spec = NETWORK_CHOICES.find((choice) => choice.id === values.presetId)?.spec;
    return spec?.inputShape ? imageShapeText(spec.inputShape) : '';
  }
  const typed = values.layerShapes[values.layerType];
  return typeof typed === 'string' ? typed : imageShapeText(startInputShape(values.layerType, values.settings[values.layerType]));
}

/** Whether the form shows the input-shape field for what it checks now. */
export function showsInputShape(values: GradcheckFormValues): boolean {
  if (values.kind === 'layer') return checksImage(values.layerType);
  return values.kind === 'network' && networkTakesImage(values.presetId);
}

/** A small linear layer checked on 3 rows with the correct backward pass: the exercise's first check. */
export const DEFAULT_GRADCHECK_VALUES: GradcheckFormValues = {
  kind: 'layer',
  layerType: 'linear',
  settings: startSettings(),
  inputs: 5,
  layerShapes: {},
  networkShapes: {},
  loss: 'bce',
  width: 4,
  presetId: NETWORK_CHOICES[0]!.id,
  rows: 3,
  variant: 'correct',
  seed: 1,
  epsilon: 1e-6,
};

const isMissing = (v: number | null): v is null => v === null || Number.isNaN(v);

function wholeNumber(value: number | null, noun: string, max: number, errors: GradcheckErrors, field: GradcheckField): number {
  if (isMissing(value)) errors[field] = `Enter a number for the ${noun}`;
  else if (!Number.isInteger(value) || value <= 0) errors[field] = `The ${noun} must be a positive whole number`;
  else if (value > max) errors[field] = `The ${noun} must be at most ${max}`;
  return value ?? 0;
}

/** The typed input shape read, with its message at the input-shape field when it cannot be, or holds too many values. */
function inputShapeOf(values: GradcheckFormValues, errors: GradcheckErrors): Shape | undefined {
  const reading = parseImageShape(inputShapeText(values));
  if (!reading.ok) {
    errors.inputShape = capitalise(reading.message);
    return undefined;
  }
  const size = shapeSize(reading.shape);
  if (size > MAX_GRADCHECK_WIDTH) {
    errors.inputShape = `${formatShape(reading.shape)} is ${size} inputs per row; at most ${MAX_GRADCHECK_WIDTH}`;
    return undefined;
  }
  return reading.shape;
}

function layerOf(values: GradcheckFormValues, errors: GradcheckErrors): LayerSpec {
  const layer: Record<string, SettingValue> = { type: values.layerType };
  const typed = values.settings[values.layerType] ?? {};
  for (const setting of checkedSettings(values.layerType)) {
    const value = typed[setting.name] ?? null;
    if (setting.kind === 'flag') {
      if (typeof value === 'boolean' && value !== setting.default) layer[setting.name] = value;
    } else if (setting.kind === 'choice') {
      if (value !== setting.default) layer[setting.name] = value;
    } else if (setting.kind === 'text') {
      const text = typeof value === 'string' ? value.trim() : '';
      const issue = text === '' ? (setting.optional ? undefined : { message: `enter ${setting.noun}` }) : setting.check(text);
      if (issue) errors[setting.name] = capitalise(issue.message);
      else if (text !== '') layer[setting.name] = text;
    } else if (setting.kind === 'integer') {
      layer[setting.name] = wholeNumber(value as number | null, setting.name, 4096, errors, setting.name);
    } else if (isMissing(value as number | null)) {
      errors[setting.name] = `Enter a number for ${setting.noun}`;
    } else if (!inRange(setting, value as number)) {
      errors[setting.name] = capitalise(rangeMessage(setting));
    } else {
      layer[setting.name] = value;
    }
  }
  return layer as LayerSpec;
}

function subjectOf(values: GradcheckFormValues, errors: GradcheckErrors): GradcheckSubject {
  const rows = wholeNumber(values.rows, 'rows', MAX_GRADCHECK_ROWS, errors, 'rows');
  if (values.kind === 'layer') {
    const errorsBefore = Object.keys(errors).length;
    const layer = layerOf(values, errors);
    if (!checksImage(values.layerType))
      return { kind: 'layer', layer, inputs: wholeNumber(values.inputs, 'inputs', MAX_GRADCHECK_WIDTH, errors, 'inputs'), rows };
    const inputShape = inputShapeOf(values, errors);
    if (!inputShape) return { kind: 'layer', layer, inputs: 1, rows };
    const issue = Object.keys(errors).length === errorsBefore ? layerInputIssue(layer, inputShape) : undefined;
    if (issue) errors.inputShape = capitalise(issue);
    return { kind: 'layer', layer, inputs: shapeSize(inputShape), inputShape: [...inputShape], rows };
  }
  if (values.kind === 'loss') {
    const width = wholeNumber(values.width, 'width', MAX_GRADCHECK_WIDTH, errors, 'width');
    if (values.loss === 'cce' && !errors.width && width < 2) errors.width = 'Categorical cross-entropy needs a width of 2 or more';
    return { kind: 'loss', loss: values.loss, width, rows };
  }
  const choice = NETWORK_CHOICES.find((c) => c.id === values.presetId);
  if (!choice) errors.presetId = 'Pick one of the networks';
  const spec = structuredClone(choice?.spec ?? NETWORK_CHOICES[0]!.spec);
  if (!choice || !networkTakesImage(choice.id)) return { kind: 'network', spec, rows };
  const inputShape = inputShapeOf(values, errors);
  if (!inputShape) return { kind: 'network', spec, rows };
  const shaped = { ...spec, input: shapeSize(inputShape), inputShape: [...inputShape] };
  const issue = describeLayers(shaped).issues[0];
  if (issue) errors.inputShape = capitalise(issue.message);
  return { kind: 'network', spec: shaped, rows };
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
 * The form field an engine error names: "variant" → variant, "subject.layer.units" → units (any layer setting's name), "subject.width" → width,
 * "subject.spec.layers.2" → presetId, "subject.inputShape" and "subject.spec.inputShape" → inputShape, "subject.loss" → loss.
 */
export function gradcheckFieldOf(path: string): GradcheckField | undefined {
  const segments = path.split('.');
  const head = segments[0] === 'subject' ? segments[1] : segments[0];
  switch (head) {
    case 'variant':
    case 'seed':
    case 'epsilon':
    case 'rows':
    case 'inputs':
    case 'width':
    case 'loss':
      return head;
    case 'inputShape':
      return 'inputShape';
    case 'spec':
      return segments.includes('inputShape') ? 'inputShape' : 'presetId';
    case 'layer': {
      const leaf = segments.at(-1) ?? '';
      return LAYER_DEFINITIONS.some((definition) => definition.settings.some((setting) => setting.positional && setting.name === leaf)) ? leaf : 'layerType';
    }
    default:
      return undefined;
  }
}
