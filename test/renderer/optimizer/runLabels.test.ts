// Words and colours for descent runs (plain Node): legend labels, the final value as the exercise's title reads it.
import { describe, expect, it } from 'vitest';
import { PATH_COLOURS } from '../../../plots/theme.js';
import { compactTicks, distinctLabels, finalValueText, pathColour, runLabel, shortNumber } from '../../../renderer/optimizer/runLabels.js';

const settings = { start: { x: 3, y: 2 }, learningRate: 0.1, steps: 10, decay: 1, optimizer: 'sgd' as const };

describe('runLabel', () => {
  it('names the optimizer and the settings, the decay only when it is not 1', () => {
    expect(runLabel(settings)).toBe('SGD, step 0.1 × 10 steps, from (3, 2)');
    expect(runLabel({ ...settings, learningRate: 0.5, steps: 100, decay: 0.95, optimizer: 'adam', start: { x: -1.5, y: 0 } })).toBe(
      'Adam, step 0.5 × 100 steps, decay 0.95, from (−1.5, 0)',
    );
    expect(runLabel({ ...settings, steps: 1 })).toContain('× 1 step,');
  });
});

describe('finalValueText', () => {
  it("reads like the exercise's plot title, from the last point", () => {
    const path = { x: Float64Array.of(3, -0.39652), y: Float64Array.of(2, 0.19826), f: Float64Array.of(24.0888, 1.2967615849902) };
    expect(finalValueText(path)).toBe('Minimum value found: f(−0.3965, 0.1983) = 1.296762');
    expect(finalValueText({ ...path, f: Float64Array.of(1, -2.2807097) })).toMatch(/= −2\.280710$/);
  });

  it('reports the last finite point of a diverged path, and huge values in scientific notation', () => {
    const path = { x: Float64Array.of(3), y: Float64Array.of(2), f: Float64Array.of(3.5e120), diverged: 'the path left the finite numbers at step 1' };
    expect(finalValueText(path)).toBe('Last finite point: f(3.0000, 2.0000) = 3.5e+120');
  });
});

describe('pathColour', () => {
  it('gives each run its own colour, cycling after the last', () => {
    expect(pathColour(1)).toBe(PATH_COLOURS[0]);
    expect(pathColour(2)).not.toBe(pathColour(1));
    expect(pathColour(PATH_COLOURS.length + 1)).toBe(pathColour(1));
  });
});

describe('shortNumber and compactTicks', () => {
  it('keeps ordinary values short and puts the very large and very small in scientific notation', () => {
    expect(shortNumber(84.23)).toBe('84.2');
    expect(shortNumber(-2.2807)).toBe('−2.28');
    expect(shortNumber(2512.7)).toBe('2,513');
    expect(shortNumber(7.1e-5)).toBe('7.1e-5');
    expect(shortNumber(2.5e8)).toBe('2.5e+8');
    expect(shortNumber(0)).toBe('0');
  });

  it('rewrites every tick label of an axis that reaches 100000', () => {
    const ticks = [0, 5e126, 1e127].map((value) => ({ value, label: String(value), offset: 0 }));
    expect(compactTicks(ticks).map((t) => t.label)).toEqual(['0', '5e+126', '1e+127']);
    const small = [{ value: 2, label: '2', offset: 0 }];
    expect(compactTicks(small)).toEqual(small);
  });
});

describe('a diverged run and the optimizer constants in words', () => {
  it('never calls the end of a diverged path a minimum, and names the step it diverged at', () => {
    const path = {
      x: Float64Array.of(3, 123.5),
      y: Float64Array.of(2, 122.3),
      f: Float64Array.of(24, 45582.1),
      diverged: 'the path left the region',
      divergedAt: 4,
    };
    expect(finalValueText(path)).toBe('Diverged at step 4; last point f(123.5000, 122.3000) = 45582.100000');
  });

  it('names constants away from their defaults after the optimizer', () => {
    expect(runLabel({ ...settings, optimizer: 'adam', constants: { beta1: 0.8, beta2: 0.999, epsilon: 1e-8 } })).toBe(
      'Adam (β1 0.8), step 0.1 × 10 steps, from (3, 2)',
    );
    expect(runLabel({ ...settings, optimizer: 'nesterov', constants: { momentum: 0.5 } })).toBe('Nesterov momentum (μ 0.5), step 0.1 × 10 steps, from (3, 2)');
  });

  it('labels legend values with as many digits as tell them apart', () => {
    expect(distinctLabels([-2.28071, -2.28065, -2.2, 1.3])).toEqual(['−2.28071', '−2.28065', '−2.2', '1.3']);
    expect(distinctLabels([1, 2, 3])).toEqual(['1', '2', '3']);
  });
});
