// The id an answer to a request carries; pure, any process.

/** The id an answer to `request` carries: a training request's runId, any other request's requestId. */
export function requestIds(request: { requestId: string } | { runId: string }): { runId?: string; requestId?: string } {
  return 'requestId' in request ? { requestId: request.requestId } : { runId: request.runId };
}
