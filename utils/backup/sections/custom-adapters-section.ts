import { z } from 'zod';
import type { Adapter } from '../../adapters/adapter-schema';
import { parseCustomAdapter } from '../../adapters/custom/custom-adapter-parse';
import { customAdapters } from '../../adapters/custom/custom-adapters-api';
import { defineSection } from '../backup-section';

/** One custom adapter, checked exactly as the options page checks a pasted one (schema and allowed hosts). */
const customAdapterSchema = z.unknown().transform((raw, ctx): Adapter => {
  const parsed = parseCustomAdapter(raw);
  if (parsed.ok) return parsed.adapter;
  for (const message of parsed.errors) ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
});

/**
 * The shop's own adapters (kept in extension storage). Restored after the database commit; on a new profile each
 * host waits for the agent's grant in the options page before the adapter runs.
 */
export const customAdaptersSection = defineSection({
  id: 'customAdapters',
  schema: z
    .array(customAdapterSchema)
    .max(200)
    .refine((list) => new Set(list.map((a) => a.id)).size === list.length, 'two adapters have the same id'),
  stores: [],
  read: () => customAdapters.export(),
  write: () => [],
  afterCommit: async (list) => {
    await customAdapters.restore(list);
  },
});
