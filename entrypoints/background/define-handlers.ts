import type { z } from 'zod';
import type { ReplyOf, ReplyType } from '@/utils/messaging/declare-requests';
import type { SenderInfo } from '@/utils/messaging/sender-policy';

type Declared = { schema: z.ZodType; reply: ReplyType<unknown> };

/** Answers one request; throwing answers `{ ok: false, error: message }`. */
export type RequestHandler<D extends Declared> = (request: z.output<D['schema']>, sender: SenderInfo) => Promise<ReplyOf<D>>;

/**
 * A domain's handlers, one for each request the domain declares: a missing one, or one answering the wrong type, is
 * a type error. Each opens what it needs: the worker may have restarted since the last call.
 */
export function defineHandlers<R extends Record<string, Declared>>(
  _requests: R,
  handlers: { [T in keyof R]: RequestHandler<R[T]> },
): { [T in keyof R]: RequestHandler<R[T]> } {
  return handlers;
}
