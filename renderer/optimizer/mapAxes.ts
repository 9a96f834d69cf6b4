// The step-size × decay map's axes and settings (renderer, pure): step sizes spaced on a log scale and rounded, decays evenly spaced, the form's checks.
import { MAX_MAP_AXIS, MAX_MAP_STEPS } from '../../engine/limits.js';

/** What the map's fields hold: a number, or null while a field is empty or not a number. */
export interface MapInput {
  stepMin: number | null;
  stepMax: number | null;
  stepCount: number | null;
  decayMin: number | null;
  decayMax: number | null;
  decayCount: number | null;
  epsilon: number | null;
}
export type MapField = keyof MapInput;
export type MapErrors = Partial<Record<MapField | 'steps', string>>;

/** What a cell shows: the run's final f, or the steps it took to come within ε of the best value of the map. */
export type MapMeasure = 'final' | 'steps';

/** Step sizes 0.01 … 1 (25, log-spaced) and decays 0.8 … 1 (21): 525 runs, spanning the exercise's tuned runs. */
export const DEFAULT_MAP: MapInput = { stepMin: 0.01, stepMax: 1, stepCount: 25, decayMin: 0.8, decayMax: 1, decayCount: 21, epsilon: 1e-3 };

/** `count` values from min to max evenly spaced on a log scale, each rounded to 3 significant digits, repeats dropped; the ends exact. */
export function logSpacedValues(min: number, max: number, count: number): number[] {
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const raw = count === 1 || i === 0 ? min : i === count - 1 ? max : Math.exp(Math.log(min) + ((Math.log(max) - Math.log(min)) * i) / (count - 1));
    const v = i === 0 || i === count - 1 ? raw : Number(raw.toPrecision(3));
    if (!values.length || v > values.at(-1)!) values.push(v);
  }
  return values;
}

/** `count` values from min to max evenly spaced, rounded to 6 decimals; the ends exact. */
export function evenlySpacedValues(min: number, max: number, count: number): number[] {
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const v = count === 1 || i === 0 ? min : i === count - 1 ? max : Math.round((min + ((max - min) * i) / (count - 1)) * 1e6) / 1e6;
    if (!values.length || v > values.at(-1)!) values.push(v);
  }
  return values;
}

export interface MapSettings {
  stepSizes: number[];
  decays: number[];
  epsilon: number;
}

export type MapValidation = { ok: true; value: MapSettings; errors: MapErrors } | { ok: false; errors: MapErrors };

const isNumber = (v: number | null): v is number => v !== null && Number.isFinite(v);
const isCount = (v: number | null): v is number => isNumber(v) && Number.isInteger(v) && v >= 1 && v <= MAX_MAP_AXIS;

/** Checks the map's fields with the engine's limits (the runs' steps are the descent form's); each message at its field. */
export function validateMap(input: MapInput, steps: number | null): MapValidation {
  const errors: MapErrors = {};
  if (!isNumber(input.stepMin) || input.stepMin <= 0) errors.stepMin = 'The smallest step size must be a positive number';
  if (!isNumber(input.stepMax) || input.stepMax <= 0) errors.stepMax = 'The largest step size must be a positive number';
  else if (isNumber(input.stepMin) && input.stepMax < input.stepMin) errors.stepMax = 'The largest step size must be at least the smallest';
  if (!isNumber(input.decayMin) || input.decayMin <= 0 || input.decayMin > 1) errors.decayMin = 'A decay must be above 0 and at most 1';
  if (!isNumber(input.decayMax) || input.decayMax <= 0 || input.decayMax > 1) errors.decayMax = 'A decay must be above 0 and at most 1';
  else if (isNumber(input.decayMin) && input.decayMax < input.decayMin) errors.decayMax = 'The largest decay must be at least the smallest';
  for (const field of ['stepCount', 'decayCount'] as const) if (!isCount(input[field])) errors[field] = `A whole number from 1 to ${MAX_MAP_AXIS}`;
  if (!isNumber(input.epsilon) || input.epsilon <= 0) errors.epsilon = 'ε must be a positive number';
  if (!errors.stepCount && !errors.decayCount && isNumber(steps) && steps >= 1) {
    const work = input.stepCount! * input.decayCount! * steps;
    if (work > MAX_MAP_STEPS)
      errors.steps = `${input.stepCount} × ${input.decayCount} runs of ${steps.toLocaleString('en')} steps are ${work.toLocaleString('en')} steps; a map takes at most ${MAX_MAP_STEPS.toLocaleString('en')} — fewer values or fewer steps`;
  } else if (!isNumber(steps) || steps < 1) errors.steps = 'The map runs the Steps above: at least 1';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    errors,
    value: {
      stepSizes: logSpacedValues(input.stepMin!, input.stepMax!, input.stepCount!),
      decays: evenlySpacedValues(input.decayMin!, input.decayMax!, input.decayCount!),
      epsilon: input.epsilon!,
    },
  };
}

/** Where a value falls along the map's cells, in cells from the first cell's centre (log for step sizes); undefined outside. */
export function cellPosition(values: ArrayLike<number>, value: number, log: boolean): number | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  const first = values[0]!,
    last = values[n - 1]!;
  if (value < first * (1 - 1e-9) || value > last * (1 + 1e-9)) return undefined;
  if (n === 1) return 0;
  const t = (v: number) => (log ? Math.log(v) : v);
  for (let i = 0; i < n - 1; i++) {
    const a = values[i]!,
      b = values[i + 1]!;
    if (value <= b || i === n - 2) return i + Math.max(0, Math.min(1, (t(value) - t(a)) / (t(b) - t(a))));
  }
  return n - 1;
}
