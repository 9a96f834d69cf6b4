// The project file: written and read back bit for bit, and every malformed file refused with a one-line message naming the place.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseProjectFile, PROJECT_VERSION, projectFilePieces, projectFileText, type Project, type ProjectRun } from '../../engine/projectFile.js';
import type { NetworkSpec } from '../../engine/spec.js';
import { hasFiniteWeights, type TrainedWeights } from '../../engine/trainedWeights.js';
import { linearTensors } from './support/linearTensors.js';

/** A project file as the lab wrote it in version 1: the network and one iris run, `train --data iris --epochs 2 --seed 1`. */
const V1_PROJECT = new URL('./fixtures/project-v1.json', import.meta.url);

const SPEC: NetworkSpec = { input: 64, layers: [{ type: 'linear', units: 32 }, { type: 'relu' }, { type: 'linear', units: 1 }, { type: 'sigmoid' }] };

/** Weights from a fixed sequence, with awkward doubles planted: −0, the smallest subnormal, a value with 17 significant digits. */
function makeWeights(spec: NetworkSpec): TrainedWeights {
  let state = 7;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return (state / 2 ** 31 - 0.5) * 0.3;
  };
  let width = spec.input;
  const parameters: TrainedWeights['parameters'] = [];
  spec.layers.forEach((layer, index) => {
    if (layer.type !== 'linear') return;
    const W = Float64Array.from({ length: width * layer.units }, next);
    parameters.push(...linearTensors(index, width, layer.units, W, Float64Array.from({ length: layer.units }, next)));
    width = layer.units;
  });
  const [W0, , , b1] = parameters.map((tensor) => tensor.values);
  W0![0] = -0;
  W0![1] = Number.MIN_VALUE;
  W0![2] = 0.1 + 0.2;
  b1![0] = -0;
  return { spec, parameters };
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
  return {
    format: 'backprop-lab-project',
    version: PROJECT_VERSION,
    savedAt: '2025-03-04T10:20:30.000Z',
    network: { name: 'Built network', spec: SPEC },
    runs,
  };
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
  it('hands a large project over in pieces of about 64 K characters that join to the file, which reads back bit for bit', () => {
    const spec: NetworkSpec = { input: 784, layers: [{ type: 'linear', units: 128 }, { type: 'relu' }, { type: 'linear', units: 10 }, { type: 'softmax' }] };
    const history = Array.from({ length: 3000 }, (_, i) => ({
      epoch: i + 1,
      trainLoss: 1 / (i + 1),
      trainAccuracy: 0.5,
      testLoss: 1 / (i + 2),
      testAccuracy: 0.5,
    }));
    const project = makeProject([makeRun({ spec, weights: makeWeights(spec), history, label: 'a run named with 🌲 trees' }), makeRun()]);
    const pieces = [...projectFilePieces(project)];
    expect(pieces.join('')).toBe(projectFileText(project));
    expect(pieces.length).toBeGreaterThan(20);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(2 * 65536);
    const back = parseProjectFile(pieces.join(''));
    expect(back.runs[0]!.label).toBe('a run named with 🌲 trees');
    expect(back.runs[0]!.history).toHaveLength(3000);
    expect(new Uint8Array(back.runs[0]!.weights.parameters[0]!.values.buffer)).toEqual(new Uint8Array(project.runs[0]!.weights.parameters[0]!.values.buffer));
  });

  it('reads back every weight bit for bit, −0 and subnormals included', () => {
    const project = makeProject();
    const back = parseProjectFile(projectFileText(project));
    project.runs[0]!.weights.parameters.forEach((tensor, i) => {
      const read = back.runs[0]!.weights.parameters[i]!;
      expect([read.layer, read.name, read.shape]).toEqual([tensor.layer, tensor.name, tensor.shape]);
      expect(read.values).toBeInstanceOf(Float64Array);
      expect(new Uint8Array(read.values.buffer)).toEqual(new Uint8Array(tensor.values.buffer));
    });
    expect(Object.is(back.runs[0]!.weights.parameters[0]!.values[0], -0)).toBe(true);
    expect(Object.is(back.runs[0]!.weights.parameters[3]!.values[0], -0)).toBe(true);
  });

  it('reads back a run on image files with its source, subset sizes and the files its split counts in', () => {
    const imageRun = makeRun({
      dataSet: { kind: 'images', set: 'fashion-mnist', trainSize: 2000, testSize: 500 },
      split: {
        train: Int32Array.from([59999, 3, 17]),
        test: Int32Array.from([0, 1]),
        files: { train: 'train-images-idx3-ubyte.gz', test: 't10k-images-idx3-ubyte.gz' },
      },
    });
    const back = parseProjectFile(projectFileText(makeProject([imageRun]))).runs[0]!;
    expect(back.dataSet).toEqual({ kind: 'images', set: 'fashion-mnist', trainSize: 2000, testSize: 500 });
    expect(Array.from(back.split!.train)).toEqual([59999, 3, 17]);
    expect(back.split!.files).toEqual({ train: 'train-images-idx3-ubyte.gz', test: 't10k-images-idx3-ubyte.gz' });
  });

  it('reads back everything else as it was written', () => {
    const csvRun = makeRun({
      dataSet: { kind: 'csv', fileName: 'flowers.csv', text: 'a,b,"kind"\n1,2,x\n3,4,y\n', labelColumn: 'kind' },
      hyper: {
        epochs: 2,
        learningRate: 0.001,
        batchSize: 8,
        reduction: 'mean',
        trainFraction: 0.8,
        seed: 3,
        optimizer: { kind: 'adam', beta1: 0.9 },
        weightDecay: 0.0001,
      },
      reason: 'stopped',
    });
    const toyRun = makeRun({ dataSet: { kind: 'toy', name: 'spiral', size: 300, noise: 0.1 } });
    const project = makeProject([makeRun(), csvRun, toyRun]);
    const back = parseProjectFile(projectFileText(project));
    expect(back).toEqual(project);
    expect(back.runs[1]!.dataSet).toEqual({ kind: 'csv', fileName: 'flowers.csv', text: 'a,b,"kind"\n1,2,x\n3,4,y\n', labelColumn: 'kind' });
  });

  it("keeps a run's split rows, duration and diagnoses, and reads a run saved without them", () => {
    const split = { train: Int32Array.of(4, 0, 2), test: Int32Array.of(3, 1) };
    const diagnoses = [{ kind: 'one-class' as const, cause: 'learning-rate' as const, message: 'the network predicts class "0" for every test sample' }];
    const text = projectFileText(makeProject([makeRun({ split, seconds: 1.25, diagnoses }), makeRun()]));
    expect(JSON.parse(text).runs[0].split).toEqual({ train: [4, 0, 2], test: [3, 1] });
    const [withSplit, without] = parseProjectFile(text).runs;
    expect(withSplit!.split!.train).toEqual(split.train);
    expect(withSplit!.split!.test).toEqual(split.test);
    expect(withSplit).toMatchObject({ seconds: 1.25, diagnoses });
    expect(without!.split).toBeUndefined();
  });

  it('refuses a split row that is not a whole number of 0 or more, naming it', () => {
    expect(() => parseProjectFile(edited((json) => (json.runs[0].split = { train: [0, -1], test: [] })))).toThrow('runs.0.split.train.1');
  });

  it('writes plain JSON numbers and an empty history of runs', () => {
    const text = projectFileText(makeProject([]));
    expect(text.endsWith('\n')).toBe(true);
    expect(JSON.parse(text)).toMatchObject({ format: 'backprop-lab-project', version: PROJECT_VERSION, runs: [] });
    expect(parseProjectFile(text).runs).toEqual([]);
    expect(projectFileText(makeProject())).toMatch(/"parameters":\[\{"layer":0,"name":"W","shape":\[64,32\],"values":\[-0,5e-324,0\.30000000000000004,/);
  });

  it('tells finite weights from weights a diverged run left', () => {
    expect(hasFiniteWeights(makeWeights(SPEC))).toBe(true);
    const diverged = makeWeights(SPEC);
    diverged.parameters[2]!.values[0] = Number.NaN;
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
    expect(
      refusal(
        edited((j) => {
          j.version = 4;
        }),
      ),
    ).toBe('version 4 is newer than this lab reads (it reads versions 1 to 3); open it in a newer Backprop Lab');
    expect(
      refusal(
        edited((j) => {
          j.version = '1';
        }),
      ),
    ).toBe('version "1" is not a project version this lab reads (it reads versions 1 to 3)');
    expect(
      refusal(
        edited((j) => {
          delete j.version;
        }),
      ),
    ).toMatch(/^version null is not/);
  });

  it('a missing or bad member, naming it', () => {
    expect(
      refusal(
        edited((j) => {
          delete j.network;
        }),
      ),
    ).toMatch(/^network: /);
    expect(
      refusal(
        edited((j) => {
          j.savedAt = 'yesterday';
        }),
      ),
    ).toBe('savedAt: must be a date and time (ISO 8601)');
    expect(
      refusal(
        edited((j) => {
          j.runs[0].hyper.learningRate = -1;
        }),
      ),
    ).toBe('runs.0.hyper.learningRate: learning rate must be a positive number');
    expect(
      refusal(
        edited((j) => {
          j.runs[0].dataSet = 'mnist';
        }),
      ),
    ).toMatch(/^runs\.0\.dataSet: unknown data set "mnist"/);
    expect(
      refusal(
        edited((j) => {
          j.runs[0].extra = 1;
        }),
      ),
    ).toMatch(/^runs\.0: .*extra/);
  });

  it('a weight that is null (a non-finite value) or not a number', () => {
    const text = projectFileText(makeProject()).replace('"values":[-0,', '"values":[null,');
    expect(refusal(text)).toBe('runs.0.weights.parameters.0.values.0: not a finite number (a project keeps only finite weights; did the run diverge?)');
    expect(
      refusal(
        edited((j) => {
          j.runs[0].weights.parameters[3].values[0] = 'x';
        }),
      ),
    ).toMatch(/^runs\.0\.weights\.parameters\.3\.values\.0: not a finite number/);
  });

  it('weights of the wrong size or shape', () => {
    expect(
      refusal(
        edited((j) => {
          j.runs[0].weights.parameters[0].values.pop();
        }),
      ),
    ).toBe('runs.0.weights.parameters.0.values: W of layer 1 (linear) holds 2047 values but its shape 64×32 needs 2048');
    expect(
      refusal(
        edited((j) => {
          j.runs[0].weights.parameters[1].values.push(1);
        }),
      ),
    ).toBe('runs.0.weights.parameters.1.values: b of layer 1 (linear) holds 33 values but its shape 32 needs 32');
    expect(
      refusal(
        edited((j) => {
          j.runs[0].weights.parameters[2].shape = [31, 1];
        }),
      ),
    ).toBe('runs.0.weights.parameters.2.shape: layer 3 (linear) has 31×1 weights but the network needs 32×1 for W');
    expect(
      refusal(
        edited((j) => {
          j.runs[0].weights.parameters[2].layer = 3;
        }),
      ),
    ).toBe('runs.0.weights.parameters.2.name: the weights have a parameter W for layer 4 (sigmoid), which has no parameters');
    expect(
      refusal(
        edited((j) => {
          j.runs[0].weights.parameters.splice(2, 2);
        }),
      ),
    ).toBe('runs.0.weights.parameters: the weights have no parameters for layer 3 (linear)');
    expect(
      refusal(
        edited((j) => {
          j.runs[0].weights.parameters.pop();
        }),
      ),
    ).toBe('runs.0.weights.parameters: the weights have no b for layer 3 (linear)');
  });

  it('weights of another network than the run', () => {
    expect(
      refusal(
        edited((j) => {
          j.runs[0].weights.spec.layers[1] = { type: 'tanh' };
        }),
      ),
    ).toBe("runs.0.weights.spec: differs from the run's network (runs.0.spec)");
  });
});

describe('a version 1 project file, as an earlier lab wrote it', () => {
  const text = readFileSync(V1_PROJECT, 'utf8');
  const v1Edited = (edit: (json: any) => void): string => {
    const json = JSON.parse(text);
    edit(json);
    return JSON.stringify(json);
  };

  it('opens as the current version, each Linear record becoming the named tensors W and b, every value bit for bit', () => {
    const saved = JSON.parse(text) as { runs: Array<{ weights: { layers: Array<{ W: number[]; b: number[] }> } }> };
    const project = parseProjectFile(text);
    expect(project.version).toBe(PROJECT_VERSION);
    expect(project.network.spec).toEqual({
      input: 4,
      layers: [{ type: 'linear', units: 32 }, { type: 'relu' }, { type: 'linear', units: 3 }, { type: 'softmax' }],
    });
    const { parameters } = project.runs[0]!.weights;
    expect(parameters.map((tensor) => [tensor.layer, tensor.name, tensor.shape])).toEqual([
      [0, 'W', [4, 32]],
      [0, 'b', [32]],
      [2, 'W', [32, 3]],
      [2, 'b', [3]],
    ]);
    saved.runs[0]!.weights.layers.forEach((layer, i) => {
      expect(parameters[2 * i]!.values.every((value, k) => Object.is(value, layer.W[k]))).toBe(true);
      expect(parameters[2 * i + 1]!.values.every((value, k) => Object.is(value, layer.b[k]))).toBe(true);
    });
    expect(parseProjectFile(projectFileText(project))).toEqual(project);
  });

  it('is refused when malformed, naming the place in its own terms', () => {
    expect(
      refusal(
        v1Edited((j) => {
          j.runs[0].weights.layers[0].W.pop();
        }),
      ),
    ).toBe('runs.0.weights.layers.0: W must hold 4×32 numbers, not 127');
    expect(
      refusal(
        v1Edited((j) => {
          j.runs[0].weights.layers[0].b.push(1);
        }),
      ),
    ).toBe('runs.0.weights.layers.0: b must hold 32 numbers, not 33');
    expect(
      refusal(
        v1Edited((j) => {
          j.runs[0].weights.layers[0].W[0] = null;
        }),
      ),
    ).toBe('runs.0.weights.layers.0.W.0: not a finite number (a project keeps only finite weights; did the run diverge?)');
    expect(
      refusal(
        v1Edited((j) => {
          const l = j.runs[0].weights.layers[1];
          l.inputs = 31;
          l.W.length = 93;
        }),
      ),
    ).toBe('runs.0.weights.layers.1: layer 3 (linear) has 31×3 weights but the network needs 32×3 for W');
    expect(
      refusal(
        v1Edited((j) => {
          j.runs[0].weights.layers[1].index = 3;
        }),
      ),
    ).toBe('runs.0.weights.layers.1: the weights have a parameter W for layer 4 (softmax), which has no parameters');
    expect(
      refusal(
        v1Edited((j) => {
          j.runs[0].weights.layers.pop();
        }),
      ),
    ).toBe('runs.0.weights.layers: the weights have no parameters for layer 3 (linear)');
  });
});

describe('a version 2 project file, as the lab wrote it before each lab kept its work', () => {
  const text = readFileSync(new URL('./fixtures/project-v2.json', import.meta.url), 'utf8');

  it('opens as the current version with its network and runs, and no lab work', () => {
    const saved = JSON.parse(text) as { version: number; runs: Array<{ weights: { parameters: Array<{ values: number[] }> } }> };
    expect(saved.version).toBe(2);
    const project = parseProjectFile(text);
    expect(project.version).toBe(PROJECT_VERSION);
    expect(project.labs).toBeUndefined();
    expect(project.network.name).toBe('Iris network');
    expect(project.runs[0]!.weights.parameters.map((tensor) => tensor.shape)).toEqual([[4, 32], [32], [32, 3], [3]]);
    saved.runs[0]!.weights.parameters.forEach((tensor, i) => {
      expect(project.runs[0]!.weights.parameters[i]!.values.every((value, k) => Object.is(value, tensor.values[k]))).toBe(true);
    });
  });

  it('is refused when it carries lab work, which version 2 did not have', () => {
    const json = JSON.parse(text);
    json.labs = {};
    expect(refusal(JSON.stringify(json))).toMatch(/labs/);
  });
});

describe("each lab's work in a version 3 project file", () => {
  const labs: Project['labs'] = {
    optimizer: {
      surface: 'custom',
      expression: 'x^2 + 3*y^2',
      form: { startX: 3, startY: null, stepSize: 0.1, steps: 10, decay: 1, optimizer: 'adam' },
      runs: [
        {
          settings: { start: { x: 3, y: 2 }, learningRate: 0.5, steps: 2 },
          path: { x: [3, 1e308, null], y: [2, -0, null], f: [1, 2, null], diverged: 'at step 2' },
          kept: false,
        },
      ],
    },
    gradients: { explorer: { functionId: 'tanh', epsilon: 1e-3, at: -0.5 }, gradcheck: { kind: 'layer', settings: { linear: { units: 7 } } } },
    builder: {
      input: 64,
      cards: [
        { id: 1, type: 'linear', units: null },
        { id: 2, type: 'relu' },
      ],
      dataSet: 'digits-binary',
    },
    training: { form: { dataChoice: 'iris', learningRate: 0.01, csv: null } },
  };

  it('reads back as it was written, null (a value JSON cannot hold, or an empty field) included', () => {
    const project = { ...makeProject(), labs };
    const back = parseProjectFile(projectFileText(project));
    expect(back.labs).toEqual(labs);
    expect(Object.is(back.labs!.optimizer!.runs[0]!.path.y[1], -0)).toBe(true);
  });

  it('is refused when a lab is unknown or its work malformed, naming the place', () => {
    const text = projectFileText({ ...makeProject(), labs });
    const edit = (change: (json: any) => void) => {
      const json = JSON.parse(text);
      change(json);
      return JSON.stringify(json);
    };
    expect(
      refusal(
        edit((j) => {
          j.labs.painting = {};
        }),
      ),
    ).toMatch(/^labs: .*painting/);
    expect(
      refusal(
        edit((j) => {
          j.labs.optimizer.runs[0].path.x[0] = 'far';
        }),
      ),
    ).toMatch(/^labs\.optimizer\.runs\.0\.path\.x\.0: /);
    expect(
      refusal(
        edit((j) => {
          delete j.labs.builder.cards;
        }),
      ),
    ).toMatch(/^labs\.builder\.cards: /);
  });
});
