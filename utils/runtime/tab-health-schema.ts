import { z } from 'zod';
import type { TabHealth } from './tab-messages';

const partHealthSchema = z.object({ name: z.string(), count: z.number(), optional: z.boolean() });

/** The popup checks a tab's health answer before showing it (the tab runs in a page we do not control). */
export const tabHealthSchema: z.ZodType<TabHealth> = z.object({
  host: z.string(),
  active: z.boolean(),
  adapter: z.object({ id: z.string(), name: z.string() }).nullable(),
  pageKind: z.enum(['items', 'orders', 'chat']).nullable(),
  generic: z.boolean().optional(),
  parts: z.array(partHealthSchema),
  features: z.record(z.string(), z.enum(['running', 'waiting', 'off', 'failed'])),
  figures: z.record(z.string(), z.number()),
});
