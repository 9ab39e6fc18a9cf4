/**
 * Finds a row's cell by the text of its column's header (库存, 商家编码, 订单状态), so that a console which adds or
 * reorders columns still gets the right cell. The header row is looked for above the row: in the same table
 * (`thead`), or in a sibling table as Fusion and other virtual tables draw it (`.next-table-header`), as `th` or
 * `[role="columnheader"]` cells. Header positions are cached per header row and read again when its text changes.
 */

const HEADER_CELL = 'th, [role="columnheader"]';
const BODY_CELL = 'td, th, [role="cell"], [role="gridcell"], [role="columnheader"]';
/** How far above the row the header is looked for (row → tbody → table → body wrapper → table box). */
const MAX_LEVELS = 8;

interface HeaderColumns {
  signature: string;
  /** Normalised header text → first column position. */
  positions: { text: string; start: number }[];
}

const headerOf = new WeakMap<Element, Element>();
const columnsOf = new WeakMap<Element, HeaderColumns>();

/** The cell of `row` under the header reading `header` (exact text first, else the header that contains it). */
export function cellUnderHeader(row: Element, header: string): Element | null {
  const headerRow = findHeaderRow(row);
  if (!headerRow) return null;
  const start = columnStart(headerRow, normalise(header));
  if (start === null) return null;
  let position = 0;
  for (const cell of cellsOf(row)) {
    const span = spanOf(cell);
    if (start >= position && start < position + span) return cell;
    position += span;
  }
  return null;
}

function findHeaderRow(row: Element): Element | null {
  const parent = row.parentElement;
  const cached = parent && headerOf.get(parent);
  if (cached?.isConnected && cached.ownerDocument === row.ownerDocument) return cached;
  let level: Element | null = parent;
  for (let i = 0; level && i < MAX_LEVELS; i++, level = level.parentElement) {
    const cell = [...level.querySelectorAll(HEADER_CELL)].find((candidate) => !row.contains(candidate));
    const headerRow = cell?.parentElement;
    if (headerRow) {
      if (parent) headerOf.set(parent, headerRow);
      return headerRow;
    }
  }
  return null;
}

function columnStart(headerRow: Element, wanted: string): number | null {
  const signature = headerRow.textContent ?? '';
  let columns = columnsOf.get(headerRow);
  if (!columns || columns.signature !== signature) {
    let position = 0;
    const positions = cellsOf(headerRow).map((cell) => {
      const entry = { text: normalise(cell.textContent ?? ''), start: position };
      position += spanOf(cell);
      return entry;
    });
    columnsOf.set(headerRow, (columns = { signature, positions }));
  }
  const exact = columns.positions.find((p) => p.text === wanted);
  return (exact ?? columns.positions.find((p) => p.text.includes(wanted)))?.start ?? null;
}

function cellsOf(row: Element): Element[] {
  return [...row.children].filter((child) => child.matches(BODY_CELL));
}

function spanOf(cell: Element): number {
  const span = Number(cell.getAttribute('colspan'));
  return Number.isInteger(span) && span > 1 ? span : 1;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, '').trim();
}
