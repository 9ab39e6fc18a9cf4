/**
 * Turns parsed table rows into validated stock rows, collecting precise,
 * human-readable errors (Simplified Chinese, with physical line numbers).
 */
import { normalizeCode } from '@/utils/stock/normalize-code';
import type { ColumnMapping, StockField } from './columns';

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

  for (let index = 1; index < rows.length; index++) {
    const row = rows[index]!;
    if (row.every((cell) => cell.trim() === '')) continue;
    const line = lines?.[index] ?? index + 1;
    const fail = (reason: string): void => {
      result.errorCount++;
      if (result.errors.length < maxErrors) result.errors.push({ line, reason: `第 ${line} 行：${reason}` });
    };

    const cell = (field: StockField): string => {
      const column = mapping[field];
      return column === undefined ? '' : (row[column] ?? '').trim();
    };

    const skuCode = normalizeCode(cell('skuCode'));
    const outerCode = normalizeCode(cell('outerCode'));
    const code = skuCode || outerCode;
    if (!code) {
      fail('缺少编码（规格编码和商家编码都为空）');
      continue;
    }

    const quantities: Partial<Record<QuantityField, number>> = {};
    let problem: string | null = null;
    for (const field of ['available', 'actual', 'locked'] as const) {
      if (mapping[field] === undefined) continue;
      const raw = cell(field);
      const parsed = parseQuantity(raw);
      if (typeof parsed === 'number') quantities[field] = parsed;
      else if (required.includes(field) && problem === null) problem = quantityProblem(field, raw, parsed);
      // Unparseable informative columns are dropped rather than rejecting the row.
    }
    if (problem !== null) {
      fail(problem);
      continue;
    }

    const available =
      quantities.available ??
      (quantities.locked !== undefined ? quantities.actual! - quantities.locked : quantities.actual!);

    const stockRow: StockRow = { code, warehouse: cell('warehouse') || DEFAULT_WAREHOUSE, available };
    if (skuCode) stockRow.skuCode = skuCode;
    if (outerCode) stockRow.outerCode = outerCode;
    const name = cell('name');
    if (name) stockRow.name = name;
    const spec = cell('spec');
    if (spec) stockRow.spec = spec;
    if (quantities.actual !== undefined) stockRow.actual = quantities.actual;
    if (quantities.locked !== undefined) stockRow.locked = quantities.locked;
    result.rows.push(stockRow);
  }
  return result;
}

type QuantityFailure = 'empty' | 'decimal' | 'range' | 'invalid';

const PLAIN_INTEGER = /^[+-]?\d+$/;
const GROUPED_INTEGER = /^[+-]?\d{1,3}(?:,\d{3})+$/;
// "12.00" is how some ERPs print every number; only a non-zero fraction is a decimal.
const ZERO_FRACTION = /\.0+$/;
const DECIMAL = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)?\.\d+$/;
// Minus signs other than '-' that ERPs and Excel locales produce.
const MINUS_SIGNS = /[\u2212\uFE63\uFF0D]/g;

/** Integer stock quantity, or why the text is not one. Negative = oversold. */
export function parseQuantity(raw: string): number | QuantityFailure {
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
