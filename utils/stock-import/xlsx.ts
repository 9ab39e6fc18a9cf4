/**
 * Minimal XLSX reader: first worksheet as a grid of strings.
 * fflate unzips; the sheet XML is read with regular expressions (no
 * DOMParser, so it also works in a service worker). Styles, dates and
 * formulas are ignored: stock exports only need text and integers.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { crc32, declaredChecksums } from './zip-checksums';

const DAMAGED = '这不是有效的 Excel（.xlsx）文件，或文件已损坏';

export interface XlsxTable {
  rows: string[][];
  /** 1-based worksheet row number of each returned row (blank rows skipped). */
  lines: number[];
}

// Bounds against zip bombs: fflate inflates into a buffer of the declared
// size and never grows it, so checking the declared size bounds memory.
const MAX_PART_BYTES = 200 * 1024 * 1024;
// Excel's own limits; also keeps a hostile cell reference from allocating.
const MAX_COLUMNS = 16384;
const MAX_ROWS = 1048576;

/** First worksheet; rows keep their sheet position (blank rows are []). */
export async function readXlsxRows(bytes: Uint8Array): Promise<string[][]> {
  const { rows, lines } = await readXlsxTable(bytes);
  const grid: string[][] = [];
  rows.forEach((row, k) => {
    const target = lines[k]! - 1;
    while (grid.length < target) grid.push([]);
    grid.push(row);
  });
  return grid;
}

/** First worksheet without blank rows, plus each row's sheet row number. */
export async function readXlsxTable(bytes: Uint8Array): Promise<XlsxTable> {
  const meta = unzipParts(bytes, (name) =>
    name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels' || name === 'xl/sharedStrings.xml',
  );
  const workbook = meta['xl/workbook.xml'];
  if (!workbook) throw new Error('这不是有效的 Excel（.xlsx）文件');

  const sheetPath = firstSheetPath(utf8(workbook), meta['xl/_rels/workbook.xml.rels']);
  let sheetBytes = sheetPath ? unzipParts(bytes, (name) => name === sheetPath)[sheetPath] : undefined;
  if (!sheetBytes) {
    // Fall back to the conventional name when the relationships are odd.
    sheetBytes = unzipParts(bytes, (name) => name === 'xl/worksheets/sheet1.xml')['xl/worksheets/sheet1.xml'];
  }
  if (!sheetBytes) throw new Error('Excel 文件里找不到工作表');

  const sharedStringsXml = meta['xl/sharedStrings.xml'];
  const sharedStrings = sharedStringsXml ? readSharedStrings(utf8(sharedStringsXml)) : [];
  return readSheet(utf8(sheetBytes), sharedStrings);
}

function unzipParts(bytes: Uint8Array, wanted: (name: string) => boolean): Record<string, Uint8Array> {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (file: UnzipFileInfo) => {
        if (!wanted(file.name)) return false;
        if (file.originalSize > MAX_PART_BYTES) throw new Error('Excel 文件过大，无法读取');
        return true;
      },
    });
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Excel')) throw error;
    throw new Error(DAMAGED);
  }
  // A part that does not match its checksum was cut short or altered: reading it would drop or change rows silently.
  const declared = declaredChecksums(bytes);
  for (const [name, part] of Object.entries(parts)) if (declared.get(name) !== crc32(part)) throw new Error(DAMAGED);
  return parts;
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

// Tags may carry a namespace prefix (e.g. <x:row> from the .NET SDK).
const P = '(?:[A-Za-z_][\\w.-]*:)?';

/** Resolves the first <sheet> of the workbook to its part path inside the zip. */
function firstSheetPath(workbookXml: string, relsBytes: Uint8Array | undefined): string | null {
  const sheet = new RegExp(`<${P}sheet\\b([^>]*)>`).exec(workbookXml);
  if (!sheet || !relsBytes) return null;
  const relId = /\br:id="([^"]*)"|\b[\w.-]+:id="([^"]*)"/.exec(sheet[1] ?? '');
  const id = relId?.[1] ?? relId?.[2];
  if (!id) return null;
  const relsXml = utf8(relsBytes);
  for (const match of relsXml.matchAll(new RegExp(`<${P}Relationship\\b([^>]*)>`, 'g'))) {
    const attrs = match[1] ?? '';
    if (attribute(attrs, 'Id') !== id) continue;
    const target = attribute(attrs, 'Target');
    if (!target) return null;
    // Targets are relative to xl/ unless absolute ("/xl/worksheets/…").
    return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  }
  return null;
}

const attributePatterns = new Map<string, RegExp>();

function attribute(attrs: string, name: string): string | undefined {
  // Fast path for how Excel and most writers serialise attributes (` r="A1"`):
  // this runs several times per cell on sheets with a million cells.
  const key = ` ${name}="`;
  const at = attrs.indexOf(key);
  if (at >= 0) {
    const start = at + key.length;
    const end = attrs.indexOf('"', start);
    if (end >= 0) return attrs.slice(start, end);
  }
  if (!attrs.includes(`${name}=`) && !attrs.includes(`${name} `)) return undefined;
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  const match = pattern.exec(attrs);
  return match ? (match[1] ?? match[2]) : undefined;
}

function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  const item = new RegExp(`<${P}si\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}si>)`, 'g');
  for (const match of xml.matchAll(item)) strings.push(richText(match[1] ?? ''));
  return strings;
}

