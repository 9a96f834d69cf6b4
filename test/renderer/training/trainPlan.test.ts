// From the Training form to train.start (plain Node): data sources, networks fitted to the data, hyperparameters, the recorded path.
import { describe, expect, it } from 'vitest';
import { TrainStartSchema } from '../../../engine/protocol/training.js';
import { EXERCISE_HYPERPARAMETERS } from '../../../engine/training/hyperparameters.js';
import { handleDescribe } from '../../../engine/worker/describeHandler.js';
import { previewCsv } from '../../../renderer/training/csvPreview.js';
import { dataShapeOf, dataSourceOf, type DataInput } from '../../../renderer/training/dataChoice.js';
import { type HyperparameterInput } from '../../../renderer/training/hyperparameterFields.js';
import {
  BUILDER_CHOICE,
  DATA_DEFAULT_CHOICE,
  defaultNetworkFor,
  fitsData,
  fittingChoice,
  networkOption,
  networkOptions,
} from '../../../renderer/training/networkChoice.js';
import { presetById } from '../../../renderer/models/networkPresets.js';
import { MAX_PATH_VALUES } from '../../../engine/limits.js';
import { buildTrainPlan, shouldRecordPath } from '../../../renderer/training/trainPlan.js';

const catalog = (await handleDescribe({ requestId: 'test' })).dataSets;
const { epochs, learningRate, batchSize, seed, reduction } = EXERCISE_HYPERPARAMETERS;
const hyper: HyperparameterInput = { epochs, learningRate, batchSize, seed, reduction };
const data = (choice: string, rest: Partial<DataInput> = {}): DataInput => ({ choice, toySize: 200, toyNoise: 0.1, csv: null, labelColumn: null, ...rest });
const exercise = presetById('64-32-relu-1-sigmoid');
const exerciseOption = { value: exercise.id, label: exercise.name, name: exercise.name, spec: exercise.spec };
const draft = { name: 'Built network', spec: { input: 2, layers: [{ type: 'linear' as const, units: 1 }, { type: 'sigmoid' as const }] } };
const CSV = 'a,b,kind\n1,2,x\n3,4,y\n5,6,z\n7,8,x\n';

describe('data sources', () => {
  it('sends a shipped data set by name, a toy set with its size and noise, a CSV file with its label column', () => {
    expect(dataSourceOf(data('iris'))).toMatchObject({ ok: true, source: 'iris' });
    expect(dataSourceOf(data('toy:moons', { toySize: 300, toyNoise: 0.2 }))).toMatchObject({
      ok: true,
      source: { kind: 'toy', name: 'moons', size: 300, noise: 0.2 },
    });
    const csv = dataSourceOf(data('csv', { csv: { fileName: 'mine.csv', text: CSV }, labelColumn: 'kind' }));
    expect(csv).toMatchObject({ ok: true, source: { kind: 'csv', fileName: 'mine.csv', text: CSV, labelColumn: 'kind' } });
  });

  it('puts messages at the toy fields and asks for a file before a CSV can be sent', () => {
    expect(dataSourceOf(data('toy:xor', { toySize: 2, toyNoise: null })).errors).toEqual({
      toySize: 'A toy data set needs at least 4 points',
      toyNoise: 'Enter a number for the noise',
    });
    expect(dataSourceOf(data('csv')).errors).toEqual({ csvFile: 'Choose a CSV file' });
  });

  it('sends image files as a folder path or as the files picked, and says which files to pick again after a project kept only their name', () => {
    const images = (rest: Partial<NonNullable<DataInput['images']>>) =>
      data('images:folder', { images: { folder: null, trainSize: 100, testSize: null, ...rest } });
    expect(dataSourceOf(images({ folder: ' /data/mnist ' }))).toMatchObject({ ok: true, source: { kind: 'images', folder: '/data/mnist', trainSize: 100 } });
    const picked = { name: 'mnist', digest: 'f'.repeat(64), files: [{ name: 't10k-labels-idx1-ubyte', bytes: new Uint8Array([0, 0, 8, 1]) }] };
    const sent = dataSourceOf(images({ picked }));
    expect(sent).toMatchObject({ ok: true, source: { kind: 'images', picked: { name: 'mnist', digest: 'f'.repeat(64) }, trainSize: 100 } });
    expect(sent.ok && typeof sent.source === 'object' && sent.source.kind === 'images' && sent.source.picked?.files?.[0]?.bytes).toBe(picked.files[0]!.bytes);
    expect(dataSourceOf(images({})).errors).toEqual({ imageFolder: 'Enter the folder that holds the image files' });
    expect(dataSourceOf(images({ pickedName: 'mnist' })).errors).toEqual({
      imageFolder: 'Choose the files of mnist again: a saved project keeps only their name',
    });
  });

  it("knows each data set's shape: the catalog's, 2D two-class toys, and a CSV's columns and classes", () => {
    expect(dataShapeOf(data('iris'), catalog, null)).toEqual({ name: 'iris', inputs: 4, classes: 3 });
    expect(dataShapeOf(data('toy:spiral'), catalog, null)).toEqual({ name: 'toy spiral', inputs: 2, classes: 2 });
    const preview = previewCsv(CSV);
    expect(preview).toEqual({ header: ['a', 'b', 'kind'], rows: 4, labelColumn: 'kind', classes: 3 });
    expect(dataShapeOf(data('csv', { csv: { fileName: 'mine.csv', text: CSV } }), catalog, 'error' in preview ? null : preview)).toEqual({
      name: 'mine.csv',
      inputs: 2,
      classes: 3,
    });
    expect(previewCsv('a,b,kind\n1,2,x\n', 'a')).toMatchObject({ labelColumn: 'a', classes: 1 });
  });
});

