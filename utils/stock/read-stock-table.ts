import { aggregateRows, type StockRecord } from '../stock-import/aggregate';
import { detectMapping, findHeaderRow, mappingProblems, type ColumnMapping } from '../stock-import/columns';
import { toStockRows, type RowError } from '../stock-import/rows';

/** A parsed table checked against a column mapping: what an import would commit, or why it cannot. */
export interface StockTableResult {
  header: string[];
  mapping: ColumnMapping;
  /** Problems with the mapping itself (no code column, no quantity column). */
  mappingErrors: string[];
  /** Rows that cannot be read, with their line numbers. Any of these blocks the import. */
  rowErrors: RowError[];
  errorCount: number;
  dataRows: number;
  records: StockRecord[];
}

/**
 * From table rows (header first) to stock records: detect the mapping unless one is given (the agent's
 * correction, or the one remembered for the source), read every row, aggregate warehouses.
 */
export function readStockTable(allRows: string[][], allLines?: number[], mapping?: ColumnMapping): StockTableResult {
  // ERP exports often put a title line ("库存报表 2026-11-25") above the header.
  const start = Math.max(0, findHeaderRow(allRows));
  const rows = start ? allRows.slice(start) : allRows;
  const lines = start && allLines ? allLines.slice(start) : allLines;
  const header = rows[0] ?? [];
  const used = mapping ?? detectMapping(header);
  const mappingErrors = rows.length === 0 ? ['文件是空的'] : mappingProblems(used);
  if (mappingErrors.length) {
    return { header, mapping: used, mappingErrors, rowErrors: [], errorCount: 0, dataRows: Math.max(rows.length - 1, 0), records: [] };
  }
  const read = toStockRows(rows, used, lines);
  const errorCount = read.errorCount;
  return {
    header,
    mapping: used,
    mappingErrors,
    rowErrors: read.errors,
    errorCount,
    dataRows: rows.length - 1,
    records: errorCount ? [] : aggregateRows(read.rows),
  };
}

/** One line that says why an import was refused, for the UI and the source's lastError. */
export function describeTableProblems(result: StockTableResult): string | null {
  if (result.mappingErrors.length) return result.mappingErrors.join('；');
  if (result.errorCount) {
    const first = result.rowErrors.slice(0, 3).map((e) => e.reason).join('；');
    return result.errorCount > 3 ? `${result.errorCount} 行有错误：${first}…` : first;
  }
  if (result.records.length === 0) return '没有可导入的库存行';
  return null;
}
