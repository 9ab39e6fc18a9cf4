/**
 * Turns parsed table rows into validated stock rows, collecting precise,
 * human-readable errors (Simplified Chinese, with physical line numbers).
 */
import { normalizeCode } from '@/utils/stock/normalize-code';
import { STOCK_RECORD_MAX } from '@/utils/stock/limits';
import { ownCopies } from '@/utils/text/own-copy';
import { recordAggregator, type StockRecord } from './aggregate';
import type { ColumnMapping } from './columns';

export interface StockRow {
  /** Primary key: skuCode if present, else outerCode (both normalised). */
  code: string;
  skuCode?: string;
  outerCode?: string;
  name?: string;
  spec?: string;
  warehouse: string;
  available: number;
  actual?: number;
  locked?: number;
}

export interface RowError {
  line: number;
  /** `第 N 行：…`, naming the column and the value. */
  reason: string;
}

/** A value an import would drop: an informative column (name, spec, an unused quantity) that cannot be read. */
export interface RowWarning extends RowError {
  /** The file's header of the column, e.g. 实际库存数. */
  column: string;
  value: string;
}

export interface StockRowsResult {
  rows: StockRow[];
  /** At most `maxErrors` errors, in file order. */
  errors: RowError[];
  /** Total number of bad rows, including those not listed in `errors`. */
  errorCount: number;
  /** At most `maxErrors` warnings, in file order: values dropped from rows that are otherwise imported. */
  warnings: RowWarning[];
  warningCount: number;
  /** Header of each column with dropped values → how many values. */
  dropped: Record<string, number>;
}

export interface StockRowsOptions {
  maxErrors?: number;
  /**
   * Every row must have as many cells as the header (extra cells that are empty are fine). On for delimited text,
   * where one unquoted comma shifts every value after it; off for XLSX, whose cells carry their column.
   */
  checkColumnCount?: boolean;
}

export const DEFAULT_WAREHOUSE = '默认仓';
const DEFAULT_MAX_ERRORS = 50;

const QUANTITY_LABELS = { available: '可用库存', actual: '实际库存', locked: '锁定库存' } as const;
type QuantityField = keyof typeof QUANTITY_LABELS;

/**
 * @param rows   rows[0] is the header and is skipped.
 * @param lines  physical line of each row (from parseDelimited); defaults to index + 1.
 */
export function toStockRows(
  rows: string[][],
  mapping: ColumnMapping,
  lines?: number[],
  options: StockRowsOptions = {},
): StockRowsResult {
  const reader = stockRowReader(rows[0] ?? [], mapping, options);
  const read: StockRow[] = [];
  for (let index = 1; index < rows.length; index++) {
    const stockRow = reader.add(rows[index]!, lines?.[index] ?? index + 1);
    if (stockRow) read.push(stockRow);
  }
  return { ...reader.result, rows: read };
}

/**
 * The row-by-row reader behind toStockRows, for a table read in pieces (a big file is never held whole): `add` checks
 * one data row and answers its stock row, or null (blank, or an error counted in `result`); each stock row is folded
 * into its record at once (`records`), which is also how a code + warehouse seen twice is found.
 */
