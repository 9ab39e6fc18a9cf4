import { z } from 'zod';
import { MAX_SNIPPET_BODY, MAX_SNIPPETS } from '../../snippets/limits';
import type { Snippet } from '../../snippets/snippet';
import { declareRequests, replyType } from '../declare-requests';

export const snippetId = z.string().min(1).max(100);
const snippetDraft = z.object({
  title: z.string().trim().min(1).max(100),
  body: z.string().min(1).max(MAX_SNIPPET_BODY),
  category: z.string().trim().min(1).max(40),
  tags: z.array(z.string().trim().min(1).max(30)).max(20),
  shortcut: z.string().trim().regex(/^[a-z0-9]{1,16}$/i, 'use 1–16 letters or digits').optional(),
});

/** The agent's reply snippets. Team packs and sheets, which also write snippets, are the packs domain. */
export const snippetRequests = declareRequests({
  'snippets.all': { from: ['content', 'extension-page'], reply: replyType<Snippet[]>() },
  'snippets.save': { from: ['extension-page'], fields: { id: snippetId.optional(), draft: snippetDraft }, reply: replyType<Snippet>() },
  /** Answers the deleted snippet, for undo. */
  'snippets.delete': { from: ['extension-page'], fields: { id: snippetId }, reply: replyType<Snippet | null>() },
  // Each snippet is checked in full by the store before it is put back.
  'snippets.restore': { from: ['extension-page'], fields: { snippets: z.array(z.unknown()).min(1).max(MAX_SNIPPETS) }, reply: replyType<null>() },
  'snippets.reorder': { from: ['extension-page'], fields: { ids: z.array(snippetId).min(1).max(MAX_SNIPPETS) }, reply: replyType<null>() },
  'snippets.used': { from: ['content', 'extension-page'], fields: { id: snippetId }, reply: replyType<null>() },
});
