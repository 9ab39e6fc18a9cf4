import { parseStockInput } from '../stock/parse-stock-input';
import { decodeBytes } from '../stock-import/decode';
import { MAX_PACK_BYTES, PackError, parsePackText, tooLarge, type Pack } from './pack-format';
import { readSnippetSheetWithNotes, type SheetSnippet } from './snippet-sheet';

export type SnippetInput =
  | { kind: 'pack'; pack: Pack }
  /** `notes`: what was read differently from the sheet (see readSnippetSheetWithNotes), for the preview. */
  | { kind: 'sheet'; rows: SheetSnippet[]; format: string; notes?: string[] };

const looksLikeJson = (text: string) => /^\s*[{[]/.test(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/**
 * A file, pasted text or downloaded body: a JSON team pack, or a sheet (CSV/TSV/XLSX, any common encoding) of
 * snippets. Same 5 MB limit for all: a library of 20,000 snippets fits well within it.
 */
export async function readSnippetInput(input: { bytes: Uint8Array; fileName: string } | { text: string }): Promise<SnippetInput> {
  const size = 'text' in input ? new TextEncoder().encode(input.text).byteLength : input.bytes.byteLength;
  if (size > MAX_PACK_BYTES) throw new PackError(tooLarge(size));
  const text = 'text' in input ? input.text : isZip(input.bytes) ? null : decodeBytes(input.bytes).text;
  if (text !== null && looksLikeJson(text)) return { kind: 'pack', pack: parsePackText(text) };
  const table = await parseStockInput(input);
  const { snippets, notes } = readSnippetSheetWithNotes(table.rows, table.lines);
  return { kind: 'sheet', rows: snippets, format: table.format, notes };
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;
