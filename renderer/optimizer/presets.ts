// The exercise's three gradient-descent runs on its surface, offered as one-click presets (renderer).
import { EXERCISE_DESCENT, type DescentInput } from './descentFields.js';

export interface DescentPreset {
  id: string;
  /** The button's text. */
  label: string;
  /** The final value the exercise reports, for the button's description. */
  expected: string;
  input: DescentInput;
}

/** The surface every preset runs on. */
export const PRESET_SURFACE = 'exercise';

export const DESCENT_PRESETS: readonly DescentPreset[] = [
  { id: 'run-1', label: 'Step 0.1 × 10 steps', expected: 'f ≈ 1.29676', input: { ...EXERCISE_DESCENT } },
  { id: 'run-2', label: 'Step 0.15 × 500 steps', expected: 'f ≈ −2.28071', input: { ...EXERCISE_DESCENT, stepSize: 0.15, steps: 500 } },
  { id: 'run-3', label: 'Step 0.5 × 100, decay 0.95', expected: 'f ≈ −2.28071', input: { ...EXERCISE_DESCENT, stepSize: 0.5, steps: 100, decay: 0.95 } },
];

/** The exercise's two tuning tasks, at the settings its runs answer them with: a better step size, and step 0.5 with decay 0.95. */
export const TUNING_TODOS: readonly { id: string; label: string; stepSize: number; decay: number; steps: number }[] = (
  [
    ['run-2', 'TODO 1: a better step size'],
    ['run-3', 'TODO 2: step 0.5, decay 0.95'],
  ] as const
).map(([id, label]) => {
  const { input } = DESCENT_PRESETS.find((p) => p.id === id)!;
  return { id, label, stepSize: input.stepSize!, decay: input.decay!, steps: input.steps! };
});
