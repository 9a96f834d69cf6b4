// Runs the handler of a request's type from a table of handlers and sends the event it answers with; pure, any process.
import type { RequestOf, RequestType } from '../protocol/index.js';
import type { EngineContext } from './engineContext.js';
import type { RequestHandler, RequestHandlers } from './requestHandler.js';

/**
 * Hands `request` to the handler of its type in `handlers`; resolves once it is handled and its answer, if any, is
 * sent. `settled` runs when the handler has finished (answered or thrown), before the answer goes out.
 */
export async function handleRequest<T extends RequestType>(
  handlers: Pick<RequestHandlers, T>,
  request: RequestOf<T>,
  context: EngineContext,
  settled?: () => void,
): Promise<void> {
  const handler = handlers[request.type as T] as RequestHandler<T>;
  let answer;
  try {
    answer = await handler(request, context);
  } finally {
    settled?.();
  }
  if (answer) context.send(answer);
}
