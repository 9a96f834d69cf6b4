// The project file: written and read back bit for bit, and every malformed file refused with a one-line message naming the place.
import { describe, expect, it } from 'vitest';
import { hasFiniteWeights, parseProjectFile, projectFileText, type Project, type ProjectRun } from '../../engine/projectFile.js';
import type { NetworkSpec, TrainedWeights } from '../../engine/spec.js';

const SPEC: NetworkSpec = { input: 64, layers: [{ type: 'linear', units: 32 }, { type: 'relu' }, { type: 'linear', units: 1 }, { type: 'sigmoid' }] };

/** Weights from a fixed sequence, with awkward doubles planted: −0, the smallest subnormal, a value with 17 significant digits. */
function makeWeights(spec: NetworkSpec): TrainedWeights {
  let state = 7;
  const next = () => { state = (state * 1103515245 + 12345) % 2 ** 31; return (state / 2 ** 31 - 0.5) * 0.3; };
  let width = spec.input;
  const layers: TrainedWeights['layers'] = [];
  spec.layers.forEach((layer, index) => {
    if (layer.type !== 'linear') return;
    layers.push({ index, inputs: width, units: layer.units, W: Float64Array.from({ length: width * layer.units }, next), b: Float64Array.from({ length: layer.units }, next) });
    width = layer.units;
  });
  layers[0]!.W[0] = -0;
  layers[0]!.W[1] = Number.MIN_VALUE;
  layers[0]!.W[2] = 0.1 + 0.2;
  layers[1]!.b[0] = -0;
  return { spec, layers };
}

function makeRun(overrides: Partial<ProjectRun> = {}): ProjectRun {
  return {
    label: 'digits-binary · 64-32-ReLU-1-Sigmoid · SGD lr 0.01 · 2 epochs · seed 1',
    spec: SPEC,
    dataSet: 'digits-binary',
    hyper: { epochs: 2, learningRate: 0.01, batchSize: 10, reduction: 'sum', trainFraction: 0.5, seed: 1 },
    reason: 'completed',
    message: 'trained 2 epochs',
    history: [
      { epoch: 1, trainLoss: 0.41, trainAccuracy: 0.86, testLoss: 0.3, testAccuracy: 0.9 },
      { epoch: 2, trainLoss: 0.2, trainAccuracy: 0.95, testLoss: 0.18, testAccuracy: 0.96 },
    ],
    settings: { seed: 1, loss: 'bce', optimizer: { kind: 'sgd' }, normalisation: 'global' },
    weights: makeWeights(SPEC),
    ...overrides,
  };
}

function makeProject(runs: ProjectRun[] = [makeRun()]): Project {
  return { format: 'backprop-lab-project', version: 1, savedAt: '2025-03-04T10:20:30.000Z', network: { name: 'Built network', spec: SPEC }, runs };
}

/** The project's JSON, edited by `edit`, as text. */
function edited(edit: (json: any) => void): string {
  const json = JSON.parse(projectFileText(makeProject()));
  edit(json);
  return JSON.stringify(json);
}

