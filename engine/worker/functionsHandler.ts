// Answers functions.sample: an activation or loss with its symbolic and numerical derivatives and the error against epsilon; pure.
import { findFunction } from '../functions/catalog.js';
import { differenceError, logSpacedEpsilons, sampleDerivatives } from '../functions/numericDerivative.js';
import type { ErrorEvent } from '../protocol/errors.js';
import type { FunctionSamples, FunctionsSample } from '../protocol/functions.js';

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
