import { describe, expect, it } from 'vitest';
import { parseAddress } from '@/utils/address/parse-address';

// Names that are, or end in, a district's name (海口市秀英区, 新北市永和区, 北京市东城区, 深圳市龙华区, 重庆市江北区…):
// the token next to the phone or under a 收货人 label is the name; the divisions come from the address part.
const NAMES = ['秀英', '王秀英', '欧阳秀英', '永和', '李永和', '东城', '张东城', '龙华', '陈龙华', '江北', '刘江北', '朝阳', '张朝阳'];
const SHENZHEN = { province: '广东省', city: '深圳市', district: '南山区', detail: '科技园路1号' };
const FORMATS: [string, (name: string) => string][] = [
  ['name phone address', (n) => `${n} 13800138000 广东省深圳市南山区科技园路1号`],
  ['glued to the phone', (n) => `${n}13800138000广东省深圳市南山区科技园路1号`],
  ['phone name address', (n) => `13800138000 ${n} 广东省深圳市南山区科技园路1号`],
  ['address name phone', (n) => `广东省深圳市南山区科技园路1号 ${n} 13800138000`],
  ['comma-separated', (n) => `${n}，13800138000，广东省深圳市南山区科技园路1号`],
  ['masked phone, spaced divisions', (n) => `${n} 138****8000 广东省 深圳市 南山区 科技园路1号`],
  ['收货人 label', (n) => `收货人：${n} 手机：13800138000 地址：广东省深圳市南山区科技园路1号`],
  ['收货人 label, no phone', (n) => `收货人：${n}，广东省深圳市南山区科技园路1号`],
  ['first token, no phone', (n) => `${n}，广东省深圳市南山区科技园路1号`],
  ['glued before the province', (n) => `${n}广东省深圳市南山区科技园路1号`],
];

describe('parseAddress: receiver names that contain division names', () => {
  for (const [label, format] of FORMATS) {
    // Glued with no separator, 朝阳广东省… cannot be told from 朝阳市 (辽宁) + a second chain: left as it was.
    const names = label.startsWith('glued before') ? NAMES.filter((n) => n !== '朝阳') : NAMES;
    it.each(names)(`${label}: %s`, (name) => {
      const parsed = parseAddress(format(name));
      expect(parsed.name).toBe(name);
      expect(parsed).toMatchObject(SHENZHEN);
    });
  }

  it('reads 王秀英 with a Beijing address as Beijing, not 海南省 海口市 秀英区', () => {
    expect(parseAddress('王秀英 13912345678 北京市东城区东直门南大街1号')).toMatchObject({
      name: '王秀英', province: '北京市', city: '北京市', district: '东城区', detail: '东直门南大街1号',
    });
    expect(parseAddress('秀英 13912345678 重庆市江北区观音桥步行街8号')).toMatchObject({
      name: '秀英', province: '重庆市', city: '重庆市', district: '江北区',
    });
  });

  it('still reads a province or city written as the first token as the address', () => {
    expect(parseAddress('广西 南宁 青秀区 民族大道100号 13800138000')).toMatchObject({ province: '广西壮族自治区', district: '青秀区' });
    expect(parseAddress('海口 秀英区 海秀路1号 张三 13800138000')).toMatchObject({ name: '张三', city: '海口市', district: '秀英区' });
    // A lone place word with no chain of its own stays part of the address.
    expect(parseAddress('13800138000 龙华 民治大道1号').name).toBeUndefined();
  });
});
