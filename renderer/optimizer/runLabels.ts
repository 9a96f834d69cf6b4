// Words and colours for descent runs (renderer): the optimizer's name, a legend label naming the settings, the final value.
import { format } from 'd3';
import { PATH_COLOURS } from '../../plots/theme.js';
import { OPTIMIZER_CONSTANT_TITLES, OPTIMIZER_DEFAULTS, OPTIMIZER_TITLES, type OptimizerConstant } from '../../engine/optimizers/optimizerConfig.js';
import type { DescentSettings } from './descentFields.js';
import { finiteLength, type PathArrays } from './pathGeometry.js';

/** The colour of the run with this serial number (1, 2, …), cycling through PATH_COLOURS. */
export function pathColour(serial: number): string {
  return PATH_COLOURS[(serial - 1) % PATH_COLOURS.length]!;
}

const number = format('~g');
/** A coordinate for text: four decimals (a real minus sign), or scientific notation when it is huge. */
export function formatCoordinate(v: number): string {
  return Math.abs(v) < 1e6 ? format('.4f')(v) : format('.4~e')(v);
}

/** A value of f for text: six decimals, or six significant digits in scientific notation when it is huge. */
export function formatValue(v: number): string {
  return Math.abs(v) < 1e6 ? format('.6f')(v) : format('.6~e')(v);
}

/** A label for an axis or legend value: three significant digits, scientific notation for the very large and the very small. */
export function shortNumber(v: number): string {
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return format('.2~e')(v);
  return a >= 1000 ? format(',.0f')(v) : format('.3~g')(v);
}

/** Tick labels that fit the axis: when the ticks reach 100000, every label in scientific notation. */
export function compactTicks<T extends { value: number; label: string }>(ticks: readonly T[]): T[] {
  if (!ticks.some((t) => Math.abs(t.value) >= 1e5)) return [...ticks];
  return ticks.map((t) => ({ ...t, label: t.value === 0 ? '0' : format('.2~e')(t.value) }));
}

/**
 * "SGD, step 0.1 × 10 steps, decay 0.95, from (3, 2)": the optimizer and everything that makes its path what it is;
 * constants away from their defaults follow the optimizer's name ("Adam (β1 0.8)").
 */
export function runLabel(settings: DescentSettings): string {
  const decay = settings.decay === 1 ? '' : `, decay ${number(settings.decay)}`;
  const steps = `${settings.steps.toLocaleString('en')} step${settings.steps === 1 ? '' : 's'}`;
  const changed = (Object.entries(settings.constants ?? {}) as [OptimizerConstant, number][])
    .filter(([name, value]) => value !== OPTIMIZER_DEFAULTS[name])
    .map(([name, value]) => `${OPTIMIZER_CONSTANT_TITLES[name].symbol.replace('Momentum ', '')} ${number(value)}`);
  const name = `${OPTIMIZER_TITLES[settings.optimizer]}${changed.length ? ` (${changed.join(', ')})` : ''}`;
  return `${name}, step ${number(settings.learningRate)} × ${steps}${decay}, from (${number(settings.start.x)}, ${number(settings.start.y)})`;
}

/** The last finite point of a path, as the exercise's plot title reports it; undefined for an empty path. */
export function finalPoint(path: PathArrays): { x: number; y: number; f: number } | undefined {
  const n = finiteLength(path);
  return n ? { x: path.x[n - 1]!, y: path.y[n - 1]!, f: path.f[n - 1]! } : undefined;
}

/**
 * "Minimum value found: f(−0.3965, 0.1983) = 1.296762", like the exercise's plot title; a path that diverged is never
 * called a minimum: "Diverged at step 12; last point f(…) = …" (or its last finite point when the step is not known).
 */
export function finalValueText(path: PathArrays & { diverged?: string | undefined; divergedAt?: number | undefined }): string {
  const end = finalPoint(path);
  if (!end) return 'No finite point on the path';
  const at = `f(${formatCoordinate(end.x)}, ${formatCoordinate(end.y)}) = ${formatValue(end.f)}`;
  if (path.divergedAt !== undefined) return `Diverged at step ${path.divergedAt.toLocaleString('en')}; last point ${at}`;
  return path.diverged ? `Last finite point: ${at}` : `Minimum value found: ${at}`;
}

/** Labels for ascending values with as many significant digits (3 to 8) as tell neighbours apart, in shortNumber's style. */
export function distinctLabels(values: readonly number[]): string[] {
  for (let digits = 3; digits <= 8; digits++) {
    const labels = values.map((v) => {
      const a = Math.abs(v);
      if (a !== 0 && (a >= 1e5 || a < 1e-3)) return format(`.${digits - 1}~e`)(v);
      return a >= 10 ** digits ? format(',.0f')(v) : format(`.${digits}~g`)(v);
    });
    if (labels.every((label, i) => i === 0 || label !== labels[i - 1]) || digits === 8) return labels;
  }
  return values.map(shortNumber);
}
