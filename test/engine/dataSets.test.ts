// Tests preparing every kind of data set: the exercise's digits, the other shipped tables, toy data and CSV files.
import { describe, expect, it } from 'vitest';
import { readAssetText } from '../../engine/data/assetFiles.js';
import { DATA_SET_INFO, createDataLoader } from '../../engine/data/dataSets.js';
import { DATA_SET_NAMES } from '../../engine/data/dataSetNames.js';

const load = createDataLoader(readAssetText);
const exercise = { trainFraction: 0.5, seed: 1 };

describe('the digits data', () => {
  it('splits 50/50 into floor(n/2) training samples with digit < 5 as the binary target', async () => {
    const data = await load('digits-binary', exercise);
    expect([data.train.size, data.test.size]).toEqual([898, 899]);
    expect([data.inputs, data.outputs]).toEqual([64, 1]);
    expect(data.classes).toEqual(['5–9', '0–4']);
    data.train.labels.forEach((label, i) => expect(data.train.targets[i]).toBe(label));
  });

  it('is normalised by the global mean and standard deviation of all pixels, as the exercise does', async () => {
    const data = await load('digits-binary', exercise);
    const all = [...data.train.features, ...data.test.features];
    const mean = all.reduce((a, b) => a + b, 0) / all.length;
    const variance = all.reduce((a, b) => a + (b - mean) ** 2, 0) / all.length;
    expect(data.normalisation).toBe('global');
    expect(Math.abs(mean)).toBeLessThan(1e-12);
    expect(variance).toBeCloseTo(1, 10);
  });

  it('gives one-hot targets for the 10 classes', async () => {
    const data = await load('digits', exercise);
    expect(data.outputs).toBe(10);
    const label = data.test.labels[3]!;
    expect(Array.from(data.test.targets.subarray(30, 40))).toEqual(Array.from({ length: 10 }, (_, j) => (j === label ? 1 : 0)));
  });

  it('shuffles by seed: the same seed gives the same split, another seed another', async () => {
    const split = async (seed: number) => Array.from((await load('digits-binary', { trainFraction: 0.5, seed })).train.labels.slice(0, 50));
    expect(await split(1)).toEqual(await split(1));
    expect(await split(1)).not.toEqual(await split(2));
  });
});

describe('the shipped data sets', () => {
  for (const name of DATA_SET_NAMES) {
    it(`${name}: has the size, width and classes its description promises`, async () => {
      const info = DATA_SET_INFO[name];
      const data = await load(name, { trainFraction: 0.7, seed: 3 });
      expect(data.train.size + data.test.size).toBe(info.size);
      expect(data.train.size).toBe(Math.floor(info.size * 0.7));
      expect([data.inputs, data.outputs, data.classes]).toEqual([info.inputs, info.outputs, info.classes]);
      expect(data.train.features.every(Number.isFinite)).toBe(true);
    });
  }

  it('standardizes each feature with the training rows only', async () => {
    const data = await load('wine', { trainFraction: 0.5, seed: 1 });
    expect(data.normalisation).toBe('standardize');
    for (let j = 0; j < data.inputs; j++) {
      const column = Array.from({ length: data.train.size }, (_, r) => data.train.features[r * data.inputs + j]!);
      const mean = column.reduce((a, b) => a + b, 0) / column.length;
      const variance = column.reduce((a, b) => a + (b - mean) ** 2, 0) / column.length;
      expect(Math.abs(mean)).toBeLessThan(1e-12);
      expect(variance).toBeCloseTo(1, 10);
    }
  });

  it('leaves the values alone with normalisation none', async () => {
    const data = await load('iris', { trainFraction: 0.5, seed: 1, normalisation: 'none' });
    expect(data.train.features.every((v) => v > 0 && v < 8)).toBe(true);
  });

  it('keeps breast cancer as one output: the probability of "benign"', async () => {
    const data = await load('breast-cancer', exercise);
    expect(data.classes).toEqual(['malignant', 'benign']);
    expect(data.outputs).toBe(1);
  });
});

describe('toy data and CSV files', () => {
  it('generates a toy data set from the run seed', async () => {
    const source = { kind: 'toy', name: 'moons', size: 200, noise: 0.1 } as const;
    const a = await load(source, { trainFraction: 0.8, seed: 5 });
    const b = await load(source, { trainFraction: 0.8, seed: 5 });
    expect([a.inputs, a.outputs, a.train.size, a.test.size]).toEqual([2, 1, 160, 40]);
    expect(a.train.features).toEqual(b.train.features);
  });

  it('reads a CSV file with a chosen label column', async () => {
    const text = 'kind,a,b\nx,1,2\ny,3,4\nz,5,6\nx,7,8\ny,9,10\nz,11,12\n';
    const data = await load({ kind: 'csv', fileName: 'mine.csv', text, labelColumn: 'kind' }, { trainFraction: 0.5, seed: 1 });
    expect([data.name, data.inputs, data.outputs]).toEqual(['mine.csv', 2, 3]);
    expect(data.classes).toEqual(['x', 'y', 'z']);
  });

  it('rejects a CSV file with a bad cell, naming its row and column', async () => {
    const text = 'a,label\n1,x\n2,y\nthree,x\n4,y\n';
    await expect(load({ kind: 'csv', fileName: 'bad.csv', text }, exercise)).rejects.toThrow('row 4, column 1 (a): "three" is not a number');
  });

  it('rejects a split that leaves no training samples', async () => {
    const text = 'a,label\n1,x\n2,y\n3,x\n4,y\n';
    await expect(load({ kind: 'csv', fileName: 'tiny.csv', text }, { trainFraction: 0.2, seed: 1 })).rejects.toThrow(
      'a train fraction of 0.2 leaves no training samples out of 4',
    );
  });
});

describe('data sources in requests', () => {
  it('names the field of a toy data set with an unknown name, not the whole union', async () => {
    const { DataSourceSchema } = await import('../../engine/data/dataSource.js');
    const { describeIssue } = await import('../../engine/protocol/index.js');
    const result = DataSourceSchema.safeParse({ kind: 'toy', name: 'rings', size: 10, noise: 0 });
    expect(result.success).toBe(false);
    expect(describeIssue(result.error!)).toEqual({
      field: 'name',
      message: 'name: unknown toy data set "rings"; known: circles, xor, spiral, gaussians, moons',
    });
  });
});
