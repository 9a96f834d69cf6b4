// Answers gradcheck.run with a gradcheck.report, or an error naming the field at fault; pure, engine process.
import { GradcheckInputError, runGradcheck } from '../gradcheck/runGradcheck.js';
import type { GradcheckRun } from '../protocol/gradcheck.js';
import type { EngineEvent } from '../protocol/index.js';
import type { Kernels } from '../kernels/kernels.js';

/** Runs the check the request describes (see runGradcheck) and returns the event that answers it. */
export function handleGradcheck(request: GradcheckRun, kernels?: Kernels): EngineEvent {
  const { requestId } = request;
  try {
    const result = runGradcheck(request, kernels);
    return { type: 'gradcheck.report', requestId, variant: result.variant, threshold: result.threshold, checks: result.checks };
  } catch (error) {
    if (error instanceof GradcheckInputError) return { type: 'error', requestId, message: error.message, field: error.field };
    throw error;
  }
}
