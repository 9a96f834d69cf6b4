// Answers gradcheck.run with a gradcheck.report, or an error naming the field at fault; time-sliced and stoppable; pure, engine process.
import { GradcheckInputError, gradcheckSteps } from '../gradcheck/runGradcheck.js';
import { runStepsSliced } from '../work/steps.js';
import { gradcheckCost } from '../budget/requestCost.js';
import type { ErrorEvent } from '../protocol/errors.js';
import type { GradcheckReport, GradcheckRun } from '../protocol/gradcheck.js';
import type { EngineContext } from './engineContext.js';

/** Runs the check the request describes (see runGradcheck) and returns the event that answers it. */
export async function handleGradcheck(
  request: GradcheckRun,
  context: Pick<EngineContext, 'kernels' | 'work' | 'budget'>,
): Promise<GradcheckReport | ErrorEvent> {
  const { requestId } = request;
  const admitted = context.budget.admit(gradcheckCost(request));
  if ('issue' in admitted) return { type: 'error', requestId, code: 'over-budget', ...admitted.issue };
  try {
    const result = await runStepsSliced(gradcheckSteps(request, context.kernels), context.work.slicer());
    return { type: 'gradcheck.report', requestId, variant: result.variant, threshold: result.threshold, checks: result.checks };
  } catch (error) {
    if (error instanceof GradcheckInputError) return { type: 'error', requestId, message: error.message, field: error.field };
    throw error;
  } finally {
    admitted.release();
  }
}
