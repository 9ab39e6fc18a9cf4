import { REQUESTS, requestSchema, type Request, type RequestType } from './protocol';
import type { SenderKind } from './sender-policy';

export type Validated = { ok: true; request: Request } | { ok: false; error: string };

/** Checks shape and sender of an incoming message; errors say exactly what was wrong. */
export function validateRequest(raw: unknown, sender: SenderKind | null): Validated {
  if (sender === null) return { ok: false, error: 'Rejected: the sender is not part of Xiaoer.' };
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success) {
    const type = typeof raw === 'object' && raw && 'type' in raw ? String((raw as { type: unknown }).type) : '(none)';
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ');
    return { ok: false, error: `Rejected message of type "${type}": ${detail}` };
  }
  const request = parsed.data as Request;
  if (!REQUESTS[request.type as RequestType].from.includes(sender)) {
    return { ok: false, error: `Rejected: "${request.type}" may not be sent from a ${sender}.` };
  }
  return { ok: true, request };
}
