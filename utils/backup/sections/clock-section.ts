import { z } from 'zod';
import type { ClockConversation, ClockRecord } from '../../response-clock/records';
import { defineSection } from '../backup-section';
import { pseudonymizeBuyerKeys } from '../../response-clock/pseudonymize';

const key = z.string().regex(/^[0-9a-f]{32}$/);
const id = z.string().min(1).max(100);
const time = z.number().int().min(0);
const snippetId = z.string().min(1).max(100);

const recordSchema: z.ZodType<ClockRecord> = z.discriminatedUnion('kind', [
  z.object({ id, kind: z.literal('wait'), key, at: time, newBuyer: z.boolean(), answeredAt: time.optional() }),
  z.object({ id, kind: z.literal('reply'), key, at: time, snippetId: snippetId.optional() }),
  z.object({ id, kind: z.literal('orders'), key, at: time, orderedAt: time.optional() }),
]);

const conversationSchema: z.ZodType<ClockConversation> = z.object({
  key,
  waitingSince: time.nullable(),
  newBuyer: z.boolean(),
  waitId: id.optional(),
  alerted: z.boolean(),
  updatedAt: time,
});

/** The agent's day figures (hashed buyer keys and times only) and each conversation's live wait. */
export const clockSection = defineSection({
  id: 'clock',
  schema: z.object({ records: z.array(recordSchema).max(1_000_000), conversations: z.array(conversationSchema).max(100_000) }),
  stores: ['clockRecords', 'clockConversations'],
  // The figures come along under fresh keys; the live waits are of buyers this install cannot match.
  fromAnotherInstall: ({ records }) => ({ records: pseudonymizeBuyerKeys(records), conversations: [] }),
  read: async (db) => ({ records: await db.getAll('clockRecords'), conversations: await db.getAll('clockConversations') }),
  write(tx, { records, conversations }) {
    const recordStore = tx.objectStore('clockRecords');
    const conversationStore = tx.objectStore('clockConversations');
    return [...records.map((r) => recordStore.put(r)), ...conversations.map((c) => conversationStore.put(c))];
  },
});
