// Building a gradcheck.run request from the form (plain Node): layers, losses, the exercise's networks, and messages per field.
import { describe, expect, it } from 'vitest';
import { GradcheckRunSchema } from '../../../engine/protocol/gradcheck.js';
import {
  buildGradcheckRequest,
  DEFAULT_GRADCHECK_VALUES,
  gradcheckFieldOf,
  NETWORK_CHOICES,
  startInputShape,
  type GradcheckFormValues,
} from '../../../renderer/gradients/gradcheckSubject.js';
import { formatSpecText as networkShortForm } from '../../../engine/specText.js';

const form = (changes: Partial<GradcheckFormValues>): GradcheckFormValues => ({ ...DEFAULT_GRADCHECK_VALUES, ...changes });
/** The form's values with `layer`'s settings changed. */
const settings = (layer: string, values: Record<string, number | boolean | null>) => ({
  settings: { ...DEFAULT_GRADCHECK_VALUES.settings, [layer]: { ...DEFAULT_GRADCHECK_VALUES.settings[layer], ...values } },
});

function requestOf(values: GradcheckFormValues) {
  const build = buildGradcheckRequest(values);
  if (!build.ok) throw new Error(JSON.stringify(build.errors));
  return build.request;
}

describe('buildGradcheckRequest', () => {
  it("builds the exercise's linear layer check, which the protocol accepts", () => {
    const request = requestOf(form({ ...settings('linear', { units: 4 }), inputs: 5, rows: 3, variant: 'exercise-db' }));
    expect(request).toEqual({
      subject: { kind: 'layer', layer: { type: 'linear', units: 4 }, inputs: 5, rows: 3 },
      variant: 'exercise-db',
      seed: 1,
      epsilon: 1e-6,
    });
    expect(GradcheckRunSchema.safeParse({ type: 'gradcheck.run', requestId: 'r', ...request }).success).toBe(true);
  });

  it('gives leaky ReLU its alpha and dropout its rate, and other layers no options', () => {
    expect(requestOf(form({ layerType: 'leaky_relu', ...settings('leaky_relu', { alpha: 0.1 }) })).subject).toMatchObject({
      layer: { type: 'leaky_relu', alpha: 0.1 },
    });
    expect(requestOf(form({ layerType: 'dropout', ...settings('dropout', { rate: 0.25 }) })).subject).toMatchObject({ layer: { type: 'dropout', rate: 0.25 } });
    expect(requestOf(form({ layerType: 'tanh' })).subject).toMatchObject({ layer: { type: 'tanh' } });
  });

  it('gives a convolution bias: false when its Bias box is unticked, and no bias key when ticked or when a form kept from before has none', () => {
    const conv = (bias: boolean | null) => requestOf(form({ layerType: 'conv2d', ...settings('conv2d', { bias }) })).subject;
    expect(conv(false)).toMatchObject({ layer: { type: 'conv2d', filters: 8, kernel: 3, stride: 1, bias: false } });
    for (const bias of [true, null]) expect(conv(bias)).toMatchObject({ layer: { type: 'conv2d', filters: 8, kernel: 3, stride: 1 } });
    expect(conv(null)).not.toHaveProperty('layer.bias');
    expect(DEFAULT_GRADCHECK_VALUES.settings.conv2d!.bias).toBe(true);
  });

  it('builds a loss subject with its width', () => {
    expect(requestOf(form({ kind: 'loss', loss: 'cce', width: 3 })).subject).toEqual({ kind: 'loss', loss: 'cce', width: 3, rows: 3 });
  });

  it('builds a network subject as a NetworkSpec object from the preset, not from text', () => {
    const subject = requestOf(form({ kind: 'network', presetId: '64-32-relu-1-sigmoid' })).subject;
    expect(subject).toEqual({
      kind: 'network',
      rows: 3,
      spec: { input: 64, layers: [{ type: 'linear', units: 32 }, { type: 'relu' }, { type: 'linear', units: 1 }, { type: 'sigmoid' }] },
    });
    expect(subject.kind === 'network' && subject.spec).not.toBe(NETWORK_CHOICES[0]!.spec); // a copy: the request can't change the preset
  });

  it('says at the units field when units are not a whole number, and keeps every other value', () => {
    const values = form(settings('linear', { units: 2.5 }));
    const build = buildGradcheckRequest(values);
    expect(build).toEqual({ ok: false, errors: { units: 'The units must be a positive whole number' } });
    expect(values.settings.linear!.units).toBe(2.5);
  });

  it('names each empty or wrong field', () => {
    const build = buildGradcheckRequest(form({ inputs: null, rows: 0, seed: -1, epsilon: 0 }));
    expect(build.ok).toBe(false);
    if (build.ok) return;
    expect(build.errors).toEqual({
      inputs: 'Enter a number for the inputs',
      rows: 'The rows must be a positive whole number',
      seed: 'The seed must be a whole number from 0 to 2^32 − 1',
      epsilon: 'Epsilon must be a positive number',
    });
  });

  it('refuses categorical cross-entropy on a single value and a dropout rate of 1', () => {
    expect(buildGradcheckRequest(form({ kind: 'loss', loss: 'cce', width: 1 }))).toMatchObject({
      ok: false,
      errors: { width: expect.stringContaining('2 or more') },
    });
    expect(buildGradcheckRequest(form({ layerType: 'dropout', ...settings('dropout', { rate: 1 }) }))).toMatchObject({
      ok: false,
      errors: { rate: expect.stringContaining('below 1') },
    });
  });
});

