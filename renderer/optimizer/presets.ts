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
