import { cellUnderHeader } from '../adapters/table-columns';

/**
 * The header text of the table column the picked element sits in, when the row is a table row with a header above
 * it (库存, 商家编码 …): a part found by its column survives a console that adds or reorders columns, which a
 * position (`td:nth-of-type(3)`) does not. Verified the way the adapter will read it (cellUnderHeader).
 */
export function columnOf(row: Element, element: Element): { header: string; cell: Element } | null {
  const cell = [...row.children].find((child) => child.contains(element));
  if (!cell) return null;
  for (let level = row.parentElement, i = 0; level && i < 8; level = level.parentElement, i++) {
    const headers = [...level.querySelectorAll('th, [role="columnheader"]')].filter((h) => !row.contains(h));
    if (!headers.length) continue;
    const texts = headers.map((h) => (h.textContent ?? '').replace(/\s+/g, '').trim()).filter(Boolean);
    const header = texts.find((text) => cellUnderHeader(row, text) === cell);
    return header ? { header, cell } : null;
  }
  return null;
}
