// The names the Export lab suggests (plain Node): the run's number, its data set and the file's kind, safe on every system.
import { describe, expect, it } from 'vitest';
import { dataSlug, runFileName, slug } from '../../../renderer/export/exportNames.js';
import { projectFileName } from '../../../renderer/saving/projectState.js';

describe('runFileName', () => {
  it('names a shipped data set run by its number, data set and kind', () => {
    expect(runFileName(2, 'iris', 'weights.npz')).toBe('run-2-iris-weights.npz');
    expect(runFileName(12, 'digits-binary', 'model.onnx')).toBe('run-12-digits-binary-model.onnx');
    expect(runFileName(1, 'wine', 'metrics.csv')).toBe('run-1-wine-metrics.csv');
    expect(runFileName(3, 'breast-cancer', 'learning-curves.png')).toBe('run-3-breast-cancer-learning-curves.png');
  });

  it('names a toy run by its generator and a CSV run by its file, without the extension', () => {
    expect(runFileName(4, { kind: 'toy', name: 'spiral', size: 200, noise: 0.1 }, 'learning-curves.svg')).toBe('run-4-spiral-learning-curves.svg');
    expect(runFileName(5, { kind: 'csv', fileName: 'My Flowers (2024).csv', text: '' }, 'weights.json')).toBe('run-5-my-flowers-2024-weights.json');
  });
});

describe('dataSlug and slug', () => {
  it('keeps only letters, digits and single hyphens', () => {
    expect(slug('  Café/../Übung: 1  ')).toBe('cafe-ubung-1');
    expect(slug('a'.repeat(60))).toHaveLength(40);
    expect(slug('abc-'.repeat(20))).not.toMatch(/-$/);
  });

  it('uses the CSV file\'s own name, or "csv" when it has nothing usable', () => {
    expect(dataSlug({ kind: 'csv', fileName: '日本.csv', text: '' })).toBe('csv');
    expect(dataSlug({ kind: 'csv', fileName: '../../etc/passwd.csv', text: '' })).toBe('passwd');
  });
});

describe('projectFileName', () => {
  it('dates the project in local time', () => {
    expect(projectFileName(new Date(2025, 2, 4, 23, 59))).toBe('project-2025-03-04.backprop-lab.json');
  });
});
