// The Optimizer lab's descent settings: validates the fields and maps engine errors to them (renderer).
import {
  OPTIMIZER_CONSTANT_TITLES,
  OPTIMIZER_CONSTANTS,
  OPTIMIZER_DEFAULTS,
  OPTIMIZER_KINDS,
  OptimizerSchema,
  type OptimizerConfig,
  type OptimizerConstant,
  type OptimizerKind,
} from '../../engine/optimizers/optimizerConfig.js';
import type { SurfaceDescend } from '../../engine/protocol/surfaces.js';

/** Every input of the descent form a message can be shown at. */
export type DescentField = 'startX' | 'startY' | 'stepSize' | 'steps' | 'decay' | 'optimizer' | OptimizerConstant;
export type DescentErrors = Partial<Record<DescentField, string>>;

/** What the inputs hold: a number, or null while a field is empty or not a number. */
export interface DescentInput {
  startX: number | null;
  startY: number | null;
  stepSize: number | null;
  steps: number | null;
  decay: number | null;
  optimizer: OptimizerKind;
  /** The optimizer's constants as typed; only those its kind uses are checked and sent (the defaults when left out). */
  constants?: Partial<Record<OptimizerConstant, number | null>>;
}

/** The constants of the optimizer, each set, as a run records them. */
export type OptimizerConstants = Partial<Record<OptimizerConstant, number>>;

/** Validated settings of one descent, as a surface.descend request carries them; `constants` only for an optimizer that has some. */
export type DescentSettings = Pick<SurfaceDescend, 'start' | 'learningRate' | 'steps' | 'decay'> & {
  decay: number;
  optimizer: OptimizerKind;
  constants?: OptimizerConstants;
};

export const MAX_STEPS = 100_000;

const OPTIMIZER_CONSTANTS_ALL = Object.keys(OPTIMIZER_DEFAULTS) as OptimizerConstant[];

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
  const constants: OptimizerConstants = {};
  if (!OPTIMIZER_KINDS.includes(input.optimizer)) errors.optimizer = `Choose one of ${OPTIMIZER_KINDS.join(', ')}`;
  else
    for (const name of OPTIMIZER_CONSTANTS[input.optimizer]) {
      const typed = input.constants?.[name];
      const value = typed === undefined ? OPTIMIZER_DEFAULTS[name] : typed;
      const checked = isNumber(value) ? OptimizerSchema.shape[name].safeParse(value) : undefined;
      if (checked?.success) constants[name] = value!;
      else errors[name] = checked ? capitalise(checked.error.issues[0]!.message) : `Enter a number for ${OPTIMIZER_CONSTANT_TITLES[name].symbol}`;
    }
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
      ...(Object.keys(constants).length ? { constants } : {}),
    },
  };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The optimizer as a request carries it: its kind and every constant it uses. */
export function optimizerOf(settings: Pick<DescentSettings, 'optimizer' | 'constants'>): OptimizerConfig {
  return { kind: settings.optimizer, ...settings.constants };
}

/** The form field an engine error names: "start" → startX, "learningRate" → stepSize, "optimizer.kind" → optimizer, "optimizer.beta1" → beta1. */
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
      return sub && (OPTIMIZER_CONSTANTS_ALL as readonly string[]).includes(sub) ? (sub as OptimizerConstant) : 'optimizer';
    default:
      return undefined;
  }
}
