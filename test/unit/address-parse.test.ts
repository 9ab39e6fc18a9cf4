import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../utils/address/parse-address';
import { PARSE_CASES } from './fixtures/address/parse-cases';

describe('parseAddress: real-format table', () => {
  it('has at least 100 cases', () => {
    expect(PARSE_CASES.length).toBeGreaterThanOrEqual(100);
  });

  it.each(PARSE_CASES)('%s', (input, expected) => {
    expect(parseAddress(input)).toStrictEqual(expected);
  });
});

describe('parseAddress: hostile input', () => {
  it('returns only a detail for a 200-character garbage string', () => {
    const garbage = '#@!$%^&*()_+qwertyuiopASDFGHJKL;\'zxcvbnm,./~`{}|:"<>?'.repeat(4).slice(0, 200);
    expect(garbage).toHaveLength(200);
    const parsed = parseAddress(garbage);
    expect(parsed.region).toBe('mainland');
    expect(parsed.province).toBeUndefined();
    expect(parsed.city).toBeUndefined();
    expect(parsed.district).toBeUndefined();
    expect(parsed.phone).toBeUndefined();
    expect(parsed.name).toBeUndefined();
  });

  it('does not invent a phone or divisions from 200 random digits and letters', () => {
    const noise = 'x9'.repeat(100);
    expect(parseAddress(noise)).toStrictEqual({ detail: noise, region: 'mainland' });
  });

  it('treats whitespace-only and punctuation-only input as empty', () => {
    expect(parseAddress('   \n\t  ')).toStrictEqual({ detail: '', region: 'mainland' });
    expect(parseAddress('，，，')).toStrictEqual({ detail: '', region: 'mainland' });
  });

  it('strips tags and entities from HTML copied out of a console', () => {
    const html =
      '<table><tr><td>收货人：</td><td>张三</td></tr><tr><td>手机：</td><td>138&nbsp;0013&nbsp;8000</td></tr>' +
      '<tr><td>地址：</td><td>浙江省&nbsp;杭州市&nbsp;西湖区&nbsp;文三路478号&amp;华星大厦</td></tr></table>';
    expect(parseAddress(html)).toStrictEqual({
      name: '张三',
      phone: '13800138000',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      detail: '文三路478号&华星大厦',
      region: 'mainland',
    });
  });

  it('keeps house and room numbers out of the phone', () => {
    const parsed = parseAddress('浙江省杭州市西湖区文三路1234567号 张三');
    expect(parsed.phone).toBeUndefined();
    expect(parsed.detail).toBe('文三路1234567号');
  });

  it('parses a thousand addresses quickly enough for a click', () => {
    parseAddress('warm up the index 浙江省');
    const started = performance.now();
    for (let i = 0; i < 1000; i += 1) parseAddress(`张三 13800138000 浙江省杭州市西湖区文三路${i}号`);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
