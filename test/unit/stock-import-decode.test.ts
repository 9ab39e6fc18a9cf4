import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '@/utils/stock-import/decode';

const fixture = (name: string) => new Uint8Array(readFileSync(resolve(__dirname, 'fixtures/stock', name)));

describe('decodeBytes', () => {
  it('decodes a GBK export file', () => {
    const { text, encoding } = decodeBytes(fixture('stock-gbk.csv'));
    expect(encoding).toBe('gb18030');
    expect(text.split('\r\n')[0]).toBe('商品编码,规格编码,商品名称,颜色及规格,仓库,实际库存,可用库存(件),锁定库存');
    expect(text).toContain('"连衣裙,夏季款",红色 M,主仓');
  });

  it('decodes a GB18030 4-byte character in a product name', () => {
    const { text, encoding } = decodeBytes(fixture('stock-gb18030.csv'));
    expect(encoding).toBe('gb18030');
    expect(text.split('\n')[1]).toBe('JX-01,𠮷野家同款碗,7');
  });

  it('decodes GBK bytes encoded on the fly', () => {
    const bytes = new Uint8Array(iconv.encode('规格编码\t可用库存\n甲-1\t3\n', 'gbk'));
    expect(decodeBytes(bytes)).toEqual({ text: '规格编码\t可用库存\n甲-1\t3\n', encoding: 'gb18030' });
  });

  it('decodes UTF-8 with and without BOM, stripping the BOM', () => {
    const plain = new TextEncoder().encode('编码,库存\nA,1');
    expect(decodeBytes(plain)).toEqual({ text: '编码,库存\nA,1', encoding: 'utf-8' });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeBytes(withBom)).toEqual({ text: '编码,库存\nA,1', encoding: 'utf-8' });
  });

  it('decodes UTF-16LE with BOM (Excel "Unicode text")', () => {
    const { text, encoding } = decodeBytes(fixture('stock-utf16le.txt'));
    expect(encoding).toBe('utf-16le');
    expect(text).toBe('ＳＫＵ编码\t商品名称\t实际库存数\r\nab-001\t毛巾\t15\r\nab-002\t浴巾\t-2\r\n');
  });

  it('decodes UTF-16BE with BOM', () => {
    const bytes = new Uint8Array([0xfe, 0xff, ...iconv.encode('a,b\n1,2', 'utf-16be')]);
    expect(decodeBytes(bytes)).toEqual({ text: 'a,b\n1,2', encoding: 'utf-16be' });
  });

  it('detects UTF-16 without BOM from the NUL byte pattern', () => {
    const le = new Uint8Array(iconv.encode('规格编码\t可用库存\nA-1\t10\nA-2\t20\n', 'utf-16le'));
    expect(decodeBytes(le)).toEqual({ text: '规格编码\t可用库存\nA-1\t10\nA-2\t20\n', encoding: 'utf-16le' });
    const be = new Uint8Array(iconv.encode('sku,qty\nA-1,10\n', 'utf-16be'));
    expect(decodeBytes(be)).toEqual({ text: 'sku,qty\nA-1,10\n', encoding: 'utf-16be' });
  });

  it('keeps a pure-ASCII file as UTF-8', () => {
    expect(decodeBytes(new TextEncoder().encode('sku,qty\nA,1\n')).encoding).toBe('utf-8');
    expect(decodeBytes(new Uint8Array()).text).toBe('');
  });
});
