import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_PACK_BYTES, MAX_PACK_SNIPPETS, parsePackText, validatePack } from '@/utils/packs/pack-format';

const demoPack = JSON.parse(readFileSync('test/demo/data/team-pack.json', 'utf8'));
const one = { id: 'a', title: '欢迎', body: '亲，您好～', category: '欢迎', tags: ['开场'], shortcut: 'HY' };
const pack = (over: Record<string, unknown> = {}) => ({
  format: 'xiaoer-snippet-pack',
  formatVersion: 1,
  id: 'shop-team',
  name: '团队话术',
  version: 2,
  updatedAt: '2026-11-20T08:00:00Z',
  snippets: [one],
  ...over,
});

describe('team pack format', () => {
  it('accepts the demo team pack and lower-cases shortcuts', () => {
    const parsed = validatePack(demoPack);
    expect(parsed.snippets.length).toBe(demoPack.snippets.length);
    expect(validatePack(pack()).snippets[0]!.shortcut).toBe('hy');
  });

  it.each([
    ['a wrong format version', pack({ formatVersion: 2 }), '不支持的话术包格式版本'],
    ['another format', pack({ format: 'other' }), '不是小二话术包'],
    ['duplicate snippet ids', pack({ snippets: [one, { ...one, shortcut: 'x' }] }), '第 2 条话术（id）：话术 id “a”重复'],
    ['a duplicate shortcut', pack({ snippets: [one, { ...one, id: 'b' }] }), '快捷词“hy”被“欢迎”和“欢迎”重复使用'],
    ['a missing body', pack({ snippets: [{ ...one, body: undefined }] }), '第 1 条话术（body）：缺少内容'],
    ['a missing pack id', pack({ id: undefined }), '缺少话术包 id'],
    ['a missing version', pack({ version: undefined }), '缺少话术包版本号'],
    ['a bad updatedAt', pack({ updatedAt: 'yesterday' }), 'updatedAt 应为 ISO 时间'],
  ])('refuses %s with the reason', (_name, raw, reason) => {
    expect(() => validatePack(raw)).toThrow(reason);
  });

  it('keeps plain "<" in wording (prices, hearts)', () => {
    expect(validatePack(pack({ snippets: [{ ...one, body: '满 <100 元不包邮 <3' }] })).snippets[0]!.body).toBe('满 <100 元不包邮 <3');
  });

  it('refuses an oversize pack before parsing, and too many snippets', () => {
    const big = JSON.stringify(pack({ author: 'x'.repeat(10) })) + ' '.repeat(MAX_PACK_BYTES);
    expect(() => parsePackText(big)).toThrow('话术包过大');
    const many = Array.from({ length: MAX_PACK_SNIPPETS + 1 }, (_, i) => ({ ...one, id: `s${i}`, shortcut: undefined }));
    expect(() => validatePack(pack({ snippets: many }))).toThrow(`话术超过 ${MAX_PACK_SNIPPETS} 条上限`);
  });

  it('says when the text is not JSON at all', () => {
    expect(() => parsePackText('标题,内容')).toThrow('话术包不是有效的 JSON');
  });
});
