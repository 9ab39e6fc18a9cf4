/**
 * Delimited-text (CSV/TSV/semicolon) parser for ERP exports and tables pasted
 * from ERP web pages. Hand-rolled: a single linear pass over char codes,
 * RFC 4180 quoting, and physical line numbers kept for error messages.
 */

export type Delimiter = ',' | '\t' | ';';

export interface DelimitedTable {
  delimiter: Delimiter;
  rows: string[][];
  /** 1-based physical line on which each returned row starts. */
  lines: number[];
}

export interface ParseDelimitedOptions {
  /** Throw once more rows than this are produced (bounded work for feeds). */
  maxRows?: number;
  /** A later piece of a text read in pieces (./read-stock-file.ts): its delimiter, and the line it starts on. */
  continues?: { delimiter: Delimiter; line: number };
  /**
   * More text follows: a row the text ends inside (no line break yet, an open quote, a CR whose LF may follow) is
   * not returned; `rest` says where it starts, to be parsed again with the next piece.
   */
  partial?: boolean;
}

export interface PartialTable extends DelimitedTable {
  /** Index in the text of the first row not returned (the text's length when every row was). */
  rest: number;
  /** The physical line `rest` is on. */
  restLine: number;
}

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

// Delimiter detection looks at a bounded prefix only.
export const DETECT_MAX_CHARS = 64 * 1024;
const DETECT_MAX_LINES = 10;
// Tie-break order: a pasted web table is tab-separated and may contain commas
// inside unquoted product names, so a consistent tab count wins.
const CANDIDATES: readonly Delimiter[] = ['\t', ',', ';'];

export function parseDelimited(text: string, options: ParseDelimitedOptions = {}): PartialTable {
  if (!options.continues && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const delimiter = options.continues?.delimiter ?? detectDelimiter(text);
  const d = delimiter.charCodeAt(0);
  const maxRows = options.maxRows ?? Infinity;
  const partial = options.partial ?? false;
  const n = text.length;

  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let line = options.continues?.line ?? 1; // physical line of the cursor
  let rowLine = line; // physical line where the current row started
  let rowStart = 0; // index where the current row started
  const unfinished = (): PartialTable => ({ delimiter, rows, lines, rest: rowStart, restLine: rowLine });
  // After an unterminated quote, quotes are treated as ordinary characters
  // for the rest of the text, which keeps malformed input linear-time.
  let quotesEnabled = true;
  let i = 0;

  const endRow = (): void => {
    // Blank (or whitespace-only) physical lines are skipped, not returned.
    if (row.length > 1 || (row[0] ?? '').trim() !== '') {
      if (rows.length >= maxRows) throw new Error(`表格超过 ${maxRows} 行上限`);
      rows.push(row);
      lines.push(rowLine);
    }
    row = [];
  };

  while (i < n) {
    let c = text.charCodeAt(i);

    if (c === QUOTE && quotesEnabled) {
      const quoted = readQuoted(text, i, d);
      // The closing quote may be in the next piece.
      if (!quoted && partial) return unfinished();
      if (quoted) {
        row.push(quoted.value);
        line += quoted.newlines;
        i = quoted.end;
      } else {
        quotesEnabled = false;
        continue; // re-read this field as unquoted
      }
    } else {
      let j = i;
      while (j < n) {
        c = text.charCodeAt(j);
        if (c === d || c === LF || c === CR) break;
        j++;
      }
      row.push(text.slice(i, j));
      i = j;
    }

    // The cursor now sits on a delimiter, a line break or the end of text.
    if (i >= n) break;
    c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i >= n) row.push(''); // trailing delimiter at the very end
      continue;
    }
    if (partial && c === CR && i + 1 >= n) return unfinished();
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    endRow();
    line++;
    rowLine = line;
    rowStart = i;
  }
  if (partial && rowStart < n) return unfinished();
  if (row.length > 0) endRow();

  return { delimiter, rows, lines, rest: n, restLine: line };
}

interface QuotedField {
  value: string;
  /** Index just past the field (on the delimiter / line break / end). */
  end: number;
  newlines: number;
}

/**
 * Reads a field starting with a quote at `start`. Returns null if the quote is
 * never closed. Text after a closing quote up to the next delimiter is kept
 * (lenient, like spreadsheet programs) instead of failing the whole file.
 */
function readQuoted(text: string, start: number, d: number): QuotedField | null {
  const n = text.length;
  let value = '';
  let newlines = 0;
  let chunkStart = start + 1;
  let j = chunkStart;
  for (;;) {
    if (j >= n) return null;
    const c = text.charCodeAt(j);
    if (c === QUOTE) {
      if (text.charCodeAt(j + 1) === QUOTE) {
        value += text.slice(chunkStart, j + 1);
        j += 2;
        chunkStart = j;
        continue;
      }
      value += text.slice(chunkStart, j);
      j++;
      break;
    }
    if (c === LF || (c === CR && text.charCodeAt(j + 1) !== LF)) newlines++;
    j++;
  }
  // Malformed tail such as "a"b, : keep "b" as part of the value.
  let k = j;
  while (k < n) {
    const c = text.charCodeAt(k);
    if (c === d || c === LF || c === CR) break;
    k++;
  }
  if (k > j) value += text.slice(j, k);
  return { value, end: k, newlines };
}

/**
 * Counts each candidate delimiter outside quotes on the first few logical
 * lines and picks the one whose count is non-zero and most consistent.
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = CANDIDATES.map(() => [] as number[]);
  const current = CANDIDATES.map(() => 0);
  const codes = CANDIDATES.map((c) => c.charCodeAt(0));
  const limit = Math.min(text.length, DETECT_MAX_CHARS);
  let inQuotes = false;
  let lineHasContent = false;

  const flushLine = (): void => {
    if (lineHasContent) codes.forEach((_, k) => counts[k]!.push(current[k]!));
    current.fill(0);
    lineHasContent = false;
  };

  for (let i = 0; i < limit && counts[0]!.length < DETECT_MAX_LINES; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      inQuotes = !inQuotes; // a doubled quote toggles twice: net no change
      lineHasContent = true;
    } else if (inQuotes) {
      continue;
    } else if (c === LF || c === CR) {
      flushLine();
    } else {
      const k = codes.indexOf(c);
      if (k >= 0) current[k]!++;
      if (c !== 32) lineHasContent = true;
    }
  }
  flushLine();

  let best: Delimiter = ',';
  let bestScore = 0;
  CANDIDATES.forEach((candidate, k) => {
    const perLine = counts[k]!;
    const first = perLine[0] ?? 0;
    if (first === 0) return;
    const consistent = perLine.filter((count) => count === first).length;
    // Consistency dominates; the column count breaks ties between equally
    // consistent delimiters (strictly greater keeps the tie-break order).
    const score = consistent * 1000 + Math.min(first, 999);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  });
  return best;
}
