// The Optimizer lab's descent settings: validates the fields and maps engine errors to them (renderer).
import { OPTIMIZER_KINDS, type OptimizerKind } from '../../engine/optimizers/optimizerConfig.js';
import type { SurfaceDescend } from '../../engine/protocol/surfaces.js';

/** Every input of the descent form a message can be shown at. */
export type DescentField = 'startX' | 'startY' | 'stepSize' | 'steps' | 'decay' | 'optimizer';
export type DescentErrors = Partial<Record<DescentField, string>>;

/** What the inputs hold: a number, or null while a field is empty or not a number. */
export interface DescentInput {
  startX: number | null;
  startY: number | null;
  stepSize: number | null;
  steps: number | null;
  decay: number | null;
  optimizer: OptimizerKind;
}

/** Validated settings of one descent, as a surface.descend request carries them. */
export type DescentSettings = Pick<SurfaceDescend, 'start' | 'learningRate' | 'steps' | 'decay'> & { decay: number; optimizer: OptimizerKind };

export const MAX_STEPS = 100_000;

/** The exercise's first run: from (3, 2), step 0.1, 10 steps, no decay, plain gradient descent. */
export const EXERCISE_DESCENT: DescentInput = { startX: 3, startY: 2, stepSize: 0.1, steps: 10, decay: 1, optimizer: 'sgd' };

const isNumber = (v: number | null): v is number => v !== null && Number.isFinite(v);

export type DescentValidation = { ok: true; value: DescentSettings; errors: DescentErrors } | { ok: false; errors: DescentErrors };

/** Checks the fields with the same limits the engine applies; each message is keyed by the field at fault. */
export function validateDescent(input: DescentInput): DescentValidation {
  const errors: DescentErrors = {};
  if (!isNumber(input.startX)) errors.startX = 'Enter a number for the start x';
  if (!isNumber(input.startY)) errors.startY = 'Enter a number for the start y';
  if (!isNumber(input.stepSize) || input.stepSize <= 0) errors.stepSize = 'The step size must be a positive number';
  if (!isNumber(input.steps) || !Number.isInteger(input.steps) || input.steps < 0) errors.steps = 'Steps must be a whole number, 0 or more';
  else if (input.steps > MAX_STEPS) errors.steps = `At most ${MAX_STEPS.toLocaleString('en')} steps`;
  if (!isNumber(input.decay) || input.decay <= 0 || input.decay > 1) errors.decay = 'The decay must be above 0 and at most 1';
  if (!OPTIMIZER_KINDS.includes(input.optimizer)) errors.optimizer = `Choose one of ${OPTIMIZER_KINDS.join(', ')}`;
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    errors,
    value: {
      start: { x: input.startX!, y: input.startY! },
      learningRate: input.stepSize!,
      steps: input.steps!,
      decay: input.decay!,
      optimizer: input.optimizer,
    },
  };
}

/** The form field an engine error names: "start" → startX, "learningRate" → stepSize, "optimizer.kind" → optimizer. */
export function descentFieldOf(path: string | undefined): DescentField | undefined {
  const [head, sub] = (path ?? '').split('.');
  switch (head) {
    case 'start':
      return sub === 'y' ? 'startY' : 'startX';
    case 'learningRate':
      return 'stepSize';
    case 'steps':
      return 'steps';
    case 'decay':
      return 'decay';
    case 'optimizer':
      return 'optimizer';
    default:
      return undefined;
  }
}
