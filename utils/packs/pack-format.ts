import { z } from 'zod';
import { MAX_SNIPPET_BODY, MAX_SNIPPETS } from '../snippets/limits';
import type { Adapter } from '../adapters/adapter-schema';
import { parseCustomAdapter } from '../adapters/custom/custom-adapter-parse';
import { splitTags } from '../snippets/tags';

/** The pack format's name and the only version this release reads. */
export const PACK_FORMAT = 'xiaoer-snippet-pack';
export const PACK_FORMAT_VERSION = 1;
/** A pack file or download larger than this is refused before it is parsed. */
export const MAX_PACK_BYTES = 5 * 1024 * 1024;
export const MAX_PACK_SNIPPETS = MAX_SNIPPETS;

export class PackError extends Error {}

// Markup is text (utils/snippets/markup.ts): a body that looks like HTML is accepted here as in the editor, shown and
// inserted literally, and marked in previews. No path refuses what another accepts.

const text = (field: string, max: number) =>
  z
    .string({ error: `缺少${field}` })
    .trim()
    .min(1, `${field}为空`)
    .max(max, `${field}超过 ${max} 字`);

/** Pack and snippet ids: short, stable, safe in a file name and inside a stored snippet id (`pack:snippet`). */
export const packIdSchema = z.string({ error: '缺少话术包 id' }).regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, '话术包 id 只能用 1–40 个字母、数字、. _ -');
const snippetIdSchema = z.string({ error: '缺少话术 id' }).regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,58}$/, '话术 id 只能用 1–59 个字母、数字、. _ : -');

export const packSnippetSchema = z.object({
  id: snippetIdSchema,
  title: text('标题', 100),
  body: text('内容', MAX_SNIPPET_BODY),
  category: text('分类', 40),
  // A tag holding a separator is the tags it separates, as in a sheet (see utils/snippets/tags.ts).
  tags: z
    .array(z.string({ error: '标签应为文字' }))
    .transform((tags) => [...new Set(tags.flatMap(splitTags))])
    .pipe(z.array(text('标签', 30)).max(20, '标签超过 20 个'))
    .default([]),
  shortcut: z
    .string()
    .trim()
    .regex(/^[a-z0-9]{1,16}$/i, '快捷词只能用 1–16 个字母或数字')
    .transform((s) => s.toLowerCase())
    .optional(),
});
export type PackSnippet = z.infer<typeof packSnippetSchema>;

/**
 * A console adapter a pack carries: untrusted, so checked with the same schema and host rules as one pasted into
 * options → adapters (every field error listed).
 */
const teamAdapterSchema = z.unknown().transform((raw, ctx): Adapter => {
  const parsed = parseCustomAdapter(raw);
  if (parsed.ok) return parsed.adapter;
  ctx.addIssue({ code: 'custom', message: parsed.errors.join('；') });
  return z.NEVER;
});
export const MAX_PACK_ADAPTERS = 20;
export const teamAdaptersSchema = z.array(teamAdapterSchema).max(MAX_PACK_ADAPTERS, `适配器超过 ${MAX_PACK_ADAPTERS} 个上限`);

export const packSchema = z
  .object(
    {
      format: z.literal(PACK_FORMAT, { error: `不是小二话术包（format 应为 "${PACK_FORMAT}"）` }),
      formatVersion: z.literal(PACK_FORMAT_VERSION, { error: `不支持的话术包格式版本（本版本只能读取 formatVersion ${PACK_FORMAT_VERSION}）` }),
      id: packIdSchema,
      name: text('话术包名称', 80),
      version: z.number({ error: '缺少话术包版本号 version' }).int('version 应为整数').min(1, 'version 应大于 0'),
      updatedAt: z.iso.datetime({ offset: true, error: 'updatedAt 应为 ISO 时间，如 2026-11-20T08:00:00Z' }),
      author: text('作者', 80).optional(),
      snippets: z.array(packSnippetSchema, { error: '缺少 snippets 列表' }).max(MAX_PACK_SNIPPETS, `话术超过 ${MAX_PACK_SNIPPETS} 条上限`),
      /** Console adapters the team shares (installed through the same host-permission flow as the agent's own). */
      adapters: teamAdaptersSchema.optional(),
    },
    { error: '话术包应为一个 JSON 对象（{ "format": "xiaoer-snippet-pack", … }）' },
  )
  .superRefine((pack, ctx) => {
    const ids = new Set<string>();
    const shortcuts = new Map<string, string>();
    pack.snippets.forEach((s, i) => {
      if (ids.has(s.id)) ctx.addIssue({ code: 'custom', path: ['snippets', i, 'id'], message: `话术 id “${s.id}”重复` });
      ids.add(s.id);
      if (!s.shortcut) return;
      const owner = shortcuts.get(s.shortcut);
      if (owner) ctx.addIssue({ code: 'custom', path: ['snippets', i, 'shortcut'], message: `快捷词“${s.shortcut}”被“${owner}”和“${s.title}”重复使用` });
      shortcuts.set(s.shortcut, s.title);
    });
  });
export type Pack = z.infer<typeof packSchema>;

/** Checks an untrusted pack object; the error names the first problem and where it is (e.g. 第 3 条话术). */
export function validatePack(raw: unknown): Pack {
  const parsed = packSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new PackError(describeIssue(parsed.error.issues[0]!));
}

/** Parses the text of a pack file (UTF-8 JSON), enforcing the size limit first. */
export function parsePackText(body: string): Pack {
  if (body.length > MAX_PACK_BYTES) throw new PackError(tooLarge(body.length));
  let raw: unknown;
  try {
    raw = JSON.parse(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body);
  } catch {
    throw new PackError('话术包不是有效的 JSON');
  }
  return validatePack(raw);
}

export function tooLarge(bytes: number): string {
  return `话术包过大（${(bytes / 1024 / 1024).toFixed(1)} MB，上限 ${MAX_PACK_BYTES / 1024 / 1024} MB）`;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const [first, index, field] = issue.path;
  if (first === 'adapters' && typeof index === 'number') return `第 ${index + 1} 个适配器：${issue.message}`;
  if (first === 'snippets' && typeof index === 'number') {
    const where = `第 ${index + 1} 条话术${field ? `（${String(field)}）` : ''}`;
    return `${where}：${issue.message}`;
  }
  return issue.message;
}
