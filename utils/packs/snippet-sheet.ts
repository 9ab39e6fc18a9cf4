/**
 * Snippets as a sheet (CSV or XLSX): what agents keep in Excel and what 千牛/other tools export. Reads with header
 * synonyms; writes the columns back in the same order so an exported sheet imports as the same library.
 */
import { z } from 'zod';
import { normalizeHeader } from '../stock-import/columns';
import { MAX_SNIPPETS } from '../snippets/limits';
import { PackError, packSnippetSchema } from './pack-format';
import { splitTags } from '../snippets/tags';

export const SHEET_COLUMNS = ['id', 'title', 'body', 'category', 'shortcut', 'tags'] as const;
type SheetColumn = (typeof SHEET_COLUMNS)[number];

/**
 * Header names per column, as written (first) and as accepted (matched ignoring case, spaces and brackets).
 *
 * Platform phrase exports name their columns after the phrase's parts. Public evidence found: the 千牛 SDK
 * documentation (SaiNiuApi, https://www.showdoc.com.cn/sainiu/11558592406308789 "新增快捷短语话术" and
 * https://www.showdoc.com.cn/sainiu/11558592403965142 "新增快捷短语分组") shows a 快捷短语 as a 分组 (groupId /
 * groupName 分组名称), a 快捷编码 (`code`) and the 短语 itself (`content`); REFERENCE.md lists 分组, 快捷编码, 快捷短语
 * for 千牛 sheets. No public sample of the 拼多多, 抖店/飞鸽 or 京东 咚咚 export headers was found: their wording
 * (短语内容, 快捷回复, 回复内容, 话术内容, 短语分组, 话术分组, 快捷语, 快捷码, 快捷键, 简码) is covered as synonyms, not
 * as a fixed layout.
 */
export const SHEET_HEADERS: Record<SheetColumn, string[]> = {
  id: ['ID', '编号', '话术ID', '短语ID', 'id'],
  title: ['标题', '名称', '短语标题', '话术标题', '短语名称', 'title', 'name'],
  body: [
    '内容', '短语', '话术', '回复内容', '快捷短语', '短语内容', '话术内容', '快捷回复', '快捷回复内容', '回复', '快捷语', '消息内容',
    'body', 'content', 'text', 'phrase',
  ],
  category: ['分类', '分组', '分组名称', '短语分组', '话术分组', '快捷短语分组', '类别', '分类名称', 'category', 'group', 'groupName'],
  shortcut: ['快捷词', '快捷编码', '编码', '快捷码', '快捷键', '短语编码', '快捷短语编码', '简码', 'shortcut', 'code'],
  tags: ['标签', '关键词', 'tags', 'keywords'],
};
/** Category for rows that name none. */
export const UNSORTED = '未分类';

const sheetSnippetSchema = packSnippetSchema.extend({ id: packSnippetSchema.shape.id.optional() });
export type SheetSnippet = z.infer<typeof sheetSnippetSchema>;

// Excel runs a cell starting with these as a formula; the export guards them with a leading apostrophe.
const FORMULA_START = /^[=+@]/;

/** Reads the snippets of a sheet (rows[k] is on line lines[k]). Any bad row refuses the whole sheet, naming the rows. */
export function readSnippetSheet(rows: string[][], lines: number[] = rows.map((_, k) => k + 1)): SheetSnippet[] {
  return readSnippetSheetWithNotes(rows, lines).snippets;
}

const SHORTCUT = /^[a-z0-9]{1,16}$/i;
const TITLE_LENGTH = 20;

/**
 * The first 20 characters of a body as its title (千牛 phrase exports have no title), never cutting a `{placeholder}`
 * in half: a cut inside one moves before it, or past it when the body starts with it.
 */
export function titleFromBody(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  if (text.length <= TITLE_LENGTH) return text;
  let cut = TITLE_LENGTH;
  const open = text.lastIndexOf('{', cut - 1);
  // `{{` is a literal brace, not a placeholder.
  if (open >= 0 && text[open + 1] !== '{' && text[open - 1] !== '{' && text.indexOf('}', open) >= cut) {
    const close = text.indexOf('}', open);
    cut = open > 0 ? open : close >= 0 && close < 100 ? close + 1 : cut;
  }
  return text.slice(0, cut).trimEnd();
}

/**
 * As readSnippetSheet, with notes on what was read differently from the sheet (a 快捷编码 that is no shortcut kept as a
 * tag) and which rows look like HTML (accepted as text). Nothing is dropped silently.
 */
