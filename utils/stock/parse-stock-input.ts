import { decodeBytes } from '../stock-import/decode';
import { parseDelimited } from '../stock-import/table';
import { readXlsxTable } from '../stock-import/xlsx';

export const OLD_XLS = '不支持旧版 .xls 文件，请在 ERP 或 Excel 中另存为 .xlsx 或 .csv';

/** The biggest file a snippet sheet import accepts (the stock import reads in pieces: see read-stock-file.ts). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ParsedTable {
  rows: string[][];
  /** Physical line (or sheet row) number of each row, for error messages. */
  lines: number[];
  /** What was detected, shown in the preview. */
  format: string;
  /** Delimited text: a cell's column is its position, so every line must have the header's column count. */
  positional: boolean;
  /** Bytes in none of the encodings read (see decodeBytes); the import refuses the file. */
  undecodable?: { count: number; line: number };
}

/** An XLSX (a zip archive) by its first bytes. */
export const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** A file (CSV, TSV, XLSX; any common encoding) or pasted text as table rows. */
export async function parseStockInput(input: { bytes: Uint8Array; fileName: string } | { text: string }): Promise<ParsedTable> {
  if ('text' in input) {
    const { rows, lines, delimiter } = parseDelimited(input.text);
    return { rows, lines, positional: true, format: delimiter === '\t' ? '粘贴的表格（制表符分隔）' : `粘贴的文本（“${delimiter}”分隔）` };
  }
  if (input.bytes.byteLength > MAX_IMPORT_BYTES) throw new Error(`文件过大（上限 ${MAX_IMPORT_BYTES / 1024 / 1024} MB）`);
  if (isZip(input.bytes) || /\.xlsx$/i.test(input.fileName)) {
    if (!isZip(input.bytes)) throw new Error('这不是有效的 XLSX 文件');
    const { rows, lines } = await readXlsxTable(input.bytes);
    return { rows, lines, positional: false, format: 'XLSX' };
  }
  if (/\.xls$/i.test(input.fileName)) throw new Error(OLD_XLS);
  const { text, encoding, undecodable } = decodeBytes(input.bytes);
  const { rows, lines, delimiter } = parseDelimited(text);
  const kind = delimiter === '\t' ? 'TSV' : 'CSV';
  const table: ParsedTable = { rows, lines, positional: true, format: `${kind} · ${undecodable ? '编码无法识别' : encoding.toUpperCase()}` };
  if (undecodable) table.undecodable = undecodable;
  return table;
}
