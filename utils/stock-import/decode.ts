/**
 * Turns the raw bytes of an uploaded/fetched stock file into text.
 * Chinese ERPs export UTF-8 (with or without BOM), UTF-16 ("Unicode text"
 * from Excel) or GBK; we never trust a declared charset and sniff instead.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /**
   * Set when the bytes are none of the encodings read here (not UTF-8, UTF-16 or GB18030: Big5, Shift-JIS, a
   * damaged file…): how many byte sequences could not be decoded and the 1-based line of the first. The text then
   * holds U+FFFD in their place; an import must refuse it (see check.ts).
   */
  undecodable?: { count: number; line: number };
}

// How many leading bytes the UTF-16 heuristic looks at: enough to cover the
// header and a few rows, small enough to stay constant-time.
const SNIFF_BYTES = 4096;

export function decodeBytes(bytes: Uint8Array): DecodedText {
  const bom = detectBom(bytes);
  if (bom) return { text: decodeWith(bom.encoding, bytes.subarray(bom.length)), encoding: bom.encoding };

  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: decodeWith(utf16, bytes), encoding: utf16 };

  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: assume the Chinese legacy encoding. gb18030 is a
    // superset of GBK/GB2312 and, unlike some 'gbk' decoders, handles the
    // 4-byte sequences (e.g. 𠮷).
    try {
      return { text: new TextDecoder('gb18030', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'gb18030' };
    } catch {
      const text = decodeWith('gb18030', bytes);
      return { text, encoding: 'gb18030', undecodable: findReplacements(text) };
    }
  }
}

/** Where the decoder put U+FFFD: how often, and the line of the first. */
function findReplacements(text: string): { count: number; line: number } {
  let count = 0;
  let first = -1;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) {
    if (first < 0) first = i;
    count++;
  }
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < first; i = text.indexOf('\n', i + 1)) line++;
  return { count, line };
}

export function detectBom(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-8 and GBK text never contains NUL bytes, while UTF-16 text with ASCII
 * content (digits, commas, tabs, newlines) has a NUL in every other byte.
 * Pure-CJK UTF-16 has few NULs, but a stock table always has digits and
 * delimiters, so a clear majority of NULs on one side is a reliable signal.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (length < 4) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const pairs = length / 2;
  if (oddNuls >= pairs * 0.3 && evenNuls <= pairs * 0.05) return 'utf-16le';
  if (evenNuls >= pairs * 0.3 && oddNuls <= pairs * 0.05) return 'utf-16be';
  return null;
}

function decodeWith(encoding: TextEncodingName, bytes: Uint8Array): string {
  // ignoreBOM: the BOM (if any) was already sliced off; a second U+FEFF
  // would be content and must not be silently eaten.
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}
