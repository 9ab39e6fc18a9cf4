/**
 * Every check a stock table goes through before anything is committed, in one pure module shared by the options
 * page's import (file or paste) and the worker's URL feeds (see `checkFeedBody` in ./feed.ts).
 *
 * ERRORS are about what the stock needs — the code, the quantity that gives `available`, the warehouse a row counts
 * in, the shape of the line (a row whose column count differs from the header has shifted values), a code + warehouse
 * seen twice, bytes in no encoding we read — and block the import. WARNINGS are about informative columns (a 实际库存
 * next to a 可用库存, a 锁定库存 that is not used for `available`) whose value cannot be read: the row is imported
 * without that value, only after the agent says so ("仍然导入"), and the outcome names what was dropped.
 * Each problem names its line, its column and its value.
 */
import type { StockRecord } from './aggregate';
import { detectMapping, findHeaderRow, mappingProblems, type ColumnMapping } from './columns';
import { stockRowReader, type RowError, type RowWarning } from './rows';

export interface StockCheckOptions {
  /** The agent's correction, or the mapping remembered for the source; detected from the header otherwise. */
  mapping?: ColumnMapping;
  /** Delimited text: every line must have the header's column count. Off for XLSX. Default on. */
  checkColumnCount?: boolean;
  /** From `decodeBytes`: bytes in none of the encodings read. */
  undecodable?: { count: number; line: number };
  /** How many errors and warnings are listed (all are counted). Default 50. */
  maxListed?: number;
}

export interface StockCheck {
  header: string[];
  /** Row index of the header in the rows given (title lines above it are skipped). */
  headerIndex: number;
  mapping: ColumnMapping;
  /** Problems of the file or the mapping itself: encoding, no code column, no quantity column, empty. */
  fileErrors: string[];
  /** Rows that cannot be read, each `第 N 行：…` with the value. Any error blocks the import. */
  rowErrors: RowError[];
  errorCount: number;
  /** Values an import would drop (informative columns). Importing needs an explicit "import anyway". */
  warnings: RowWarning[];
  warningCount: number;
  /** Header of each column with dropped values → how many. */
  dropped: Record<string, number>;
  dataRows: number;
  /** What an import would commit; empty when there is any error. */
  records: StockRecord[];
}

export function checkStockTable(allRows: string[][], allLines: number[] | undefined, options: StockCheckOptions = {}): StockCheck {
  const checker = stockChecker(options);
  checker.add(allRows, allLines);
  return checker.finish();
}

/**
 * checkStockTable for a table read in pieces (a big file is never held whole, see ./read-stock-file.ts): the header is
 * looked for in the first piece, each row is checked and folded into its record as it comes, and only the records
 * are kept. `add` may be called any number of times; `rows` counts the data rows seen so far.
 */
export function stockChecker(options: StockCheckOptions = {}) {
  let head: Pick<StockCheck, 'header' | 'headerIndex' | 'mapping'> | undefined;
  let reader: ReturnType<typeof stockRowReader> | undefined;
  const fileErrors: string[] = [];
  let dataRows = 0;
  let seenRows = 0;

  const start = (rows: string[][]) => {
    // ERP exports often put a title line ("库存报表 2026-11-25") above the header.
    const headerIndex = rows.length ? Math.max(0, findHeaderRow(rows)) : 0;
    const header = rows[headerIndex] ?? [];
    const mapping = options.mapping ?? detectMapping(header);
    head = { header, headerIndex, mapping };
    if (rows.length === 0) fileErrors.push('文件是空的');
    else {
      fileErrors.push(...mappingProblems(mapping));
      if (mappingProblems(mapping).length === 0) {
        reader = stockRowReader(header, mapping, { maxErrors: options.maxListed, checkColumnCount: options.checkColumnCount ?? true });
      }
    }
    return headerIndex + 1;
  };

  const add = (rows: string[][], lines: number[] | undefined): void => {
    let i = 0;
    if (!head) {
      i = start(rows);
      dataRows = Math.max(rows.length - i, 0);
    } else dataRows += rows.length;
    if (!reader) return;
    const headerIndex = head!.headerIndex;
    for (; i < rows.length; i++) {
      // Without physical lines, a row's line counts from the header (line 1).
      const line = lines?.[i] ?? seenRows + i - headerIndex + 1;
      reader.add(rows[i]!, line);
    }
    seenRows += rows.length;
  };

  /** `undecodable`: as the option, when it is known only once the whole text was read. */
  const finish = (undecodable = options.undecodable): StockCheck => {
    if (!head) start([]);
    if (undecodable) {
      const { count, line } = undecodable;
      fileErrors.unshift(
        `第 ${line} 行起有 ${count} 处内容无法按 UTF-8、UTF-16 或 GB18030/GBK 解码（文件编码无法识别），请在 ERP 或 Excel 中另存为 UTF-8 或 GBK 的 CSV`,
      );
    }
    const read = reader?.result;
    const blocked = fileErrors.length > 0 || !read || read.errorCount > 0;
    return {
      ...head!,
      fileErrors,
      rowErrors: read?.errors ?? [],
      errorCount: read?.errorCount ?? 0,
      warnings: read?.warnings ?? [],
      warningCount: read?.warningCount ?? 0,
      dropped: read?.dropped ?? {},
      dataRows,
      records: blocked ? [] : reader!.records(),
    };
  };

  return { add, finish, rows: () => dataRows };
}

/** Nothing blocks the import (warnings may still need "import anyway"). */
export function canCommit(check: StockCheck): boolean {
  return check.fileErrors.length === 0 && check.errorCount === 0 && check.records.length > 0;
}

/** One line that says why the table cannot be imported, or null. For the UI, a feed's lastError, the log. */
export function describeErrors(check: StockCheck): string | null {
  if (check.fileErrors.length) return check.fileErrors.join('；');
  if (check.errorCount) {
    const first = check.rowErrors.slice(0, 3).map((e) => e.reason).join('；');
    return check.errorCount > 3 ? `${check.errorCount} 行有错误：${first}…` : first;
  }
  if (check.records.length === 0) return '没有可导入的库存行';
  return null;
}

/** What an import would drop, `“实际库存数”2 个值、“锁定库存”1 个值`, or null when nothing is dropped. */
export function describeDropped(check: Pick<StockCheck, 'dropped'>): string | null {
  const parts = Object.entries(check.dropped).map(([column, count]) => `“${column}”${count} 个值`);
  return parts.length ? parts.join('、') : null;
}

/** The warnings as one line with their lines and values (the first three), or null. */
export function describeWarnings(check: StockCheck): string | null {
  if (!check.warningCount) return null;
  const first = check.warnings.slice(0, 3).map((w) => w.reason).join('；');
  return `舍弃 ${check.warningCount} 个无法读取的参考值（${describeDropped(check)}）：${first}${check.warningCount > 3 ? '…' : ''}`;
}
