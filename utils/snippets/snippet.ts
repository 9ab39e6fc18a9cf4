/** The service stages snippets are grouped by, in the order of an agent's conversation. */
export const SNIPPET_CATEGORIES = ['欢迎', '咨询/沟通', '议价', '催付', '核对地址', '物流/发货', '售后', '欢送/好评'] as const;
export type BuiltinCategory = (typeof SNIPPET_CATEGORIES)[number];

/** Search keys computed once when a snippet is saved (in the worker, which has the pinyin dictionary). */
export interface SnippetSearchKeys {
  /** Lower-cased title + tags + shortcut + body, for direct (Chinese or Latin) matching. */
  text: string;
  /** Full pinyin without tones or spaces, of title + tags (e.g. "tuikuanshuoming"). */
  pinyin: string;
  /** Pinyin initials of title + tags (e.g. "tksm" for 退款说明). */
  initials: string;
}

export interface Snippet {
  id: string;
  title: string;
  body: string;
  /** One of SNIPPET_CATEGORIES, or the agent's own category. */
  category: string;
  tags: string[];
  /** Typing `/` + shortcut + space in the reply box expands it (e.g. `hy`). */
  shortcut?: string;
  /** 'local' for the agent's own; otherwise the id of the team pack it came from. */
  origin: string;
  /** Position within its category (ascending). */
  order: number;
  uses: number;
  lastUsedAt?: number;
  updatedAt: number;
  keys: SnippetSearchKeys;
}

/** What the agent edits; the rest is kept by Xiaoer. */
export type SnippetDraft = Pick<Snippet, 'title' | 'body' | 'category' | 'tags'> & { shortcut?: string };
