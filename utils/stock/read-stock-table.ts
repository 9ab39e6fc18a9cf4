import type { StockRecord } from '../stock-import/aggregate';
import { checkStockTable, describeErrors, type StockCheck, type StockCheckOptions } from '../stock-import/check';
import type { ColumnMapping } from '../stock-import/columns';
import type { RowError } from '../stock-import/rows';

/** A parsed table checked against a column mapping: what an import would commit, or why it cannot. */
export interface StockTableResult {
  header: string[];
  mapping: ColumnMapping;
  /** Problems with the file or the mapping itself (encoding, no code column, no quantity column). */
  mappingErrors: string[];
  /** Rows that cannot be read, with their line numbers. Any of these blocks the import. */
  rowErrors: RowError[];
  errorCount: number;
  dataRows: number;
  records: StockRecord[];
  /** The full check (warnings, dropped values): see utils/stock-import/check.ts. */
  check: StockCheck;
}

/**
 * From table rows (header first) to stock records: detect the mapping unless one is given (the agent's
 * correction, or the one remembered for the source), read every row, aggregate warehouses.
 * A thin view of `checkStockTable`, kept for its callers.
 */
export function readStockTable(
  allRows: string[][],
  allLines?: number[],
  mapping?: ColumnMapping,
  options: Omit<StockCheckOptions, 'mapping'> = {},
): StockTableResult {
  const check = checkStockTable(allRows, allLines, { ...options, mapping });
  return {
    header: check.header,
    mapping: check.mapping,
    mappingErrors: check.fileErrors,
    rowErrors: check.rowErrors,
    errorCount: check.errorCount,
    dataRows: check.dataRows,
    records: check.records,
    check,
  };
}

/** One line that says why an import was refused, for the UI and the source's lastError. */
export function describeTableProblems(result: StockTableResult): string | null {
  return describeErrors(result.check);
}