export function stockRowReader(
  header: string[],
  mapping: ColumnMapping,
  options: StockRowsOptions = {},
): { add: (row: string[], line: number) => StockRow | null; result: Omit<StockRowsResult, 'rows'>; records: () => StockRecord[] } {
  const maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
  const result: StockRowsResult = { rows: [], errors: [], errorCount: 0, warnings: [], warningCount: 0, dropped: {} };
  const width = header.length;
  const columnName = (column: number | undefined) => (column === undefined ? '' : (header[column] ?? '').trim() || `第 ${column + 1} 列`);
  const aggregate = recordAggregator();
  // Own copies: what is kept must not hold the file's text (see ownCopy). One per column: an export repeats an item's
  // name, outer code and warehouse on the rows of its SKUs, and the repeats then share one copy.
  const [keepSku, keepOuter, keepWarehouse, keepName, keepSpec] = [ownCopies(), ownCopies(), ownCopies(), ownCopies(), ownCopies()];
  // Which quantities decide `available`; the others are informative only.
  const required: QuantityField[] =
    mapping.available !== undefined ? ['available'] : mapping.locked !== undefined ? ['actual', 'locked'] : ['actual'];

  // Column of each field, looked up once (this runs for every row of a 1,000,000-row export).
  const col = mapping;
  const cellAt = (row: string[], column: number | undefined): string => {
    if (column === undefined) return '';
    const value = row[column];
    return value === undefined ? '' : value.trim();
  };
  const quantityFields = (['available', 'actual', 'locked'] as const).filter((field) => col[field] !== undefined);

  const add = (row: string[], line: number): StockRow | null => {
    if (row.every(isBlank)) return null;
    if (options.checkColumnCount && row.length !== width) {
      const extra = row.slice(width).filter((cell) => cell.trim() !== '');
      if (row.length < width) {
        fail(result, maxErrors, line, `有 ${row.length} 列，表头有 ${width} 列（少了 ${width - row.length} 列，后面的值可能错位）`);
        return null;
      }
      if (extra.length > 0) {
        fail(result, maxErrors, line, `有 ${row.length} 列，表头只有 ${width} 列（多出“${clip(extra.join(','))}”，可能是名称里有未加引号的逗号，值已错位）`);
        return null;
      }
    }
    const skuCode = keepSku(normalizeCode(cellAt(row, col.skuCode)));
    const outerCode = keepOuter(normalizeCode(cellAt(row, col.outerCode)));
    const code = skuCode || outerCode;
    if (!code) {
      fail(result, maxErrors, line, '缺少编码（规格编码和商家编码都为空）');
      return null;
    }

    let available: number | undefined;
    let actual: number | undefined;
    let locked: number | undefined;
    let problem: string | null = null;
    const informative: { field: QuantityField; raw: string; failure: QuantityFailure }[] = [];
    for (const field of quantityFields) {
      const raw = cellAt(row, col[field]);
      const parsed = parseQuantity(raw);
      if (typeof parsed === 'number') {
        if (field === 'available') available = parsed;
        else if (field === 'actual') actual = parsed;
        else locked = parsed;
      } else if (required.includes(field)) problem ??= quantityProblem(field, raw, parsed);
      // An informative quantity that cannot be read is dropped from the row, and said so (a warning).
      else informative.push({ field, raw, failure: parsed });
    }
    if (problem !== null) {
      fail(result, maxErrors, line, problem);
      return null;
    }
    const warehouse = keepWarehouse(cellAt(row, col.warehouse)) || DEFAULT_WAREHOUSE;
    const name = keepName(cellAt(row, col.name));
    const spec = keepSpec(cellAt(row, col.spec));
    const tooLong = tooLongValue(skuCode.length > outerCode.length ? skuCode : outerCode, warehouse, name, spec);
    if (tooLong) {
      fail(result, maxErrors, line, tooLong);
      return null;
    }
    const stockRow: StockRow = {
      code,
      warehouse,
      available: available ?? (locked !== undefined ? actual! - locked : actual!),
    };
    if (skuCode) stockRow.skuCode = skuCode;
    if (outerCode) stockRow.outerCode = outerCode;
    if (name) stockRow.name = name;
    if (spec) stockRow.spec = spec;
    if (actual !== undefined) stockRow.actual = actual;
    if (locked !== undefined) stockRow.locked = locked;
    const firstLine = aggregate.add(stockRow, line);
    if (firstLine !== undefined) {
      // Summing would double the stock, taking either would hide the other: the export is broken (and, with an error,
      // none of the records commit, so the row folded in above does no harm).
      fail(result, maxErrors, line, `编码“${clip(code)}”在仓库“${clip(warehouse)}”重复（第 ${firstLine} 行已有）`);
      return null;
    }
    for (const { field, raw, failure } of informative) {
      const column = columnName(col[field]);
      const what = failure === 'empty' ? '为空' : `“${clip(raw)}”${failure === 'decimal' ? '不是整数（有小数）' : failure === 'range' ? '超出范围' : '不是整数'}`;
      warn(result, maxErrors, { line, column, value: raw, reason: `第 ${line} 行：“${column}”${what}，此值不导入（${QUANTITY_LABELS[field]}仅作参考）` });
    }
    return stockRow;
  };
  return { add, result, records: aggregate.records };
}

