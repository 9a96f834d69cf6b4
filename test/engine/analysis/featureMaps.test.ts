// featureMaps.run and featureMaps.explain through the engine service: a conv net the engine trained on the 8×8 digits, its maps and one value's explanation checked against a convolution written out here.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ErrorEvent } from '../../../engine/protocol/errors.js';
import type { FeatureMapsExplained, FeatureMapsReport } from '../../../engine/protocol/featureMaps.js';
import type { EngineEvent, EngineRequest } from '../../../engine/protocol/index.js';
import type { TrainFinished } from '../../../engine/protocol/training.js';
import type { NetworkSpec } from '../../../engine/spec.js';
import type { TrainedWeights } from '../../../engine/trainedWeights.js';
import { createInProcessEngine } from '../../../engine/worker/inProcessEntry.js';
import { createEventLog, isFinished } from '../support/eventLog.js';
import { loadData } from './trainedDigits.js';

const data = { dataSet: 'digits' as const, trainFraction: 0.5, seed: 3 };
/** Two convolutions: the first padded (same), the second reading the pooled maps with stride 2 and no padding. */
const spec: NetworkSpec = {
  input: 64,
  inputShape: [1, 8, 8],
  layers: [
    { type: 'conv2d', filters: 4, kernel: 3, padding: 'same' },
    { type: 'relu' },
    { type: 'maxpool2d', size: 2 },
    { type: 'conv2d', filters: 3, kernel: 2, stride: 2 },
    { type: 'tanh' },
    { type: 'flatten' },
    { type: 'linear', units: 10 },
    { type: 'softmax' },
  ],
};

type Image = { channels: number; height: number; width: number; values: Float64Array };

/** A convolution written out loop by loop, apart from the engine's im2col: W filters×C×k×k, zeros around as TensorFlow's same rule pads. */
function convolve(input: Image, W: Float64Array, b: Float64Array, filters: number, k: number, stride: number, same: boolean): Image {
  const { channels, height, width } = input;
  const axis = (size: number) => {
    if (!same) return { out: Math.floor((size - k) / stride) + 1, before: 0 };
    const out = Math.ceil(size / stride);
    return { out, before: Math.floor(Math.max((out - 1) * stride + k - size, 0) / 2) };
  };
  const rows = axis(height);
  const columns = axis(width);
  const values = new Float64Array(filters * rows.out * columns.out);
  for (let f = 0; f < filters; f++)
    for (let r = 0; r < rows.out; r++)
      for (let c = 0; c < columns.out; c++) {
        let sum = b[f]!;
        for (let ch = 0; ch < channels; ch++)
          for (let i = 0; i < k; i++)
            for (let j = 0; j < k; j++) {
              const y = r * stride + i - rows.before;
              const x = c * stride + j - columns.before;
              if (y >= 0 && y < height && x >= 0 && x < width) sum += input.values[(ch * height + y) * width + x]! * W[((f * channels + ch) * k + i) * k + j]!;
            }
        values[(f * rows.out + r) * columns.out + c] = sum;
      }
  return { channels: filters, height: rows.out, width: columns.out, values };
}

function maxPool(input: Image, size: number): Image {
  const height = Math.floor(input.height / size);
  const width = Math.floor(input.width / size);
  const values = new Float64Array(input.channels * height * width);
  for (let ch = 0; ch < input.channels; ch++)
    for (let r = 0; r < height; r++)
      for (let c = 0; c < width; c++) {
        let best = -Infinity;
        for (let i = 0; i < size; i++)
          for (let j = 0; j < size; j++) best = Math.max(best, input.values[(ch * input.height + r * size + i) * input.width + c * size + j]!);
        values[(ch * height + r) * width + c] = best;
      }
  return { channels: input.channels, height, width, values };
}

const map = (image: Image, f: (x: number) => number): Image => ({ ...image, values: image.values.map(f) });
const tensor = (weights: TrainedWeights, layer: number, name: string) => weights.parameters.find((t) => t.layer === layer && t.name === name)!.values;

function expectClose(actual: Float64Array, expected: Float64Array, tolerance = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  const worst = actual.reduce((most, value, i) => Math.max(most, Math.abs(value - expected[i]!)), 0);
  expect(worst).toBeLessThan(tolerance);
}

async function ask<T extends EngineEvent>(request: Record<string, unknown>, type: T['type']): Promise<T | ErrorEvent> {
  const log = createEventLog();
  const engine = createInProcessEngine((event) => log.push(event));
  engine.receive(request as EngineRequest);
  const answer = await log.next((event: EngineEvent): event is T | ErrorEvent => event.type === type || event.type === 'error');
  engine.dispose();
  return answer;
}

