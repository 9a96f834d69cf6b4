// Answers gradcheck.run with a gradcheck.report, or an error naming the field at fault; pure, engine process.
import { GradcheckInputError, runGradcheck } from '../gradcheck/runGradcheck.js';
import type { ErrorEvent } from '../protocol/errors.js';
import type { GradcheckReport, GradcheckRun } from '../protocol/gradcheck.js';
import type { EngineContext } from './engineContext.js';

/** Runs the check the request describes (see runGradcheck) and returns the event that answers it. */
export async function handleGradcheck(request: GradcheckRun, context: Pick<EngineContext, 'kernels'>): Promise<GradcheckReport | ErrorEvent> {
  const { requestId } = request;
  try {
    const result = runGradcheck(request, context.kernels);
    return {
      type: 'gradcheck.report',
      requestId,
      variant: result.variant,
      threshold: result.threshold,
      entryThreshold: result.entryThreshold,
      checks: result.checks,
    };
  } catch (error) {
    if (error instanceof GradcheckInputError) return { type: 'error', requestId, message: error.message, field: error.field };
    throw error;
  }
}
