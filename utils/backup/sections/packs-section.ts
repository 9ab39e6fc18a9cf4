import { z } from 'zod';
import { packIdSchema, packSchema, packSnippetSchema, teamAdaptersSchema } from '../../packs/pack-format';
import type { PackRecord } from '../../packs/pack-record';
import { defineSection } from '../backup-section';

const packRecordSchema = z.object({
  id: packIdSchema,
  name: z.string().min(1).max(80),
  version: z.number().int().min(1),
  updatedAt: z.string().max(40),
  author: z.string().max(80).optional(),
  appliedAt: z.number(),
  base: z.array(packSnippetSchema).max(20_000),
  adapterBase: teamAdaptersSchema.optional(),
  url: z.string().url().max(2000).optional(),
  intervalMinutes: z.number().int().min(1).max(7 * 24 * 60).optional(),
  lastCheckedAt: z.number().optional(),
  pending: packSchema.optional(),
});

/**
 * Team packs and their subscriptions. The undo copy and the HTTP validators are left out: a restored profile
 * fetches each subscription afresh, and there is nothing to undo yet.
 */
export const packsSection = defineSection({
  id: 'packs',
  schema: z.array(packRecordSchema).max(500),
  stores: ['packs'],
  async read(db) {
    return (await db.getAll('packs')).map((p) => packRecordSchema.parse(p));
  },
  write(tx, packs) {
    const store = tx.objectStore('packs');
    return packs.map((p) => store.put({ ...(p as PackRecord), nextSyncAt: 0 }));
  },
});
