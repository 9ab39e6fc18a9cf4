/**
 * A stock file read and checked in pieces, never held whole: 1 MiB of bytes at a time is decoded (streaming
 * TextDecoder), parsed into rows (parseDelimited, `partial`) and folded into records (stockChecker), and only the
 * records and the first rows (for the preview) are kept. A 1,000,000-row export (~80 MB) then needs the records'
 * memory, not the text's and every cell's. Between pieces the page runs (progress, the cancel button), and an
 * AbortSignal stops the read.
 */
import { stockChecker, type StockCheck, type StockCheckOptions } from './check';
import { detectBom, sniffUtf16, type TextEncodingName } from './decode';
import { DETECT_MAX_CHARS, parseDelimited, type Delimiter } from './table';
import { readXlsxTable } from './xlsx';
import { isZip, OLD_XLS } from '../stock/parse-stock-input';

/** The biggest CSV/TSV the import reads (about 2,000,000 rows of a typical ERP export), checked before reading. */
export const MAX_DELIMITED_BYTES = 160 * 1024 * 1024;
/** The biggest XLSX: an archive is unpacked in memory whole. */
export const MAX_XLSX_BYTES = 50 * 1024 * 1024;
const PIECE_BYTES = 1024 * 1024;
/** A row still open after this many characters (a quote never closed) stops the read with its line. */
const MAX_ROW_CHARS = 8 * 1024 * 1024;
/** Rows kept from the start of the file for the preview (title lines, the header and sample rows). */
const KEPT_ROWS = 40;

export interface ReadProgress {
  stage: 'read' | 'commit';
  /** Data rows read so far, or records written. */
  done: number;
  /** Records to write (commit); unknown while reading. */
  total?: number;
}

export interface StockFileRead {
  /** The first rows and their physical lines, for the preview's header and samples. */
  rows: string[][];
  lines: number[];
  format: string;
  /** Delimited text: a cell's column is its position, so every line must have the header's column count. */
  positional: boolean;
  check: StockCheck;
}

export interface ReadOptions {
  mapping?: StockCheckOptions['mapping'];
  signal?: AbortSignal;
  onProgress?: (progress: ReadProgress) => void;
  /** Bytes per piece (default 1 MiB); tests use tiny pieces to cross every kind of boundary. */
  pieceBytes?: number;
}

/** A file (CSV, TSV, XLSX; any common encoding) or pasted text, read and checked as the import commits it. */
export async function readStockInput(input: { file: Blob; fileName: string } | { text: string }, options: ReadOptions = {}): Promise<StockFileRead> {
  if ('text' in input) {
    const table = parseDelimited(input.text);
    const checker = stockChecker({ mapping: options.mapping });
    checker.add(table.rows, table.lines);
    const format = table.delimiter === '\t' ? '粘贴的表格（制表符分隔）' : `粘贴的文本（“${table.delimiter}”分隔）`;
    return { ...kept(table.rows, table.lines), format, positional: true, check: checker.finish() };
  }
  const { file, fileName } = input;
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  if (isZip(head) || /\.xlsx$/i.test(fileName)) {
    if (!isZip(head)) throw new Error('这不是有效的 XLSX 文件');
    if (file.size > MAX_XLSX_BYTES) throw new Error(`Excel 文件过大（上限 ${MAX_XLSX_BYTES / 1024 / 1024} MB，可在 ERP 中另存为 CSV）`);
    const { rows, lines } = await readXlsxTable(new Uint8Array(await file.arrayBuffer()));
    const checker = stockChecker({ mapping: options.mapping, checkColumnCount: false });
    checker.add(rows, lines);
    return { ...kept(rows, lines), format: 'XLSX', positional: false, check: checker.finish() };
  }
  if (/\.xls$/i.test(fileName)) throw new Error(OLD_XLS);
  if (file.size > MAX_DELIMITED_BYTES) {
    throw new Error(`文件过大（${(file.size / 1024 / 1024).toFixed(0)} MB，上限 ${MAX_DELIMITED_BYTES / 1024 / 1024} MB，约 200 万行）`);
  }
  return readDelimited(file, head, options);
}

/**
 * The encodings tried in turn, as decodeBytes does (a BOM or UTF-16 by its NULs; else UTF-8, then GB18030, each
 * strict; then GB18030 marking what it cannot decode): a strict decoder that fails starts the read again with the
 * next. A GBK file fails UTF-8 on its first Chinese character, so the retry costs almost nothing.
 */