const FIELD_LABELS = { code: '编码', warehouse: '仓库', name: '商品名称', spec: '规格' } as const;
const LIMITED_FIELDS = Object.keys(STOCK_RECORD_MAX) as (keyof typeof STOCK_RECORD_MAX)[];

/** Why a value is longer than a stored record holds (STOCK_RECORD_MAX), or null. */
function tooLongValue(code: string, warehouse: string, name: string, spec: string): string | null {
  // The usual row: one comparison each, no object (this runs for every row of a 100k-row export).
  if (code.length <= STOCK_RECORD_MAX.code && warehouse.length <= STOCK_RECORD_MAX.warehouse && name.length <= STOCK_RECORD_MAX.name && spec.length <= STOCK_RECORD_MAX.spec) return null;
  const values = { code, warehouse, name, spec };
  for (const field of LIMITED_FIELDS) {
    const max = STOCK_RECORD_MAX[field];
    if (values[field].length > max) return `${FIELD_LABELS[field]}“${clip(values[field])}”超过 ${max} 个字符`;
  }
  return null;
}

function warn(result: StockRowsResult, maxErrors: number, warning: RowWarning): void {
  result.warningCount++;
  result.dropped[warning.column] = (result.dropped[warning.column] ?? 0) + 1;
  if (result.warnings.length < maxErrors) result.warnings.push(warning);
}

function fail(result: StockRowsResult, maxErrors: number, line: number, reason: string): void {
  result.errorCount++;
  if (result.errors.length < maxErrors) result.errors.push({ line, reason: `第 ${line} 行：${reason}` });
}

type QuantityFailure = 'empty' | 'decimal' | 'range' | 'invalid';

/** The usual cell: a plain integer, read without any of the slower checks below. */
const SIMPLE_INTEGER = /^-?\d{1,15}$/;

const PLAIN_INTEGER = /^[+-]?\d+$/;
const GROUPED_INTEGER = /^[+-]?\d{1,3}(?:,\d{3})+$/;
// "12.00" is how some ERPs print every number; only a non-zero fraction is a decimal.
const ZERO_FRACTION = /\.0+$/;
const DECIMAL = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)?\.\d+$/;
// Minus signs other than '-' that ERPs and Excel locales produce.
const MINUS_SIGNS = /[\u2212\uFE63\uFF0D]/g;

/** Integer stock quantity, or why the text is not one. Negative = oversold. */
export function parseQuantity(raw: string): number | QuantityFailure {
  if (SIMPLE_INTEGER.test(raw)) {
    const value = Number(raw);
    return value === 0 ? 0 : value; // no -0
  }
  let text = raw.trim();
  if (text === '') return 'empty';
  if (/[^\x20-\x7e]/.test(text)) text = text.normalize('NFKC').replace(MINUS_SIGNS, '-').trim();
  text = text.replace(ZERO_FRACTION, '');
  if (!PLAIN_INTEGER.test(text) && !GROUPED_INTEGER.test(text)) return DECIMAL.test(text) ? 'decimal' : 'invalid';
  const value = Number(text.replace(/,/g, ''));
  if (!Number.isSafeInteger(value)) return 'range';
  return value === 0 ? 0 : value; // no -0
}

function quantityProblem(field: QuantityField, raw: string, failure: QuantityFailure): string {
  const label = QUANTITY_LABELS[field];
  switch (failure) {
    case 'empty':
      return `${label}为空`;
    case 'decimal':
      return `${label}“${clip(raw)}”不是整数（有小数）`;
    case 'range':
      return `${label}“${clip(raw)}”超出范围`;
    case 'invalid':
      return `${label}“${clip(raw)}”不是整数`;
  }
}

/** Nothing but white space (the usual cell begins with a printable ASCII character and needs no trim to tell). */
function isBlank(cell: string): boolean {
  const first = cell.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return cell.trim() === '';
}

/** Keeps error messages short when a cell holds a whole paragraph. */
function clip(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}
