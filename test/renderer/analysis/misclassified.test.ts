// The misclassified samples and the analysis texts (plain Node): most confident mistakes first, captions, layer rows and the linear-collapse sentence.
import { describe, expect, it } from 'vitest';
import { mistakeCaption, mistakes, percent, predictionAt } from '../../../renderer/analysis/misclassified.js';
import { collapseSentence, layerWidths, linearCount } from '../../../renderer/analysis/linearCollapseText.js';
import { layerName, shortValue, traceRows } from '../../../renderer/analysis/traceLayers.js';

const predictions = {
  truth: Int32Array.from([3, 1, 3, 8, 0]),
  predicted: Int32Array.from([8, 1, 5, 8, 3]),
  confidence: Float64Array.from([0.71, 0.99, 0.93, 0.8, 0.71]),
};
const classes = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

describe('mistakes', () => {
  it('lists the wrong predictions, most confident first and ties by test index', () => {
    expect(mistakes(predictions).map((m) => m.index)).toEqual([2, 0, 4]);
  });

  it('captions a mistake as "true → predicted, confidence"', () => {
    expect(mistakeCaption(predictionAt(predictions, 0), classes)).toBe('true 3 → predicted 8, 71%');
  });

  it('writes percentages whole, with a decimal near 0% and 100%', () => {
    expect(percent(0.714)).toBe('71%');
    expect(percent(0.9962)).toBe('99.6%');
    expect(percent(0.004)).toBe('0.4%');
    expect(percent(1)).toBe('100%');
  });
});

describe('traceRows', () => {
  it('names each layer from 1 and scales its colours to its own largest |value|', () => {
    const rows = traceRows([
      { index: 0, type: 'linear', values: Float64Array.from([-2, 1]) },
      { index: 1, type: 'relu', values: Float64Array.from([0, 1]) },
    ]);
    expect(rows.map((r) => [r.position, r.name, r.extent, r.min, r.max])).toEqual([
      [1, 'Linear', 2, -2, 1],
      [2, 'ReLU', 1, 0, 1],
    ]);
    expect(rows[0]!.fills[0]).not.toBe(rows[0]!.fills[1]);
  });

  it('writes layer names and values as the lab does', () => {
    expect(layerName('leaky_relu')).toBe('Leaky ReLU');
    expect(layerName('gelu')).toBe('GELU');
    expect(layerName('lstm')).toBe('Lstm'); // a type the registry does not know, capitalised
    expect(shortValue(0.123456)).toBe('0.123');
    expect(shortValue(0.0000123)).toBe('1.23e-5');
  });
});

describe('collapseSentence', () => {
  const spec = { input: 64, layers: [{ type: 'linear' as const, units: 32 }, { type: 'linear' as const, units: 1 }, { type: 'sigmoid' as const }] };
  const run = { from: 0, to: 1, inputs: 64, units: 1, W: new Float64Array(64), b: new Float64Array(1) };

  it('says that 64-32-1 without a ReLU is one 64×1 Linear layer', () => {
    expect(layerWidths(spec)).toEqual([32, 1, 1]);
    expect(collapseSentence(spec, run)).toBe(
      'Layers 1–2 (Linear 64→32, Linear 32→1) have no nonlinearity between them, so together they equal ONE Linear layer of shape 64×1.',
    );
    expect(linearCount(spec, run)).toBe(2);
  });

  it('names the identity layers inside a run', () => {
    const withDropout = {
      input: 4,
      layers: [
        { type: 'linear' as const, units: 3 },
        { type: 'dropout' as const, rate: 0.5 },
        { type: 'linear' as const, units: 2 },
      ],
    };
    expect(collapseSentence(withDropout, { ...run, from: 0, to: 2, inputs: 4, units: 2 })).toContain('(Linear 4→3, Dropout, Linear 3→2)');
  });
});
