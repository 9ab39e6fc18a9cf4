/**
 * Parses the body of a stock URL feed (JSON or CSV/TSV) into the same
 * header + rows shape as an imported file. The body is untrusted: no eval,
 * bounded size, and a clear Chinese error for anything else.
 */
import { checkStockTable, describeErrors, describeWarnings, type StockCheck } from './check';
import type { ColumnMapping } from './columns';
import { decodeBytes } from './decode';
import { parseDelimited } from './table';

export interface FeedTable {
  header: string[];
  /** rows[0] is the header (same convention as parseDelimited / toStockRows). */
  rows: string[][];
  /**
   * Line of each row: physical line for CSV; for JSON, the 1-based item
   * number (the header gets 0), so "第 3 行" means the third item.
   */
  lines: number[];
}

export const MAX_FEED_ROWS = 500_000;
// Keys are collected from every item; cap them so a hostile feed cannot make
// the table arbitrarily wide.
const MAX_JSON_KEYS = 200;
// Wrapper keys under which APIs commonly nest the item list.
const LIST_KEYS = ['items', 'data', 'list', 'rows', 'records', 'result'] as const;

const NOT_A_TABLE = '数据源返回的内容既不是 JSON 也不是 CSV';

export function parseFeedBody(body: string, contentType: string | null): FeedTable {
  return readFeedTable(body, contentType).table;
}

/** JSON objects are laid out by key (no column can shift); CSV/TSV lines and JSON arrays of arrays can. */
type FeedLayout = 'keyed' | 'positional';

function readFeedTable(body: string, contentType: string | null): { table: FeedTable; layout: FeedLayout } {
  const table = parseFeedText(body, contentType);
  return { table, layout: keyed.has(table) ? 'keyed' : 'positional' };
}

const keyed = new WeakSet<FeedTable>();

function parseFeedText(body: string, contentType: string | null): FeedTable {
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  const type = (contentType ?? '').toLowerCase();
  const first = text.trimStart().charAt(0);

  if (first === '') throw new Error('数据源返回的内容为空');
  if (type.includes('json')) return parseJsonFeed(text);
  if (type.includes('csv') || type.includes('tab-separated-values')) return parseDelimitedFeed(text);
  if (first === '[' || first === '{') return parseJsonFeed(text);
  if (first === '<') throw new Error('数据源返回的是网页或 XML，不是 JSON 或 CSV（请检查链接是否需要登录）');
  return parseDelimitedFeed(text);
}

function parseDelimitedFeed(text: string): FeedTable {
  let table;
  try {
    table = parseDelimited(text, { maxRows: MAX_FEED_ROWS + 1 });
  } catch {
    throw new Error(`数据源超过 ${MAX_FEED_ROWS} 行上限`);
  }
  const header = table.rows[0];
  // A stock table needs at least a code and a quantity column.
  if (!header || header.length < 2 || table.rows.length < 2) throw new Error(NOT_A_TABLE);
  return { header, rows: table.rows, lines: table.lines };
}

function parseJsonFeed(text: string): FeedTable {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${NOT_A_TABLE}（JSON 格式错误）`);
  }
  const items = findItemList(parsed);
  if (!items) throw new Error('数据源的 JSON 里找不到商品列表（应为数组，或 items/data 字段下的数组）');
  if (items.length === 0) throw new Error('数据源返回的商品列表为空');
  if (items.length > MAX_FEED_ROWS) throw new Error(`数据源超过 ${MAX_FEED_ROWS} 行上限`);

  if (items.every(Array.isArray)) return arrayItemsTable(items as unknown[][]);
  if (!items.every(isPlainObject)) throw new Error('数据源 JSON 列表中的条目不是对象');
  return objectItemsTable(items as Record<string, unknown>[]);
}

/** `[...]`, `{ items: [...] }`, `{ data: [...] }` or one more level (`{ data: { list: [...] } }`). */
function findItemList(value: unknown, depth = 0): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (!isPlainObject(value) || depth >= 2) return null;
  for (const key of LIST_KEYS) {
    if (key in value) {
      const found = findItemList(value[key], depth + 1);
      if (found) return found;
    }
  }
  return null;
}

function objectItemsTable(items: Record<string, unknown>[]): FeedTable {
  const columns = new Map<string, number>();
  for (const item of items) {
    for (const key of Object.keys(item)) {
      if (columns.has(key)) continue;
      if (columns.size >= MAX_JSON_KEYS) throw new Error(`数据源 JSON 的字段超过 ${MAX_JSON_KEYS} 个`);
      columns.set(key, columns.size);
    }
  }
  const header = [...columns.keys()];
  const rows: string[][] = [header];
  const lines: number[] = [0];
  items.forEach((item, k) => {
    const row = new Array<string>(header.length).fill('');
    for (const [key, value] of Object.entries(item)) row[columns.get(key)!] = cellText(value);
    rows.push(row);
    lines.push(k + 1);
  });
  const table = { header, rows, lines };
  keyed.add(table);
  return table;
}

/** `[["sku","qty"],["A",1]]`: the first array is the header. */
function arrayItemsTable(items: unknown[][]): FeedTable {
  const rows = items.map((item) => item.slice(0, MAX_JSON_KEYS).map(cellText));
  return { header: rows[0]!, rows, lines: rows.map((_, k) => k) };
}

function cellText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return ''; // null, nested objects/arrays: not a table cell
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface FeedCheck {
  /** The full check (see ./check.ts); `check.records` is what a sync would commit. */
  check: StockCheck;
  /** Why this body must not replace the stock (the previous stock stays), or null. For lastError and the log. */
  error: string | null;
  /** Values the sync drops (informative columns that cannot be read), or null. For a note on the source. */
  warning: string | null;
}

/**
 * A feed body from its bytes to checked records, with the same checks as a file import: encoding, mapping, every line
 * (column count for CSV/TSV and JSON arrays of arrays, code, available, duplicate code + warehouse). Throws (Chinese
 * message) when the body is no table at all; otherwise `error` says why nothing may be committed.
 * A feed has no one to click "import anyway": warnings do not block it, and `warning` says what was dropped.
 */
export function checkFeedBody(bytes: Uint8Array, contentType: string | null, mapping?: ColumnMapping): FeedCheck {
  const decoded = decodeBytes(bytes);
  const { table, layout } = readFeedTable(decoded.text, contentType);
  const check = checkStockTable(table.rows, table.lines, { mapping, undecodable: decoded.undecodable, checkColumnCount: layout === 'positional' });
  const error = describeErrors(check);
  return { check, error: error && `数据源的内容无法导入：${error}`, warning: error ? null : describeWarnings(check) };
}
