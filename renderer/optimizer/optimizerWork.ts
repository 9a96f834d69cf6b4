// The Optimizer lab's work in a project file and back (renderer): the surface, the descent form with the optimizer's constants, the map's settings, the log scale and every path on the plot.
import { readNumbers, savedNumbers, type OptimizerWork } from '../../engine/projectFile.js';
import type { SurfacePath } from '../../engine/protocol/surfaces.js';
import type { WorkAdapter } from '../models/labSessions.js';
import { formValuesOf, restoreFormValues } from '../models/formValues.js';
import { validateDescent, type DescentSettings } from './descentFields.js';
import type { DescentForm } from './descentForm.svelte.js';
import type { MapForm } from './mapForm.svelte.js';
import type { DescentRun, OptimizerLabState } from './optimizerLab.svelte.js';
import { runLabel } from './runLabels.js';

const FORM_FIELDS = [
  'startX',
  'startY',
  'stepSize',
  'steps',
  'decay',
  'optimizer',
  'momentum',
  'rho',
  'beta1',
  'beta2',
  'epsilon',
] as const satisfies readonly (keyof DescentForm)[];
const MAP_FIELDS = [
  'stepMin',
  'stepMax',
  'stepCount',
  'decayMin',
  'decayMax',
  'decayCount',
  'epsilon',
  'measure',
] as const satisfies readonly (keyof MapForm)[];

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
    constants: Object.fromEntries(Object.entries((saved.constants ?? {}) as Record<string, unknown>).map(([name, value]) => [name, number(value)])),
  });
  return checked.ok ? { ...(saved as unknown as DescentSettings), ...checked.value } : null;
}

export const optimizerWork: WorkAdapter<OptimizerLabState, OptimizerWork> = {
  save(lab) {
    return {
      surface: lab.surfaceId,
      expression: lab.expression,
      form: formValuesOf(lab.form, FORM_FIELDS),
      map: formValuesOf(lab.mapForm, MAP_FIELDS),
      logScale: lab.logScale,
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
    if (work.map && typeof work.map === 'object' && !Array.isArray(work.map)) restoreFormValues(lab.mapForm, work.map as OptimizerWork['form'], MAP_FIELDS);
    if (typeof work.logScale === 'boolean') lab.logScale = work.logScale;
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
