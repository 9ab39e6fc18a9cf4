import { z } from 'zod';
import { matchPatternProblem } from './match-pattern-advice';
import { PAGE_KINDS, PART_NAMES, type PageKind } from './vocabulary';

export const ADAPTER_FORMAT = 'xiaoer-adapter';
export const ADAPTER_FORMAT_VERSION = 1;

/** Chrome match pattern for http(s) pages, e.g. `https://*.taobao.com/*`; a wrong one is told what to write instead. */
const matchPattern = z
  .string()
  .max(300)
  .superRefine((pattern, ctx) => {
    const problem = matchPatternProblem(pattern);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const regexString = z.string().max(300).refine(compiles, { message: 'is not a valid regular expression' });

import { SELF_SELECTOR } from './self-selector';

export { SELF_SELECTOR };

export const partSchema = z.strictObject({
  /** CSS selector, looked for inside the container (`within`); `:scope` is the container itself. */
  selector: z.string().min(1).max(500),
  /** Name of the part this one is looked for inside (e.g. a row); the whole document when absent. */
  within: z.string().optional(),
  /**
   * The container is a table row: look in its cell under the header that reads this text (库存, 商家编码), found
   * in the table's header row whatever the columns' order; `selector` is then looked for inside that cell.
   */
  column: z.string().min(1).max(40).optional(),
  /**
   * Look in the rows before the container instead of inside it: the nearest earlier sibling that matches the
   * selector or holds a match. For a table whose order number sits in its own header row above the order's line rows
   * (Pinduoduo's beast-core orders).
   */
  preceding: z.boolean().optional(),
  /** Read this attribute instead of the text. */
  attribute: z.string().max(60).optional(),
  /** Regular expression applied to the text; its first group (or the whole match) is the value. */
  pattern: regexString.optional(),
  /** Missing on a page does not count against the adapter's health. */
  optional: z.boolean().optional(),
});

export const pageSchema = z.strictObject({
  kind: z.enum(PAGE_KINDS as [PageKind, ...PageKind[]]),
  /** Regular expression tested against the path, query and hash of the URL. */
  path: regexString,
  parts: z.record(z.string(), partSchema),
});

export const adapterSchema = z
  .strictObject({
    format: z.literal(ADAPTER_FORMAT),
    formatVersion: z.literal(ADAPTER_FORMAT_VERSION),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'use lower-case letters, digits and dashes'),
    name: z.string().min(1).max(80),
    version: z.number().int().min(1),
    /** Match patterns of the hosts this adapter is for. */
    matches: z.array(matchPattern).min(1),
    /** The longest order remark the console keeps (Taobao cuts memos at 500 characters); default 500. */
    remarkMaxLength: z.number().int().min(20).max(5000).optional(),
    pages: z.array(pageSchema).min(1),
  })
  .superRefine((adapter, ctx) => {
    adapter.pages.forEach((page, pageIndex) => {
      const known: readonly string[] = PART_NAMES[page.kind];
      for (const [name, part] of Object.entries(page.parts)) {
        const path = ['pages', pageIndex, 'parts', name];
        if (!known.includes(name)) {
          ctx.addIssue({ code: 'custom', path, message: `unknown part "${name}" for a ${page.kind} page; known: ${known.join(', ')}` });
        }
        if (part.within !== undefined && !(part.within in page.parts)) {
          ctx.addIssue({ code: 'custom', path: [...path, 'within'], message: `refers to part "${part.within}", which this page does not define` });
        }
        if (part.within === undefined && part.selector.trim() === SELF_SELECTOR) {
          ctx.addIssue({ code: 'custom', path: [...path, 'selector'], message: '":scope" means the container itself: set "within" to the part it is (e.g. "row")' });
        }
        if (part.within === undefined && part.preceding) {
          ctx.addIssue({ code: 'custom', path: [...path, 'preceding'], message: 'rows before the container need a container: set "within" (e.g. "order")' });
        }
        if (part.within === undefined && part.column !== undefined) {
          ctx.addIssue({ code: 'custom', path: [...path, 'column'], message: 'a column is looked for in a table row: set "within" to the row part (e.g. "row" or "line")' });
        }
        if (part.within === name) {
          ctx.addIssue({ code: 'custom', path: [...path, 'within'], message: 'a part cannot be inside itself' });
        }
      }
    });
  });

export type PartSpec = z.infer<typeof partSchema>;
export type PageSpec = z.infer<typeof pageSchema>;
export type Adapter = z.infer<typeof adapterSchema>;

export type AdapterParse = { ok: true; adapter: Adapter } | { ok: false; errors: string[] };

/** Validates untrusted adapter JSON; each error names the field it is about. */
export function parseAdapter(input: unknown): AdapterParse {
  const result = adapterSchema.safeParse(input);
  if (result.success) return { ok: true, adapter: result.data };
  return { ok: false, errors: result.error.issues.map((i) => `${i.path.join('.') || '(adapter)'}: ${i.message}`) };
}

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}
