/**
 * Turns parsed table rows into validated stock rows, collecting precise,
 * human-readable errors (Simplified Chinese, with physical line numbers).
 */
import { normalizeCode } from '@/utils/stock/normalize-code';
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
  reason: string;
}

export interface StockRowsResult {
  rows: StockRow[];
  /** At most `maxErrors` errors, in file order. */
  errors: RowError[];
  /** Total number of bad rows, including those not listed in `errors`. */
  errorCount: number;
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
  options: { maxErrors?: number } = {},
): StockRowsResult {
  const maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
  const result: StockRowsResult = { rows: [], errors: [], errorCount: 0 };
  // Which quantities decide `available`; the others are informative only.
  const required: QuantityField[] =
    mapping.available !== undefined ? ['available'] : mapping.locked !== undefined ? ['actual', 'locked'] : ['actual'];

  // Column of each field, looked up once (this loop runs for every row of a 100k-row export).
  const col = mapping;
  const cellAt = (row: string[], column: number | undefined): string => {
    if (column === undefined) return '';
    const value = row[column];
    return value === undefined ? '' : value.trim();
  };
  const quantityFields = (['available', 'actual', 'locked'] as const).filter((field) => col[field] !== undefined);

  for (let index = 1; index < rows.length; index++) {
    const row = rows[index]!;
    const skuCode = normalizeCode(cellAt(row, col.skuCode));
    const outerCode = normalizeCode(cellAt(row, col.outerCode));
    const code = skuCode || outerCode;
    if (!code) {
      if (row.every((cell) => cell.trim() === '')) continue;
      fail(result, maxErrors, lines?.[index] ?? index + 1, '缺少编码（规格编码和商家编码都为空）');
      continue;
    }

    let available: number | undefined;
    let actual: number | undefined;
    let locked: number | undefined;
    let problem: string | null = null;
    for (const field of quantityFields) {
      const raw = cellAt(row, col[field]);
      const parsed = parseQuantity(raw);
      if (typeof parsed === 'number') {
        if (field === 'available') available = parsed;
        else if (field === 'actual') actual = parsed;
        else locked = parsed;
      } else if (problem === null && required.includes(field)) problem = quantityProblem(field, raw, parsed);
      // Unparseable informative columns are dropped rather than rejecting the row.
    }
    if (problem !== null) {
      fail(result, maxErrors, lines?.[index] ?? index + 1, problem);
      continue;
    }

    const stockRow: StockRow = {
      code,
      warehouse: cellAt(row, col.warehouse) || DEFAULT_WAREHOUSE,
      available: available ?? (locked !== undefined ? actual! - locked : actual!),
    };
    if (skuCode) stockRow.skuCode = skuCode;
    if (outerCode) stockRow.outerCode = outerCode;
    const name = cellAt(row, col.name);
    if (name) stockRow.name = name;
    const spec = cellAt(row, col.spec);
    if (spec) stockRow.spec = spec;
    if (actual !== undefined) stockRow.actual = actual;
    if (locked !== undefined) stockRow.locked = locked;
    result.rows.push(stockRow);
  }
  return result;
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

/** Keeps error messages short when a cell holds a whole paragraph. */
function clip(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}