describe('networks for the data', () => {
  it('offers a network fitted to iris (4 inputs, 3 softmax outputs) when no preset fits', () => {
    const iris = dataShapeOf(data('iris'), catalog, null)!;
    const options = networkOptions(iris, draft);
    expect(options[0]!.value).toBe(DATA_DEFAULT_CHOICE);
    expect(options[0]!.label).toBe('For iris: 4-32-ReLU-3-Softmax');
    expect(options[0]!.spec).toEqual({
      input: 4,
      layers: [{ type: 'linear', units: 32 }, { type: 'relu' }, { type: 'linear', units: 3 }, { type: 'softmax' }],
    });
    expect(options.at(-1)).toMatchObject({ value: BUILDER_CHOICE, label: 'From the builder: Built network' });
    expect(fittingChoice(options, exercise.id, iris)).toBe(DATA_DEFAULT_CHOICE);
  });

  it("keeps the exercise's presets for the binary digits and a sigmoid head for two-class data", () => {
    const digits = dataShapeOf(data('digits-binary'), catalog, null)!;
    expect(networkOptions(digits, draft).some((o) => o.value === DATA_DEFAULT_CHOICE)).toBe(false);
    expect(fittingChoice(networkOptions(digits, draft), exercise.id, digits)).toBe(exercise.id);
    const cancer = dataShapeOf(data('breast-cancer'), catalog, null)!;
    expect(defaultNetworkFor(cancer).spec.layers.at(-1)).toEqual({ type: 'sigmoid' });
    expect(fitsData(defaultNetworkFor(cancer).spec, cancer)).toBe(true);
  });

  it("switches to the builder's network when it is the one that fits", () => {
    const toy = dataShapeOf(data('toy:xor'), catalog, null)!;
    const options = networkOptions(toy, draft);
    expect(fittingChoice(options, exercise.id, toy)).toBe(DATA_DEFAULT_CHOICE);
    expect(fittingChoice(options, BUILDER_CHOICE, toy)).toBe(BUILDER_CHOICE);
    expect(networkOption(options, 'gone').value).toBe(exercise.id);
  });
});

describe('buildTrainPlan', () => {
  it('builds a train.start the protocol accepts, with a label and the path recorded for a small run', () => {
    const result = buildTrainPlan(data('digits-binary'), exerciseOption, hyper, 0.5);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.recordPath).toBe(true);
    expect(result.plan.label).toBe('digits-binary · 64-32-ReLU-1-Sigmoid · SGD lr 0.01 · 25 epochs · seed 1');
    const request = { type: 'train.start', runId: 'r', spec: result.plan.spec, dataSet: result.plan.dataSet, hyper: result.plan.hyper, recordPath: true };
    expect(TrainStartSchema.safeParse(request).success).toBe(true);
  });

  it("gathers the data's and the hyperparameters' messages together", () => {
    const result = buildTrainPlan(data('csv'), exerciseOption, { ...hyper, learningRate: -1 }, null);
    expect(result.ok).toBe(false);
    expect(Object.keys(result.errors).sort()).toEqual(['csvFile', 'learningRate', 'trainFraction']);
  });

  it("records the parameter path only while parameters × (epochs + 1) stays within the engine's limit", () => {
    const parameters = 64 * 32 + 32 + 33; // 2,113
    const lastEpochs = Math.floor(MAX_PATH_VALUES / parameters) - 1;
    expect(shouldRecordPath(exercise.spec, lastEpochs)).toBe(true);
    expect(shouldRecordPath(exercise.spec, lastEpochs + 1)).toBe(false);
  });
});
