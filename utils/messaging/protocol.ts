import { z } from 'zod';
import { BROADCAST_EVENTS, type BroadcastEvent } from './broadcast-events';
import { joinDomains, type ReplyOf } from './declare-requests';
import { adapterRequests } from './domains/adapters';
import { backupRequests } from './domains/backup';
import { clockRequests } from './domains/clock';
import { extensionRequests } from './domains/extension';
import { logRequests } from './domains/log';
import { orderRequests } from './domains/orders';
import { packRequests } from './domains/packs';
import { snippetRequests } from './domains/snippets';
import { stockRequests } from './domains/stock';

export type { SenderKind } from './sender-policy';

/**
 * Every request the worker answers, as the domains declare them (utils/messaging/domains/*): schema, senders,
 * reply. Validated with zod at the worker boundary: anything else is refused with a clear error.
 */
export const REQUESTS = joinDomains([
  extensionRequests,
  logRequests,
  stockRequests,
  orderRequests,
  snippetRequests,
  packRequests,
  backupRequests,
  clockRequests,
  adapterRequests,
]);

type Declared = typeof REQUESTS;
export type RequestType = keyof Declared & string;
export type Request = { [T in RequestType]: z.infer<Declared[T]['schema']> }[RequestType];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** What each request answers with. */
export type Responses = { [T in RequestType]: ReplyOf<Declared[T]> };

export const requestSchema = z.discriminatedUnion(
  'type',
  Object.values(REQUESTS).map((declared) => declared.schema) as unknown as [z.ZodObject<{ type: z.ZodLiteral<string> }>],
);

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

/** A change the worker announces (utils/messaging/broadcast-events.ts says which and to whom). */
export const broadcastSchema = z.object({ type: z.literal('broadcast'), event: z.enum(BROADCAST_EVENTS) });
export type Broadcast = z.infer<typeof broadcastSchema>;
export type { BroadcastEvent };