async function readDelimited(file: Blob, head: Uint8Array, options: ReadOptions): Promise<StockFileRead> {
  const bom = detectBom(head);
  const sniffed = bom ? null : sniffUtf16(head);
  // `mark`: the last resort, whose U+FFFD are counted (the import refuses such a file).
  const tries: Attempt[] = bom
    ? [{ encoding: bom.encoding, fatal: false, mark: false }]
    : sniffed
      ? [{ encoding: sniffed, fatal: false, mark: false }]
      : [{ encoding: 'utf-8', fatal: true, mark: false }, { encoding: 'gb18030', fatal: true, mark: false }, { encoding: 'gb18030', fatal: false, mark: true }];
  for (const attempt of tries) {
    try {
      return await readWith(file, bom?.length ?? 0, attempt, options);
    } catch (error) {
      // A strict decoder's TypeError: not this encoding.
      if (!(attempt.fatal && error instanceof TypeError)) throw error;
    }
  }
  throw new Error('unreachable: the last encoding is not strict');
}

interface Attempt {
  encoding: TextEncodingName;
  fatal: boolean;
  mark: boolean;
}

async function readWith(file: Blob, from: number, { encoding, fatal, mark }: Attempt, options: ReadOptions): Promise<StockFileRead> {
  const pieceBytes = options.pieceBytes ?? PIECE_BYTES;
  const decoder = new TextDecoder(encoding, { fatal, ignoreBOM: true });
  const checker = stockChecker({ mapping: options.mapping });
  let first: { rows: string[][]; lines: number[] } | undefined;
  const starting: { rows: string[][]; lines: number[] } = { rows: [], lines: [] };
  let continues: { delimiter: Delimiter; line: number } | undefined;
  let carry = '';
  let undecodable: { count: number; line: number } | undefined;
  for (let offset = from; ; offset += pieceBytes) {
    options.signal?.throwIfAborted();
    const last = offset + pieceBytes >= file.size;
    const bytes = new Uint8Array(await file.slice(offset, offset + pieceBytes).arrayBuffer());
    const text = carry + decoder.decode(bytes, { stream: !last });
    if (mark) undecodable = countReplacements(text, carry.length, continues?.line ?? 1, undecodable);
    // The delimiter is detected on the text's first 64K characters (+1: a BOM is dropped first), as the whole read does.
    if (!continues && !last && text.length <= DETECT_MAX_CHARS + 1) {
      carry = text;
      continue;
    }
    const table = parseDelimited(text, { continues, partial: !last });
    if (first) checker.add(table.rows, table.lines);
    else {
      // The header is looked for in the first rows (findHeaderRow): gather enough of them before the first add.
      starting.rows.push(...table.rows);
      starting.lines.push(...table.lines);
      if (starting.rows.length >= KEPT_ROWS || last) {
        first = kept(starting.rows, starting.lines);
        checker.add(starting.rows, starting.lines);
      }
    }
    if (last) {
      const check = checker.finish(undecodable);
      const kind = table.delimiter === '\t' ? 'TSV' : 'CSV';
      return { ...first!, format: `${kind} · ${undecodable ? '编码无法识别' : encoding.toUpperCase()}`, positional: true, check };
    }
    carry = text.slice(table.rest);
    if (carry.length > MAX_ROW_CHARS) throw new Error(`第 ${table.restLine} 行超过 ${MAX_ROW_CHARS / 1024 / 1024} MB 仍未结束（可能有未闭合的引号）`);
    continues = { delimiter: table.delimiter, line: table.restLine };
    options.onProgress?.({ stage: 'read', done: checker.rows() });
    // Let the page draw the progress and take a click on 取消.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

function kept(rows: string[][], lines: number[]) {
  return { rows: rows.slice(0, KEPT_ROWS), lines: lines.slice(0, KEPT_ROWS) };
}

/** decodeBytes's count of U+FFFD and the line of the first, over the new text of one piece (after `from`). */
function countReplacements(text: string, from: number, line: number, sofar: { count: number; line: number } | undefined) {
  let count = sofar?.count ?? 0;
  let firstLine = sofar?.line;
  for (let i = text.indexOf('\uFFFD', from); i >= 0; i = text.indexOf('\uFFFD', i + 1)) {
    if (firstLine === undefined) {
      firstLine = line;
      for (let j = text.indexOf('\n'); j >= 0 && j < i; j = text.indexOf('\n', j + 1)) firstLine++;
    }
    count++;
  }
  return count ? { count, line: firstLine! } : undefined;
}