describe('the input shape of a layer or network that reads an image', () => {
  it('starts a layer on two channels of a square its window fits three times along each side', () => {
    expect(startInputShape('conv2d', { kernel: 3, stride: 1 })).toEqual([2, 6, 6]);
    expect(startInputShape('conv2d', { kernel: 5, stride: 2 })).toEqual([2, 9, 9]);
    expect(startInputShape('maxpool2d', { size: 2 })).toEqual([2, 6, 6]);
    expect(startInputShape('avgpool2d', { size: 3, stride: 3 })).toEqual([2, 9, 9]);
    expect(startInputShape('flatten')).toEqual([2, 6, 6]);
  });

  it('sends the typed shape and its size as the inputs, and no inputs field for a layer that reads an image', () => {
    const subject = requestOf(form({ layerType: 'avgpool2d', layerShapes: { avgpool2d: '3 x 4×4' }, inputs: null })).subject;
    expect(subject).toEqual({ kind: 'layer', layer: { type: 'avgpool2d', size: 2, stride: 2 }, inputs: 48, inputShape: [3, 4, 4], rows: 3 });
  });

  it('says at the field how to write a shape, and refuses one of more inputs than a check takes', () => {
    expect(buildGradcheckRequest(form({ layerType: 'conv2d', layerShapes: { conv2d: '2x6' } }))).toEqual({
      ok: false,
      errors: { inputShape: 'Write channels×height×width as CxHxW, e.g. 2x6x6, not "2x6"' },
    });
    expect(buildGradcheckRequest(form({ layerType: 'flatten', layerShapes: { flatten: '8x32x32' } }))).toEqual({
      ok: false,
      errors: { inputShape: '8×32×32 is 8192 inputs per row; at most 4096' },
    });
  });

  it('says at the field when a pool is larger than the input, and leaves a stride of 0 to the stride field', () => {
    expect(buildGradcheckRequest(form({ layerType: 'maxpool2d', ...settings('maxpool2d', { size: 4 }), layerShapes: { maxpool2d: '1x3x3' } }))).toEqual({
      ok: false,
      errors: { inputShape: 'The maxpool2d layer has a 4×4 window but the input gives 1×3×3: the window does not fit; use a smaller window' },
    });
    expect(buildGradcheckRequest(form({ layerType: 'conv2d', ...settings('conv2d', { stride: 0 }) }))).toEqual({
      ok: false,
      errors: { stride: 'The stride must be a positive whole number' },
    });
  });

  it('gives the digits convnet the typed shape as its input shape and width', () => {
    const subject = requestOf(form({ kind: 'network', presetId: 'digits-convnet', networkShapes: { 'digits-convnet': '1x10x10' } })).subject;
    expect(subject).toMatchObject({ kind: 'network', spec: { input: 100, inputShape: [1, 10, 10] } });
  });
});

describe('NETWORK_CHOICES', () => {
  it("names the exercise's networks in the short form with their input width", () => {
    expect(NETWORK_CHOICES.map((c) => c.label)).toContain('linear:32,relu,linear:1,sigmoid (input 64)');
    expect(NETWORK_CHOICES.map((c) => c.label)).toContain('conv2d:8:3:1:same,relu,maxpool2d:2,flatten,linear:10,softmax (input 1×8×8)');
    expect(
      networkShortForm({
        input: 2,
        layers: [
          { type: 'leaky_relu', alpha: 0.2 },
          { type: 'dropout', rate: 0.5 },
        ],
      }),
    ).toBe('leaky_relu:0.2,dropout:0.5');
  });
});

describe('gradcheckFieldOf', () => {
  it("routes the engine's field paths to the form's fields", () => {
    expect(gradcheckFieldOf('variant')).toBe('variant');
    expect(gradcheckFieldOf('subject.width')).toBe('width');
    expect(gradcheckFieldOf('subject.layer.units')).toBe('units');
    expect(gradcheckFieldOf('subject.layer')).toBe('layerType');
    expect(gradcheckFieldOf('subject.spec.layers.2')).toBe('presetId');
    expect(gradcheckFieldOf('subject.loss')).toBe('loss');
    expect(gradcheckFieldOf('subject.inputShape')).toBe('inputShape');
    expect(gradcheckFieldOf('subject.spec.inputShape')).toBe('inputShape');
    expect(gradcheckFieldOf('somewhere')).toBeUndefined();
  });
});
