// The Gradients lab's work in a project file and back (renderer): the function explored, the gradient check's form and its last report.
import { readNumbers, savedNumbers, type GradientsWork } from '../../engine/projectFile.js';
import { GradcheckReportSchema } from '../../engine/protocol/gradcheck.js';
import type { WorkAdapter } from '../models/labSessions.js';
import { formValuesOf, restoreFormValues } from '../models/formValues.js';
import type { FunctionExplorer } from './functionExplorer.svelte.js';
import type { CheckedReport, GradcheckSession } from './gradcheckSession.svelte.js';
import type { GradcheckFormValues } from './gradcheckSubject.js';

/** The Gradients lab's two parts, kept together by the shell. */
export interface GradientsSession {
  explorer: FunctionExplorer;
  gradcheck: GradcheckSession;
}

/** A plain copy of state (a proxy included). */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const EXPLORER_FIELDS = ['functionId', 'epsilon', 'at'] as const satisfies readonly (keyof FunctionExplorer)[];

/** The report as a project keeps it: each gradient's per-entry errors as a list of numbers (a Float64Array is not JSON). */
function savedReport(result: CheckedReport): GradientsWork['report'] {
  const checks = result.report.checks.map(({ entries, ...check }) => (entries ? { ...check, entries: savedNumbers(entries) } : check));
  return plain({ ...result, report: { ...result.report, checks } }) as unknown as GradientsWork['report'];
}

/** The saved report, if it still reads as the engine's report with the request it answered (its entries as a Float64Array again). */
function reportOf(saved: unknown): CheckedReport | null {
  const { report, request } = (saved ?? {}) as { report?: { checks?: unknown }; request?: unknown };
  const checks = Array.isArray(report?.checks)
    ? report.checks.map((check: { entries?: unknown }) =>
        Array.isArray(check?.entries) ? { ...check, entries: readNumbers(check.entries as (number | null)[]) } : check,
      )
    : report?.checks;
  const parsed = GradcheckReportSchema.safeParse(report ? { ...report, checks } : report);
  return parsed.success && typeof request === 'object' && request !== null ? { report: parsed.data, request: request as CheckedReport['request'] } : null;
}

export const gradientsWork: WorkAdapter<GradientsSession, GradientsWork> = {
  save({ explorer, gradcheck }) {
    const values = plain(gradcheck.values);
    const result = gradcheck.result ? savedReport(gradcheck.result) : undefined;
    return {
      explorer: formValuesOf(explorer, EXPLORER_FIELDS),
      gradcheck: formValuesOf(values, Object.keys(values) as (keyof GradcheckFormValues)[]),
      ...(result ? { report: result } : {}),
    };
  },
  results: (work) => work.report,
  restore({ explorer, gradcheck }, work) {
    restoreFormValues(explorer, work.explorer, EXPLORER_FIELDS);
    const values = plain(gradcheck.values);
    restoreFormValues(values, work.gradcheck, Object.keys(values) as (keyof GradcheckFormValues)[]);
    gradcheck.values = values;
    gradcheck.result = reportOf(work.report);
  },
};
