import { z } from 'zod';
import type { FeedValidators } from '../../feeds/fetch-feed';
import type { KeptAdapter } from '../../packs/pack-adapters';
import type { PackCheck } from '../../packs/pack-check';
import type { Pack } from '../../packs/pack-format';
import type { PackPreview } from '../../packs/pack-merge';
import type { PackSummary } from '../../packs/pack-record';
import type { SheetImportPreview } from '../../packs/sheet-import';
import type { SheetSnippet } from '../../packs/snippet-sheet';
import { MAX_SNIPPETS } from '../../snippets/limits';
import { declareRequests, replyType } from '../declare-requests';

const packId = z.string().min(1).max(40);

/**
 * Team packs and snippet sheets. Packs and sheet rows are checked in full by the worker (utils/packs) with their
 * own zod schemas, so here they are only bounded.
 */
export const packRequests = declareRequests({
  'packs.list': { from: ['extension-page'], reply: replyType<PackSummary[]>() },
  'packs.pending': { from: ['extension-page'], fields: { id: packId }, reply: replyType<{ pack: Pack; preview: PackPreview } | null>() },
  /** What the URL holds, checked, and what importing it would do. */
  'packs.fetch': {
    from: ['extension-page'],
    fields: { url: z.string().url().max(2000) },
    reply: replyType<
      | { kind: 'pack'; pack: Pack; validators: FeedValidators; preview: PackPreview }
      | { kind: 'sheet'; rows: SheetSnippet[]; format: string; preview: SheetImportPreview }
    >(),
  },
  'packs.preview': { from: ['extension-page'], fields: { pack: z.unknown() }, reply: replyType<PackPreview>() },
  'packs.apply': {
    from: ['extension-page'],
    fields: {
      pack: z.unknown(),
      takeTeam: z.array(z.string().max(100)).max(MAX_SNIPPETS),
      subscribe: z
        .object({
          url: z.string().url().max(2000),
          intervalMinutes: z.number().int().min(5).max(7 * 24 * 60),
          // The validators of the response the agent previewed: the first refresh can then be a 304.
          etag: z.string().max(500).optional(),
          lastModified: z.string().max(100).optional(),
        })
        .optional(),
    },
    reply: replyType<PackPreview>(),
  },
  'packs.check': { from: ['extension-page'], fields: { id: packId.optional() }, reply: replyType<PackCheck[]>() },
  /** Both also undo (or remove) the pack's adapters, except those the agent changed: those are named in `keptAdapters`. */
  'packs.undo': { from: ['extension-page'], fields: { id: packId }, reply: replyType<{ keptAdapters: KeptAdapter[] }>() },
  'packs.remove': { from: ['extension-page'], fields: { id: packId }, reply: replyType<{ keptAdapters: KeptAdapter[] }>() },
  'snippets.importSheet': {
    from: ['extension-page'],
    fields: { rows: z.array(z.unknown()).min(1).max(MAX_SNIPPETS), commit: z.boolean() },
    reply: replyType<SheetImportPreview>(),
  },
});
