/**
 * Snippets as a sheet (CSV or XLSX): what agents keep in Excel and what 千牛/other tools export. Reads with header
 * synonyms; writes the columns back in the same order so an exported sheet imports as the same library.
 */
import { z } from 'zod';
import { normalizeHeader } from '../stock-import/columns';
import { MAX_SNIPPETS } from '../snippets/limits';
import { PackError, packSnippetSchema } from './pack-format';

export const SHEET_COLUMNS = ['id', 'title', 'body', 'category', 'shortcut', 'tags'] as const;
type SheetColumn = (typeof SHEET_COLUMNS)[number];

/** Header names per column, as written (first) and as accepted. */
export const SHEET_HEADERS: Record<SheetColumn, string[]> = {
  id: ['ID', '编号', '话术ID', 'id'],
  title: ['标题', '名称', 'title', 'name'],
  body: ['内容', '短语', '话术', '回复内容', 'body', 'content'],
  category: ['分类', '分组', 'category', 'group'],
  shortcut: ['快捷词', '快捷编码', '编码', 'shortcut'],
  tags: ['标签', 'tags'],
};
/** Category for rows that name none. */
export const UNSORTED = '未分类';

const sheetSnippetSchema = packSnippetSchema.extend({ id: packSnippetSchema.shape.id.optional() });
export type SheetSnippet = z.infer<typeof sheetSnippetSchema>;

const TAG_SEPARATORS = /[,，;；、|]+/;
// Excel runs a cell starting with these as a formula; the export guards them with a leading apostrophe.
const FORMULA_START = /^[=+@]/;

/** Reads the snippets of a sheet (rows[k] is on line lines[k]). Any bad row refuses the whole sheet, naming the rows. */
export function readSnippetSheet(rows: string[][], lines: number[] = rows.map((_, k) => k + 1)): SheetSnippet[] {
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
    const raw = {
      id: cell(row, 'id') || undefined,
      // 千牛 phrase exports have no title: the start of the reply names it.
      title: cell(row, 'title') || body.replace(/\s+/g, ' ').slice(0, 20),
      body,
      category: cell(row, 'category') || UNSORTED,
      shortcut: cell(row, 'shortcut') || undefined,
      tags: cell(row, 'tags').split(TAG_SEPARATORS).map((t) => t.trim()).filter(Boolean),
    };
    const parsed = sheetSnippetSchema.safeParse(raw);
    const line = lines[k] ?? k + 1;
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
  return snippets;
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
