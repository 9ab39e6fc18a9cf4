import { z } from 'zod';
import type { TabHealth } from './tab-messages';

const pageKind = z.enum(['items', 'orders', 'chat']);
const partHealthSchema = z.object({ name: z.string(), count: z.number(), optional: z.boolean(), kind: pageKind.optional() });

/** The popup checks a tab's health answer before showing it (the tab runs in a page we do not control). */
export const tabHealthSchema: z.ZodType<TabHealth> = z.object({
  host: z.string(),
  active: z.boolean(),
  adapter: z.object({ id: z.string(), name: z.string() }).nullable(),
  pageKind: pageKind.nullable(),
  pageKinds: z.array(pageKind).optional(),
  generic: z.boolean().optional(),
  parts: z.array(partHealthSchema),
  features: z.record(z.string(), z.enum(['running', 'waiting', 'off', 'failed'])),
  figures: z.record(z.string(), z.number()),
});
