// Answers functions.sample (an activation or loss with its symbolic and numerical derivatives and the error against epsilon) and functions.checkTyped (the user's own activation, sampled and checked); pure.
import { findFunction } from '../functions/catalog.js';
import { centralDifference, differenceError, logSpacedEpsilons, sampleDerivatives } from '../functions/numericDerivative.js';
import { checkDerivative, compileTypedActivation, TypedActivationError, type DerivativeCheck } from '../functions/typedActivation.js';
import { EXERCISE_ERROR_THRESHOLD } from '../gradcheck/checkGradient.js';
import type { ErrorEvent } from '../protocol/errors.js';
import type { DerivativeCheckReport, FunctionSamples, FunctionsCheckTyped, FunctionsSample, FunctionsTypedChecked } from '../protocol/functions.js';

/** The function's samples and derivatives, or an error naming the unknown function or the empty range. */
export async function handleFunctionsSample(request: FunctionsSample): Promise<FunctionSamples | ErrorEvent> {
  const fn = findFunction(request.functionId);
  if (!fn) return { type: 'error', requestId: request.requestId, field: 'functionId', message: `unknown function "${request.functionId}"` };
  const lo = request.lo ?? fn.domain[0];
  const hi = request.hi ?? fn.domain[1];
  if (!(hi > lo)) return { type: 'error', requestId: request.requestId, field: 'hi', message: 'the range needs hi > lo' };
  const samples = sampleDerivatives(fn, lo, hi, request.count, request.epsilon);
  const curve = differenceError(fn, request.at, logSpacedEpsilons());
  return {
    type: 'functions.samples',
    requestId: request.requestId,
    functionId: fn.id,
    ...samples,
    errorCurve: { epsilon: Float64Array.from(curve, (p) => p.epsilon), error: Float64Array.from(curve, (p) => p.error) },
  };
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

function report(check: DerivativeCheck): DerivativeCheckReport {
  return {
    ok: check.ok,
    error: finiteOrNull(check.error),
    relativeError: finiteOrNull(check.relativeError),
    points: check.x.length,
    worst: {
      x: check.worst.x,
      analytic: finiteOrNull(check.worst.analytic),
      numerical: finiteOrNull(check.worst.numerical),
      error: finiteOrNull(check.worst.error),
    },
    ...(check.problem === undefined ? {} : { problem: check.problem }),
  };
}

/** The typed activation sampled on [lo, hi] with its derivatives, and the checks of the typed f′ and of the lab's own; or an error at the field and column of a typing mistake. */
export async function handleFunctionsCheckTyped(request: FunctionsCheckTyped): Promise<FunctionsTypedChecked | ErrorEvent> {
  const { requestId, lo, hi, count, epsilon } = request;
  if (!(hi > lo)) return { type: 'error', requestId, field: 'hi', message: 'the range needs hi > lo' };
  let activation;
  try {
    activation = compileTypedActivation(request.f, request.df);
  } catch (error) {
    if (error instanceof TypedActivationError) return { type: 'error', requestId, field: error.field, column: error.column, message: error.message };
    throw error;
  }
  const x = Float64Array.from({ length: count }, (_, i) => lo + ((hi - lo) * i) / (count - 1));
  const typed = activation.typed;
  return {
    type: 'functions.typedChecked',
    requestId,
    x,
    value: x.map(activation.value),
    symbolic: x.map(activation.derivative),
    numerical: x.map((xi) => centralDifference(activation.value, xi, epsilon)),
    ...(typed ? { typed: x.map(typed), typedCheck: report(checkDerivative(activation.value, typed)) } : {}),
    labCheck: report(checkDerivative(activation.value, activation.derivative)),
    threshold: EXERCISE_ERROR_THRESHOLD,
  };
}