describe('feature maps of a trained conv net', () => {
  let weights: TrainedWeights;
  let sample: Float64Array;
  /** The sample through the network as written out here. */
  let conv1: Image, pooled: Image, conv2: Image;
  const sampleIndex = 5;

  beforeAll(async () => {
    const log = createEventLog();
    const engine = createInProcessEngine((event) => log.push(event));
    engine.receive({
      type: 'train.start',
      runId: 'conv',
      spec,
      dataSet: 'digits',
      hyper: { epochs: 2, learningRate: 0.01, batchSize: 10, reduction: 'sum', trainFraction: data.trainFraction, seed: data.seed },
    });
    const finished: TrainFinished = await log.next(isFinished('conv'));
    engine.dispose();
    weights = finished.weights;
    const prepared = await loadData('digits', data);
    sample = prepared.test.features.slice(sampleIndex * 64, (sampleIndex + 1) * 64);
    conv1 = convolve({ channels: 1, height: 8, width: 8, values: sample }, tensor(weights, 0, 'W'), tensor(weights, 0, 'b'), 4, 3, 1, true);
    pooled = maxPool(
      map(conv1, (x) => Math.max(0, x)),
      2,
    );
    conv2 = convolve(pooled, tensor(weights, 3, 'W'), tensor(weights, 3, 'b'), 3, 2, 2, false);
  });

  it('gives every convolution’s maps before and after its activation, equal to a convolution computed independently', async () => {
    const report = await ask<FeatureMapsReport>({ type: 'featureMaps.run', requestId: 'f1', weights, data, sampleIndex }, 'featureMaps.report');
    if (report.type === 'error') throw new Error(report.message);
    expect(report.image.shape).toEqual([1, 8, 8]);
    expect(Array.from(report.image.values)).toEqual(Array.from(sample));
    expect(report.layers.map((l) => [l.index, l.inputShape, l.shape, l.kernel, l.stride, l.padding, l.activation?.type])).toEqual([
      [0, [1, 8, 8], [4, 8, 8], 3, 1, 'same', 'relu'],
      [3, [4, 4, 4], [3, 2, 2], 2, 2, 'valid', 'tanh'],
    ]);
    expectClose(report.layers[0]!.before, conv1.values);
    expectClose(
      report.layers[0]!.activation!.values,
      conv1.values.map((x) => Math.max(0, x)),
    );
    expectClose(report.layers[1]!.before, conv2.values);
    expectClose(report.layers[1]!.activation!.values, conv2.values.map(Math.tanh));
    expect(report.layers.map((l) => l.bias)).toEqual([true, true]);
    expect(report.filters).toMatchObject({ layer: 0, shape: [4, 1, 3, 3] });
    expect(Array.from(report.filters!.values)).toEqual(Array.from(tensor(weights, 0, 'W')));
    expect(report.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    // Two samples of each class, each with its pixels and a class the network predicts.
    expect(report.gallery).toHaveLength(20);
    for (const label of report.classes.keys()) expect(report.gallery.filter((g) => g.truth === label)).toHaveLength(2);
    expect(report.gallery.every((g) => g.values.length === 64 && g.predicted >= 0 && g.predicted < 10)).toBe(true);
  });

  it('explains a value at a padded corner: the window with its zeros, the kernel, the dot product, the bias and the ReLU, as the forward pass gives them', async () => {
    const cell = { layer: 0, filter: 2, row: 0, column: 0 };
    const answer = await ask<FeatureMapsExplained>(
      { type: 'featureMaps.explain', requestId: 'e1', weights, data, sampleIndex, ...cell },
      'featureMaps.explained',
    );
    if (answer.type === 'error') throw new Error(answer.message);
    expect(answer).toMatchObject({ ...cell, source: -1, inputShape: [1, 8, 8], kernel: 3, stride: 1, top: -1, left: -1 });
    const expectedWindow = new Float64Array(9);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expectedWindow[i * 3 + j] = i === 0 || j === 0 ? 0 : sample[(i - 1) * 8 + (j - 1)]!;
    expect(Array.from(answer.window)).toEqual(Array.from(expectedWindow));
    const W = tensor(weights, 0, 'W');
    expect(Array.from(answer.weights)).toEqual(Array.from(W.slice(2 * 9, 3 * 9)));
    const dot = expectedWindow.reduce((sum, x, i) => sum + x * W[18 + i]!, 0);
    expect(answer.dot).toBeCloseTo(dot, 12);
    expect(answer.bias).toBe(tensor(weights, 0, 'b')[2]);
    expect(answer.sum).toBeCloseTo(answer.dot + answer.bias!, 14);
    const expected = conv1.values[2 * 64]!;
    expect(Math.abs(answer.value - expected)).toBeLessThan(1e-12);
    expect(Math.abs(answer.sum - answer.value)).toBeLessThan(1e-12);
    expect(answer.activation).toEqual({ index: 1, type: 'relu', value: Math.max(0, answer.value) });

    // The value shown in the maps is the very value the explanation ends with.
    const report = await ask<FeatureMapsReport>({ type: 'featureMaps.run', requestId: 'f2', weights, data, sampleIndex }, 'featureMaps.report');
    if (report.type === 'error') throw new Error(report.message);
    expect(report.layers[0]!.before[2 * 64]).toBe(answer.value);
    expect(report.layers[0]!.activation!.values[2 * 64]).toBe(answer.activation!.value);
  });

  it('explains a value of the second convolution from every channel of the pooled maps it read', async () => {
    const cell = { layer: 3, filter: 1, row: 1, column: 0 };
    const answer = await ask<FeatureMapsExplained>(
      { type: 'featureMaps.explain', requestId: 'e2', weights, data, sampleIndex, ...cell },
      'featureMaps.explained',
    );
    if (answer.type === 'error') throw new Error(answer.message);
    expect(answer).toMatchObject({ source: 2, inputShape: [4, 4, 4], kernel: 2, stride: 2, top: 2, left: 0 });
    const expectedWindow = new Float64Array(16);
    for (let ch = 0; ch < 4; ch++)
      for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expectedWindow[(ch * 2 + i) * 2 + j] = pooled.values[(ch * 4 + 2 + i) * 4 + j]!;
    expectClose(answer.window, expectedWindow);
    expect(answer.channelSums).toHaveLength(4);
    expect(answer.dot).toBeCloseTo(
      answer.channelSums.reduce((a, b) => a + b, 0),
      14,
    );
    const expected = conv2.values[(1 * 2 + 1) * 2 + 0]!;
    expect(Math.abs(answer.value - expected)).toBeLessThan(1e-12);
    expect(Math.abs(answer.sum - expected)).toBeLessThan(1e-12);
    expect(answer.activation!.type).toBe('tanh');
    expect(answer.activation!.value).toBeCloseTo(Math.tanh(expected), 12);
  });

  it('answers by the run’s id alone while the engine keeps the run, and with code unknown-run once it does not', async () => {
    const log = createEventLog();
    const engine = createInProcessEngine((event) => log.push(event));
    engine.receive({ type: 'featureMaps.run', requestId: 'k1', runId: 'kept', weights, data, sampleIndex } as EngineRequest);
    const first = await log.next((event: EngineEvent): event is FeatureMapsReport | ErrorEvent => 'requestId' in event && event.requestId === 'k1');
    engine.receive({ type: 'featureMaps.explain', requestId: 'k2', runId: 'kept', data, sampleIndex, layer: 0, filter: 0, row: 3, column: 3 } as EngineRequest);
    const second = await log.next((event: EngineEvent): event is FeatureMapsExplained | ErrorEvent => 'requestId' in event && event.requestId === 'k2');
    engine.receive({ type: 'featureMaps.run', requestId: 'k3', runId: 'gone', data, sampleIndex } as EngineRequest);
    const third = await log.next((event: EngineEvent): event is ErrorEvent => event.type === 'error' && event.requestId === 'k3');
    engine.dispose();
    expect(first.type).toBe('featureMaps.report');
    expect(second.type === 'featureMaps.explained' && second.value).toBe(first.type === 'featureMaps.report' && first.layers[0]!.before[3 * 8 + 3]);
    expect(third).toMatchObject({ code: 'unknown-run', field: 'runId' });
  });

  it('names the field at fault: a layer that is no convolution, a filter or row beyond the map, a network without convolutions', async () => {
    const explain = (cell: Record<string, number>) =>
      ask<FeatureMapsExplained>(
        { type: 'featureMaps.explain', requestId: 'e3', weights, data, sampleIndex, layer: 0, filter: 0, row: 0, column: 0, ...cell },
        'featureMaps.explained',
      );
    expect(await explain({ layer: 1 })).toMatchObject({
      type: 'error',
      field: 'layer',
      message: 'layer index 1 is not a convolution of the network (its convolutions: 0, 3)',
    });
    expect(await explain({ filter: 4 })).toMatchObject({
      type: 'error',
      field: 'filter',
      message: 'there is no filter 4: layer 1 (conv2d) gives 4×8×8 (filters 0 to 3)',
    });
    expect(await explain({ layer: 3, row: 2 })).toMatchObject({
      type: 'error',
      field: 'row',
      message: 'there is no row 2: layer 4 (conv2d) gives 3×2×2 (rows 0 to 1)',
    });
    expect(await explain({ sampleIndex: 5000 })).toMatchObject({ type: 'error', field: 'sampleIndex' });
    const dense: TrainedWeights = {
      spec: { input: 64, layers: [{ type: 'linear', units: 10 }, { type: 'softmax' }] },
      parameters: [
        { layer: 0, name: 'W', shape: [64, 10], values: new Float64Array(640) },
        { layer: 0, name: 'b', shape: [10], values: new Float64Array(10) },
      ],
    };
    expect(await ask({ type: 'featureMaps.run', requestId: 'f3', weights: dense, data, sampleIndex }, 'featureMaps.report')).toMatchObject({
      type: 'error',
      field: 'weights',
      message: 'the network has no convolution layer, so it has no feature maps',
    });
  });
});
