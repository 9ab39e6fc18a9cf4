import { z } from 'zod';
import { broadcastSchema } from '../messaging/protocol';

/** Messages a console tab's content script accepts (from the popup, or broadcasts from the worker). */
export const tabMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tab.health') }),
  z.object({ type: z.literal('palette.open') }),
  broadcastSchema,
]);
export type TabMessage = z.infer<typeof tabMessageSchema>;

const partHealthSchema = z.object({ name: z.string(), count: z.number(), optional: z.boolean() });

/** What a console tab says about itself: which adapter and page matched, what it found, what runs. */
export const tabHealthSchema = z.object({
  host: z.string(),
  active: z.boolean(),
  adapter: z.object({ id: z.string(), name: z.string() }).nullable(),
  pageKind: z.enum(['items', 'orders', 'chat']).nullable(),
  parts: z.array(partHealthSchema),
  features: z.record(z.string(), z.enum(['running', 'waiting', 'off', 'failed'])),
});
export type TabHealth = z.infer<typeof tabHealthSchema>;

/** Required parts that match nothing: the page changed, or the adapter is wrong for it. */
export function missingParts(health: Pick<TabHealth, 'parts'>): string[] {
  return health.parts.filter((p) => !p.optional && p.count === 0).map((p) => p.name);
}
