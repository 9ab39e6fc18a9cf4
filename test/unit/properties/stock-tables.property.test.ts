import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { stockSection } from '@/utils/backup/sections/stock-section';
import { checkStockTable } from '@/utils/stock-import/check';
import { checkFeedBody } from '@/utils/stock-import/feed';
import { parseDelimited } from '@/utils/stock-import/table';
import { readXlsxTable } from '@/utils/stock-import/xlsx';
import { parseStockInput } from '@/utils/stock/parse-stock-input';
import { readStockInput } from '@/utils/stock-import/read-stock-file';
import type { StockRecord } from '@/utils/stock-import/aggregate';
import { answer, holds, hostileText } from '../../support/properties';
import { xlsxOf } from '../../support/xlsx-writer';
import { noteTried } from '../../support/reliability-report';

/** What a commit stores must restore from a backup: the stock section's own schema is the check. */
function expectStorable(records: StockRecord[]) {
  for (let i = 0; i < records.length; i += 10_000) {
    const chunk = { sourceId: 'p', chunk: i, records: records.slice(i, i + 10_000) };
    expect(stockSection.schema.safeParse({ sources: [], chunks: [chunk] }).error?.issues[0]).toBeUndefined();
  }
  for (const r of records) {
    expect(r.code).not.toBe('');
    expect(Number.isFinite(r.available)).toBe(true);
    expect(r.available).toBe(Object.values(r.warehouses).reduce((a, b) => a + b, 0));
  }
}

const csvCell = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
const cell = hostileText(40);
/** A table of at least two columns (a one-column text has no delimiter to find). */
const table = fc.integer({ min: 2, max: 6 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 30 }));
/** Header synonyms and values a stock export has, so many generated tables get as far as the row checks. */
const stockish = fc.record({
  header: fc.shuffledSubarray(['规格编码', '商家编码', '商品名称', '仓库', '可用库存', '实际库存', '锁定库存', 'sku', 'qty'], { minLength: 2 }),
  rows: fc.array(fc.array(fc.oneof(cell, fc.integer({ min: -1e6, max: 1e12 }).map(String), fc.constantFrom('', '1,234', '12.5', '—', 'NaN', '1e309', 'A'.repeat(150))), { maxLength: 9 }), { maxLength: 40 }),
});