const refusal = (text: string) => {
  try {
    parseProjectFile(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
};

describe('projectFileText and parseProjectFile', () => {
  it('reads back every weight bit for bit, −0 and subnormals included', () => {
    const project = makeProject();
    const back = parseProjectFile(projectFileText(project));
    project.runs[0]!.weights.layers.forEach((layer, i) => {
      const read = back.runs[0]!.weights.layers[i]!;
      expect(read.W).toBeInstanceOf(Float64Array);
      expect(new Uint8Array(read.W.buffer)).toEqual(new Uint8Array(layer.W.buffer));
      expect(new Uint8Array(read.b.buffer)).toEqual(new Uint8Array(layer.b.buffer));
    });
    expect(Object.is(back.runs[0]!.weights.layers[0]!.W[0], -0)).toBe(true);
    expect(Object.is(back.runs[0]!.weights.layers[1]!.b[0], -0)).toBe(true);
  });

  it('reads back everything else as it was written', () => {
    const csvRun = makeRun({
      dataSet: { kind: 'csv', fileName: 'flowers.csv', text: 'a,b,"kind"\n1,2,x\n3,4,y\n', labelColumn: 'kind' },
      hyper: { epochs: 2, learningRate: 0.001, batchSize: 8, reduction: 'mean', trainFraction: 0.8, seed: 3, optimizer: { kind: 'adam', beta1: 0.9 }, weightDecay: 0.0001 },
      reason: 'stopped',
    });
    const toyRun = makeRun({ dataSet: { kind: 'toy', name: 'spiral', size: 300, noise: 0.1 } });
    const project = makeProject([makeRun(), csvRun, toyRun]);
    const back = parseProjectFile(projectFileText(project));
    expect(back).toEqual(project);
    expect(back.runs[1]!.dataSet).toEqual({ kind: 'csv', fileName: 'flowers.csv', text: 'a,b,"kind"\n1,2,x\n3,4,y\n', labelColumn: 'kind' });
  });

  it('writes plain JSON numbers and an empty history of runs', () => {
    const text = projectFileText(makeProject([]));
    expect(text.endsWith('\n')).toBe(true);
    expect(JSON.parse(text)).toMatchObject({ format: 'backprop-lab-project', version: 1, runs: [] });
    expect(parseProjectFile(text).runs).toEqual([]);
    expect(projectFileText(makeProject())).toMatch(/"W":\[-0,5e-324,0\.30000000000000004,/);
  });

  it('tells finite weights from weights a diverged run left', () => {
    expect(hasFiniteWeights(makeWeights(SPEC))).toBe(true);
    const diverged = makeWeights(SPEC);
    diverged.layers[1]!.W[0] = Number.NaN;
    expect(hasFiniteWeights(diverged)).toBe(false);
  });
});

describe('parseProjectFile refuses', () => {
  it('text that is not JSON', () => {
    expect(refusal('{"format": ')).toBe('not a Backprop Lab project (the file is not JSON)');
  });

  it('JSON that is not a project, such as a weights file', () => {
    expect(refusal('[1, 2]')).toBe('not a Backprop Lab project (its "format" is not backprop-lab-project)');
    expect(refusal('{"format":"backprop-lab-weights","version":1}')).toMatch(/^not a Backprop Lab project/);
  });

  it('a newer version, and a version that is not one', () => {
    expect(refusal(edited((j) => { j.version = 2; }))).toBe('version 2 is newer than this lab reads (it reads version 1); open it in a newer Backprop Lab');
    expect(refusal(edited((j) => { j.version = '1'; }))).toBe('version "1" is not a project version this lab reads (it reads version 1)');
    expect(refusal(edited((j) => { delete j.version; }))).toMatch(/^version null is not/);
  });

  it('a missing or bad member, naming it', () => {
    expect(refusal(edited((j) => { delete j.network; }))).toMatch(/^network: /);
    expect(refusal(edited((j) => { j.savedAt = 'yesterday'; }))).toBe('savedAt: must be a date and time (ISO 8601)');
    expect(refusal(edited((j) => { j.runs[0].hyper.learningRate = -1; }))).toBe('runs.0.hyper.learningRate: learning rate must be a positive number');
    expect(refusal(edited((j) => { j.runs[0].dataSet = 'mnist'; }))).toMatch(/^runs\.0\.dataSet: unknown data set "mnist"/);
    expect(refusal(edited((j) => { j.runs[0].extra = 1; }))).toMatch(/^runs\.0: .*extra/);
  });

  it('a weight that is null (a non-finite value) or not a number', () => {
    const text = projectFileText(makeProject()).replace('"W":[-0,', '"W":[null,');
    expect(refusal(text)).toBe('runs.0.weights.layers.0.W.0: not a finite number (a project keeps only finite weights; did the run diverge?)');
    expect(refusal(edited((j) => { j.runs[0].weights.layers[1].b[0] = 'x'; }))).toMatch(/^runs\.0\.weights\.layers\.1\.b\.0: not a finite number/);
  });

  it('weights of the wrong size or shape', () => {
    expect(refusal(edited((j) => { j.runs[0].weights.layers[0].W.pop(); }))).toBe('runs.0.weights.layers.0: W must hold 64×32 numbers, not 2047');
    expect(refusal(edited((j) => { j.runs[0].weights.layers[0].b.push(1); }))).toBe('runs.0.weights.layers.0: b must hold 32 numbers, not 33');
    expect(refusal(edited((j) => { j.runs[0].weights.layers[1].inputs = 31; }))).toBe('runs.0.weights.layers.1: the network needs 32×1 weights here, not 31×1');
    expect(refusal(edited((j) => { j.runs[0].weights.layers[1].index = 3; }))).toBe("runs.0.weights.layers.1: index must be 2 (layer 3 is the network's next linear layer)");
    expect(refusal(edited((j) => { j.runs[0].weights.layers.pop(); }))).toBe('runs.0.weights.layers: the network has 2 linear layers but 1 is saved');
  });

  it('weights of another network than the run', () => {
    expect(refusal(edited((j) => { j.runs[0].weights.spec.layers[1] = { type: 'tanh' }; })))
      .toBe("runs.0.weights.spec: differs from the run's network (runs.0.spec)");
  });
});
