import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addressFingerprint as fingerprintUnder } from '../../utils/address/address-fingerprint';

const BASE = { name: '张三', phone: '13800138000', address: '浙江省杭州市西湖区文三路478号' };
const SECRET = '5a'.repeat(32);
const addressFingerprint = (parts: Parameters<typeof fingerprintUnder>[0]) => fingerprintUnder(parts, SECRET);

describe('addressFingerprint', () => {
  it('is the HMAC-SHA-256 hex of the normalised receiver under the install secret', async () => {
    const canonical = ['addr-v2', '张三', '13800138000', '浙江省', '杭州市', '西湖区', '文三路478号'].join('\u001f');
    const expected = createHmac('sha256', Buffer.from(SECRET, 'hex')).update(canonical, 'utf8').digest('hex');
    await expect(addressFingerprint(BASE)).resolves.toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['abbreviated divisions', { ...BASE, address: '浙江 杭州 西湖区 文三路478号' }],
    ['short district name', { ...BASE, address: '浙江 杭州 西湖 文三路478号' }],
    ['no province', { ...BASE, address: '杭州市西湖区文三路478号' }],
    ['full-width digits and spaces', { ...BASE, name: '张 三', address: '浙江省　杭州市　西湖区　文三路４７８号' }],
    ['punctuation', { ...BASE, address: '浙江省，杭州市，西湖区，文三路478号。' }],
    ['phone with separators', { ...BASE, phone: '138-0013-8000' }],
    ['phone with +86', { ...BASE, phone: '+86 138 0013 8000' }],
    ['postal code in the text', { ...BASE, address: '浙江省杭州市西湖区文三路478号 310012' }],
    ['name and phone inside the address text', { address: '张三 13800138000 浙江省杭州市西湖区文三路478号' }],
    ['spacing typos', { ...BASE, address: '浙江 省 杭州 市 西湖 区 文三路 478号' }],
  ])('is unchanged by %s', async (_label, variant) => {
    await expect(addressFingerprint(variant)).resolves.toBe(await addressFingerprint(BASE));
  });

  it.each([
    ['another name', { ...BASE, name: '李四' }],
    ['another phone', { ...BASE, phone: '13900139000' }],
    ['another house number', { ...BASE, address: '浙江省杭州市西湖区文三路479号' }],
    ['another district', { ...BASE, address: '浙江省杭州市上城区文三路478号' }],
    ['another city with the same district name', { ...BASE, address: '江西省南昌市西湖区文三路478号' }],
  ])('changes with %s', async (_label, variant) => {
    await expect(addressFingerprint(variant)).resolves.not.toBe(await addressFingerprint(BASE));
  });

  it('never contains the address itself', async () => {
    const fingerprint = await addressFingerprint(BASE);
    expect(fingerprint).not.toContain('文三路');
    expect(fingerprint).toHaveLength(64);
  });
});