export function readSnippetSheetWithNotes(
  rows: string[][],
  lines: number[] = rows.map((_, k) => k + 1),
): { snippets: SheetSnippet[]; notes: string[] } {
  const notes: string[] = [];
  const headerAt = rows.findIndex((row) => row.some((cell) => columnOf(cell) === 'body'));
  if (headerAt < 0) throw new PackError(`找不到“内容”列（表头应含：${SHEET_HEADERS.body.slice(0, 3).join('/')}）`);
  const columns = new Map<SheetColumn, number>();
  rows[headerAt]!.forEach((cell, i) => {
    const column = columnOf(cell);
    if (column && !columns.has(column)) columns.set(column, i);
  });
  const cell = (row: string[], column: SheetColumn) => {
    const i = columns.get(column);
    const value = i === undefined ? '' : (row[i] ?? '').trim();
    return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
  };
  const snippets: SheetSnippet[] = [];
  const problems: string[] = [];
  const ids = new Set<string>();
  const shortcuts = new Set<string>();
  for (let k = headerAt + 1; k < rows.length; k++) {
    const row = rows[k]!;
    if (row.every((c) => c.trim() === '')) continue;
    const body = cell(row, 'body');
    const line = lines[k] ?? k + 1;
    const tags = splitTags(cell(row, 'tags'));
    let shortcut = cell(row, 'shortcut') || undefined;
    if (shortcut && !SHORTCUT.test(shortcut)) {
      // 千牛 codes may be words (购物金退款): not typeable as /code, but not lost either — kept as a tag, found by search.
      notes.push(`第 ${line} 行：快捷编码“${shortcut}”不是 1–16 个字母或数字，改作标签保留`);
      if (shortcut.length <= 30 && !tags.includes(shortcut)) tags.push(shortcut);
      shortcut = undefined;
    }
    const raw = {
      id: cell(row, 'id') || undefined,
      // 千牛 phrase exports have no title: the start of the reply names it.
      title: cell(row, 'title') || titleFromBody(body),
      body,
      category: cell(row, 'category') || UNSORTED,
      shortcut,
      tags,
    };
    const parsed = sheetSnippetSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(`第 ${line} 行：${parsed.error.issues[0]!.message}`);
    } else if (parsed.data.id && ids.has(parsed.data.id)) {
      problems.push(`第 ${line} 行：ID “${parsed.data.id}”重复`);
    } else if (parsed.data.shortcut && shortcuts.has(parsed.data.shortcut)) {
      problems.push(`第 ${line} 行：快捷词“${parsed.data.shortcut}”重复`);
    } else {
      if (parsed.data.id) ids.add(parsed.data.id);
      if (parsed.data.shortcut) shortcuts.add(parsed.data.shortcut);
      snippets.push(parsed.data);
    }
    if (problems.length >= 5) break;
  }
  if (problems.length) throw new PackError(`表格有错误，未导入任何内容：${problems.join('；')}`);
  if (!snippets.length) throw new PackError('表格里没有话术');
  if (snippets.length > MAX_SNIPPETS) throw new PackError(`表格超过 ${MAX_SNIPPETS} 条话术上限`);
  return { snippets, notes };
}

/** The worker's check of rows read by a page: same rules as reading the sheet. */
export function checkSheetSnippets(raw: unknown[]): SheetSnippet[] {
  const parsed = z.array(sheetSnippetSchema).max(MAX_SNIPPETS).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PackError(`第 ${Number(issue.path[0]) + 1} 条话术：${issue.message}`);
  }
  const ids = new Set<string>();
  const shortcuts = new Set<string>();
  for (const s of parsed.data) {
    if (s.id && ids.has(s.id)) throw new PackError(`ID “${s.id}”重复`);
    if (s.shortcut && shortcuts.has(s.shortcut)) throw new PackError(`快捷词“${s.shortcut}”重复`);
    if (s.id) ids.add(s.id);
    if (s.shortcut) shortcuts.add(s.shortcut);
  }
  return parsed.data;
}

function columnOf(header: string): SheetColumn | undefined {
  const key = normalizeHeader(header);
  return SHEET_COLUMNS.find((column) => SHEET_HEADERS[column].some((name) => normalizeHeader(name) === key));
}

/** CSV text, UTF-8 with BOM (Excel then opens Chinese correctly), CRLF line ends. */
export function snippetSheetCsv(snippets: readonly (SheetSnippet & { id: string })[]): string {
  const header = SHEET_COLUMNS.map((column) => SHEET_HEADERS[column][0]!);
  const lines = [header, ...snippets.map((s) => [s.id, s.title, s.body, s.category, s.shortcut ?? '', s.tags.join('，')])];
  return '\ufeff' + lines.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
