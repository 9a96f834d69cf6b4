// The Optimizer lab's work in a project file and back (renderer): the surface, the descent form and every path on the plot.
import { readNumbers, savedNumbers, type OptimizerWork } from '../../engine/projectFile.js';
import type { SurfacePath } from '../../engine/protocol/surfaces.js';
import type { WorkAdapter } from '../models/labSessions.js';
import { formValuesOf, restoreFormValues } from '../models/formValues.js';
import { validateDescent, type DescentSettings } from './descentFields.js';
import type { DescentForm } from './descentForm.svelte.js';
import type { DescentRun, OptimizerLabState } from './optimizerLab.svelte.js';
import { runLabel } from './runLabels.js';

const FORM_FIELDS = ['startX', 'startY', 'stepSize', 'steps', 'decay', 'optimizer'] as const satisfies readonly (keyof DescentForm)[];

/** Saved settings that still validate as the form would have them, else null (the run is left out). */
function settingsOf(saved: Record<string, unknown>): DescentSettings | null {
  const start = (saved.start ?? {}) as { x?: unknown; y?: unknown };
  const number = (value: unknown) => (typeof value === 'number' ? value : null);
  const checked = validateDescent({
    startX: number(start.x),
    startY: number(start.y),
    stepSize: number(saved.learningRate),
    steps: number(saved.steps),
    decay: number(saved.decay),
    optimizer: saved.optimizer as DescentSettings['optimizer'],
  });
  return checked.ok ? { ...(saved as unknown as DescentSettings), ...checked.value } : null;
}

export const optimizerWork: WorkAdapter<OptimizerLabState, OptimizerWork> = {
  save(lab) {
    return {
      surface: lab.surfaceId,
      expression: lab.expression,
      form: formValuesOf(lab.form, FORM_FIELDS),
      runs: lab.runs.map((run) => {
        const { x, y, f, type: _type, requestId: _id, ...rest } = run.path;
        return {
          settings: JSON.parse(JSON.stringify(run.settings)) as OptimizerWork['form'],
          path: { ...(JSON.parse(JSON.stringify(rest)) as OptimizerWork['form']), x: savedNumbers(x), y: savedNumbers(y), f: savedNumbers(f) },
          kept: run !== lab.current,
        };
      }),
    };
  },
  results: (work) => (work.runs.length ? work.runs.map((run) => run.settings) : undefined),
  restore(lab, work) {
    restoreFormValues(lab.form, work.form, FORM_FIELDS);
    const runs = work.runs.flatMap((saved) => {
      const settings = settingsOf(saved.settings);
      if (!settings) return [];
      const { x, y, f, ...rest } = saved.path;
      const path = { ...rest, type: 'surface.path', requestId: '', x: readNumbers(x), y: readNumbers(y), f: readNumbers(f) } as SurfacePath;
      const run: Omit<DescentRun, 'serial' | 'colour'> = { settings, path, label: runLabel(settings) };
      return [{ run, kept: saved.kept }];
    });
    const current = runs.find((r) => !r.kept)?.run ?? null;
    lab.restore(
      work.surface,
      work.expression,
      runs.filter((r) => r.kept).map((r) => r.run),
      current,
    );
  },
};