const PHONETIC_RUN = new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, 'g');
const TEXT_RUN = new RegExp(`<${P}t\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}t>)`, 'g');

/** Concatenates the <t> runs of a string item, skipping phonetic (ruby) runs. */
function richText(xml: string): string {
  if (xml.includes('rPh')) xml = xml.replace(PHONETIC_RUN, '');
  let text = '';
  // exec loop rather than matchAll: matchAll clones the RegExp on every call,
  // which shows up when this runs once per inline-string cell.
  TEXT_RUN.lastIndex = 0;
  for (let match = TEXT_RUN.exec(xml); match; match = TEXT_RUN.exec(xml)) text += match[1] ?? '';
  return decodeXmlText(text);
}

const ROW = new RegExp(`<${P}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}row>)`, 'g');
const CELL = new RegExp(`<${P}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}c>)`, 'g');
const VALUE = new RegExp(`<${P}v\\b[^>]*>([\\s\\S]*?)</${P}v>`);
const INLINE = new RegExp(`<${P}is\\b[^>]*>([\\s\\S]*?)</${P}is>`);

function readSheet(xml: string, sharedStrings: string[]): XlsxTable {
  const rows: string[][] = [];
  const lines: number[] = [];
  let previousRow = 0;
  for (const rowMatch of xml.matchAll(ROW)) {
    const rowNumber = Number(attribute(rowMatch[1] ?? '', 'r')) || previousRow + 1;
    if (rowNumber <= previousRow || rowNumber > MAX_ROWS) throw new Error('Excel 工作表的行号无效');
    previousRow = rowNumber;

    const row: string[] = [];
    let nextColumn = 0;
    const rowXml = rowMatch[2] ?? '';
    CELL.lastIndex = 0;
    for (let cellMatch = CELL.exec(rowXml); cellMatch; cellMatch = CELL.exec(rowXml)) {
      const attrs = cellMatch[1] ?? '';
      const ref = attribute(attrs, 'r');
      const column = ref ? columnIndex(ref) : nextColumn;
      if (column < 0 || column >= MAX_COLUMNS) throw new Error('Excel 工作表的单元格位置无效');
      nextColumn = column + 1;
      const value = cellText(attribute(attrs, 't'), cellMatch[2] ?? '', sharedStrings);
      while (row.length < column) row.push(''); // keep gaps aligned
      row[column] = value;
    }
    while (row.length > 0 && row[row.length - 1] === '') row.pop();
    if (row.length === 0) continue;
    rows.push(row);
    lines.push(rowNumber);
  }
  return { rows, lines };
}

/** "AB12" → 27 (0-based column). */
function columnIndex(ref: string): number {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower-case letters
    if (c < 97 || c > 122) break;
    column = column * 26 + (c - 96);
    if (column > MAX_COLUMNS) return -1;
  }
  return i === 0 ? -1 : column - 1;
}

function cellText(type: string | undefined, content: string, sharedStrings: string[]): string {
  if (type === 'inlineStr') return richText(INLINE.exec(content)?.[1] ?? '');
  const raw = VALUE.exec(content)?.[1];
  if (raw === undefined) return '';
  switch (type) {
    case 's':
      return sharedStrings[Number(raw)] ?? '';
    case 'b':
      return raw === '1' ? 'TRUE' : 'FALSE';
    case 'str':
    case 'e':
      return decodeXmlText(raw);
    default:
      return numberText(raw.trim());
  }
}

/**
 * Excel stores binary doubles with up to 17 digits (12.300000000000001);
 * it displays 15 significant digits, so do the same. Integers are kept
 * verbatim so long codes stored as numbers keep all their digits.
 */
function numberText(raw: string): string {
  if (/^-?\d+$/.test(raw)) return raw;
  const value = Number(raw);
  if (!Number.isFinite(value)) return raw;
  return String(Number(value.toPrecision(15)));
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
// OOXML escapes characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for CR).
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

function decodeXmlText(text: string): string {
  if (text.indexOf('&') < 0 && text.indexOf('_x') < 0) return text;
  return text
    .replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
      if (name) return NAMED_ENTITIES[name] ?? whole;
      const code = dec ? Number(dec) : parseInt(hex ?? '', 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
}