describe('stock tables under hostile input (fast-check)', () => {
  it('CSV/TSV text: never throws, rows and line numbers stay in step', async () => {
    await holds('hostile-input', 'CSV/TSV', fc.property(hostileText(2000), (text) => {
      const { rows, lines } = parseDelimited(text);
      expect(lines).toHaveLength(rows.length);
      lines.forEach((line, k) => expect(line).toBeGreaterThan(k ? lines[k - 1]! : 0));
    }), 300);
  });

  it('CSV round trip: quoted cells come back exactly', async () => {
    await holds('round-trip', 'CSV/TSV', fc.property(table, (rows) => {
      const text = rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
      expect(parseDelimited(text).rows).toEqual(rows);
    }), 200);
  });

  it('stock files (CSV/TSV bytes in any encoding, or a stock-like table): answer or refuse clearly; what would commit re-validates', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 3000 }),
      stockish.map(({ header, rows }) => new Uint8Array(iconv.encode([header, ...rows].map((r) => r.join(',')).join('\n'), 'gb18030'))),
      stockish.map(({ header, rows }) => strToU8([header, ...rows].map((r) => r.join('\t')).join('\n'))),
    );
    await holds('hostile-input', 'stock files', fc.asyncProperty(bytes, fc.constantFrom('s.csv', 's.tsv', 's.txt'), async (data, fileName) => {
      const parsed = await answer(() => parseStockInput({ bytes: data, fileName }));
      if (!('value' in parsed)) return;
      const check = checkStockTable(parsed.value.rows, parsed.value.lines, { undecodable: parsed.value.undecodable });
      expectStorable(check.records);
    }), 300);
  });

  it('a file read in pieces (any piece size, any encoding): the same check and the same first rows as the file read whole', async () => {
    const quoted = (rows: string[][]) => rows.map((r) => r.map((c, k) => (k % 2 ? csvCell(c) : c)).join(','));
    // Past the delimiter's 64K-character window (what is read before the first piece is parsed), so that the hostile
    // rows at the end fall across piece boundaries: quotes, line breaks inside cells, CR LF split, multi-byte characters.
    const long = fc.tuple(stockish, fc.constantFrom('\n', '\r\n', '\r')).map(([{ header, rows }, eol]) => {
      const filler = Array.from({ length: 3000 }, (_, i) => header.map((_, k) => (k === 0 ? `F-${i}` : String(i % 97))).join(','));
      const tail = Array.from({ length: 30 }, () => quoted(rows)).flat();
      return [header.join(','), ...quoted(rows.slice(0, 3)), ...filler, ...tail].join(eol);
    });
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 3000 }),
      stockish.map(({ header, rows }) => new Uint8Array(iconv.encode([header, ...rows].map((r) => r.join(',')).join('\n'), 'gb18030'))),
      long.map((text) => strToU8(text)),
      long.map((text) => new Uint8Array(iconv.encode(text, 'gb18030'))),
      long.map((text) => new Uint8Array(iconv.encode('\ufeff' + text, 'utf-16le'))),
      fc.tuple(long, hostileText(3000)).map(([text, tail]) => strToU8(text + tail)),
    );
    await holds('round-trip', 'stock files', fc.asyncProperty(bytes, fc.integer({ min: 500, max: 20_000 }), async (data, pieceBytes) => {
      const whole = await answer(() => parseStockInput({ bytes: data, fileName: 's.csv' }));
      const pieces = await answer(() => readStockInput({ file: new Blob([new Uint8Array(data)]), fileName: 's.csv' }, { pieceBytes }));
      if (!('value' in whole)) return expect('value' in pieces).toBe(false);
      if (!('value' in pieces)) throw new Error(`read in pieces of ${pieceBytes} bytes refused what the whole read took: ${String(pieces.refused)}`);
      expect(pieces.value.check).toEqual(checkStockTable(whole.value.rows, whole.value.lines, { undecodable: whole.value.undecodable }));
      expect(pieces.value.rows).toEqual(whole.value.rows.slice(0, pieces.value.rows.length));
      expect(pieces.value.lines).toEqual(whole.value.lines.slice(0, pieces.value.rows.length));
      expect(pieces.value.format).toBe(whole.value.format);
    }), 150);
  }, 180_000);

  it('XLSX round trip: a workbook of a table reads back as that table', async () => {
    const xmlCell = fc.string({ unit: fc.oneof(fc.constantFrom('&', '<', '>', '"', "'", ' ', '库', '_x000D_', '&amp;'), fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme-ascii' })), maxLength: 20 });
    await holds('round-trip', 'XLSX', fc.asyncProperty(fc.array(fc.array(xmlCell, { maxLength: 6 }), { maxLength: 20 }), async (rows) => {
      const expected = rows.map((row) => { const r = [...row]; while (r.length && r[r.length - 1] === '') r.pop(); return r; });
      const { rows: read, lines } = await readXlsxTable(xlsxOf(rows));
      expect(read).toEqual(expected.filter((r) => r.length));
      expect(lines).toEqual(expected.flatMap((r, k) => (r.length ? [k + 1] : [])));
    }), 100);
  });

  it('XLSX truncated, bit-flipped or with hostile sheet XML: answers or refuses clearly, in bounded time', async () => {
    const good = xlsxOf([['规格编码', '可用库存'], ['A1', '3'], ['B2', '4']]);
    const damaged = fc.oneof(
      fc.integer({ min: 0, max: good.length - 1 }).map((n) => good.slice(0, n)),
      fc.tuple(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 1, max: 255 })).map(([at, x]) => { const b = good.slice(); b[at]! ^= x; return b; }),
      fc.array(fc.constantFrom('<row>', '<row r="1">', '<c r="A1" t="s">', '<v>', '</v>', '<c r="XFE1">', '<is><t>', '</row>', '<row r="0">', '&#x110000;', '<c r="A99999999">', '"', '<x:row>'), { maxLength: 4000 })
        .map((tags) => zipSync({ 'xl/workbook.xml': strToU8('<workbook><sheets><sheet r:id="rId1"/></sheets></workbook>'), 'xl/worksheets/sheet1.xml': strToU8(`<sheetData>${tags.join('')}</sheetData>`) })),
    );
    await holds('hostile-input', 'XLSX', fc.asyncProperty(damaged, async (bytes) => {
      const parsed = await answer(() => parseStockInput({ bytes, fileName: 'stock.xlsx' }));
      if ('value' in parsed) expectStorable(checkStockTable(parsed.value.rows, parsed.value.lines, { checkColumnCount: false }).records);
    }), 200);
  });

  it('XLSX zip bombs (a part that claims, or secretly inflates, past the cap) are refused, memory bounded', async () => {
    // 8 MB of zeros deflates to a few KB; the sizes the archive declares for it are then set by hand.
    const base = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    const declaring = (size: number) => {
      const zip = base.slice();
      const view = new DataView(zip.buffer);
      for (let at = 0; at < zip.length - 4; at++) {
        const signature = view.getUint32(at, true);
        if (signature === 0x04034b50 && zip[at + 37] === 0x73 /* xl/works… */) view.setUint32(at + 22, size, true);
        if (signature === 0x02014b50 && zip[at + 53] === 0x73) view.setUint32(at + 24, size, true);
      }
      return zip;
    };
    const claimsTooMuch = await answer(() => readXlsxTable(declaring(300 * 1024 * 1024)));
    expect('refused' in claimsTooMuch && claimsTooMuch.refused.message).toBe('Excel 文件过大，无法读取');
    // Lying small: fflate inflates only into the declared size, so memory stays bounded; the cut part is refused.
    const liar = await answer(() => readXlsxTable(declaring(1024)));
    expect('refused' in liar && liar.refused.message).toBe('这不是有效的 Excel（.xlsx）文件，或文件已损坏');
    noteTried('hostile-input', 'XLSX', 2);
  }, 30_000);

  it('feed bodies (JSON of any shape, CSV, bytes): answer or refuse clearly; what a sync would commit re-validates', async () => {
    const jsonish = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      stockish.map(({ header, rows }) => JSON.stringify({ data: { list: rows.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? null]))) } })),
      stockish.map(({ header, rows }) => JSON.stringify([header, ...rows])),
      stockish.map(({ header, rows }) => [header, ...rows].map((r) => r.join(',')).join('\n')),
    );
    const body = fc.oneof(jsonish.map((text) => strToU8(text)), fc.uint8Array({ maxLength: 2000 }));
    await holds('hostile-input', 'stock feeds', fc.property(body, fc.constantFrom(null, 'application/json', 'text/csv', 'text/html'), (bytes, type) => {
      // Synchronous boundary: a refusal is an Error with a Chinese message (checked like `answer`).
      let check;
      try {
        check = checkFeedBody(bytes, type);
      } catch (error) {
        expect(error).toBeInstanceOf(Error);
        expect((error as Error).name).toBe('Error');
        expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/);
        return;
      }
      expectStorable(check.check.records);
      if (check.error) expect(check.check.records).toEqual([]);
    }), 300);
  });
});
