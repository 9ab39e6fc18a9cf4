import { describe, expect, it } from 'vitest';
import { checkAddress, DEFAULT_REMOTE_PROVINCES, type AddressProblem } from '../../utils/address/address-problems';
import { parseAddress } from '../../utils/address/parse-address';

/** The console shows name, phone and address in separate elements; the address is parsed alone. */
function check(address: string, fields: { name?: string; phone?: string } = {}, options?: { remoteProvinces?: string[] }): AddressProblem[] {
  return checkAddress(parseAddress(address), { ...fields, address }, options);
}

const GOOD = '浙江省杭州市西湖区文三路478号';
const PHONE = '13800138000';

describe('checkAddress: no problems', () => {
  it.each([
    ['mainland mobile', GOOD, PHONE],
    ['masked mobile as consoles show it', GOOD, '138****8000'],
    ['landline with hyphen', GOOD, '0571-88886666'],
    ['landline with 7-digit local number', GOOD, '0571-8888666'],
    ['landline without hyphen', GOOD, '057188886666'],
    ['+86 prefix', GOOD, '+86 138 0013 8000'],
    ['HK number written with +852 on a mainland address', GOOD, '+852 9123 4567'],
    ['东莞 has no district level', '广东省东莞市长安镇长安广场1号', PHONE],
    ['省直辖 仙桃 has no district level', '湖北省仙桃市干河街道仙桃大道1号', PHONE],
    ['municipality', '北京市朝阳区建国路88号SOHO现代城A座1201', PHONE],
    ['HK without a district: delivered by street', '香港 中环 德辅道中1号', '91234567'],
    ['HK with a mainland mobile', '香港 九龙 旺角 弥敦道700号', PHONE],
    ['Macau mobile', '澳门 氹仔 海洋花园大马路1号', '66123456'],
    ['Macau fixed line', '澳门 氹仔 海洋花园大马路1号', '28123456'],
    ['Taiwan without a district', '台湾 台北 信义路五段7号', '0912345678'],
    ['Taiwan +886', '台湾 台北市 信义区 信义路五段7号', '+886 912 345 678'],
    ['rural address with a village', '河南省周口市郸城县宜路镇李楼村', PHONE],
  ])('%s', (_label, address, phone) => {
    expect(check(address, { name: '张三', phone })).toStrictEqual([]);
  });

  it('takes the phone from the address text when the console has no phone field', () => {
    expect(check(`张三 ${PHONE} ${GOOD}`)).toStrictEqual([]);
  });
});

describe('checkAddress: phone', () => {
  it.each([
    ['1380013800', '手机号应为 11 位，当前为 10 位'],
    ['138001380001', '手机号应为 11 位，当前为 12 位'],
    ['12800138000', '手机号号段无效：第二位应为 3–9'],
    ['88886666', '固话缺少区号，如 0571-88886666'],
    ['0571-888866', '固话格式应为“区号-号码”，如 0571-88886666'],
    ['138-0013-800a', '电话号码含有非数字字符'],
  ])('mainland %s', (phone, message) => {
    expect(check(GOOD, { phone })).toStrictEqual([{ kind: 'phone-invalid', message }]);
  });

  it.each([
    ['香港 九龙 旺角 弥敦道700号', '9123456', '香港电话应为 8 位数字'],
    ['澳门 氹仔 海洋花园大马路1号', '56123456', '澳门电话应为 8 位数字，手机以 6 开头'],
    ['台湾 台北市 信义区 信义路五段7号', '0812345678', '台湾手机号应为 09 开头的 10 位数字'],
    [GOOD, '+852 9123 456', '香港电话应为 8 位数字'],
  ])('%s with %s', (address, phone, message) => {
    expect(check(address, { phone })).toStrictEqual([{ kind: 'phone-invalid', message }]);
  });

  it('judges a malformed phone found in the address text', () => {
    expect(check(`张三 1380013800 ${GOOD}`)).toStrictEqual([
      { kind: 'phone-invalid', message: '手机号应为 11 位，当前为 10 位' },
    ]);
  });

  it('reports a missing phone', () => {
    expect(check(GOOD, { name: '张三' })).toStrictEqual([
      { kind: 'phone-missing', message: '缺少收货人电话，快递无法联系买家' },
    ]);
    expect(check(GOOD, { name: '张三', phone: '  ' })).toStrictEqual([
      { kind: 'phone-missing', message: '缺少收货人电话，快递无法联系买家' },
    ]);
  });

  it('prefers the console phone field over a number in the address text', () => {
    expect(check(`张三 1380013800 ${GOOD}`, { phone: PHONE })).toStrictEqual([]);
  });
});

describe('checkAddress: levels', () => {
  const missing = (level: 'province' | 'city' | 'district', word: string): AddressProblem => ({
    kind: 'level-missing',
    level,
    message: `地址缺少${word}，请与买家确认`,
  });

  it('reports a missing district', () => {
    expect(check('浙江省杭州市文三路478号', { phone: PHONE })).toStrictEqual([missing('district', '区/县')]);
  });

  it('reports a missing city and district (and infers nothing from a street)', () => {
    expect(check('浙江省文三路478号', { phone: PHONE })).toStrictEqual([
      missing('city', '城市'),
      missing('district', '区/县'),
    ]);
  });

  it('reports every level when no division is recognised', () => {
    expect(check('文三路478号', { phone: PHONE })).toStrictEqual([
      missing('province', '省份'),
      missing('city', '城市'),
      missing('district', '区/县'),
    ]);
  });

  it('treats an ambiguous district without a city as missing levels', () => {
    expect(check('朝阳区建国路1号', { phone: PHONE })).toStrictEqual([
      missing('province', '省份'),
      missing('city', '城市'),
      missing('district', '区/县'),
    ]);
  });

  it('requires the city in Taiwan', () => {
    expect(check('台湾 信义路五段7号', { phone: '0912345678' })).toStrictEqual([missing('city', '城市')]);
  });

  it('reports a district that belongs to another city', () => {
    expect(check('江苏省南京市西湖区文三路1号', { phone: PHONE })).toStrictEqual([
      { kind: 'level-mismatch', message: '西湖区不属于南京市（西湖区在浙江省杭州市、江西省南昌市），请与买家核对' },
    ]);
  });

  it('reports a city that belongs to another province', () => {
    expect(check('浙江省南京市鼓楼区中山路1号', { phone: PHONE })).toStrictEqual([
      { kind: 'level-mismatch', message: '南京市不属于浙江省（南京市在江苏省），请与买家核对' },
    ]);
  });

  it('lists at most three homes of a common district name', () => {
    expect(check('浙江省杭州市鼓楼区中山路1号', { phone: PHONE })).toStrictEqual([
      {
        kind: 'level-mismatch',
        message: '鼓楼区不属于杭州市（鼓楼区在江苏省南京市、江苏省徐州市、福建省福州市等），请与买家核对',
      },
    ]);
  });

  it('checks a parse that was assembled elsewhere', () => {
    const raw = { phone: PHONE, address: '' };
    expect(
      checkAddress({ province: '浙江省', city: '南京市', district: '鼓楼区', detail: '中山路1号', region: 'mainland' }, raw),
    ).toStrictEqual([{ kind: 'level-mismatch', message: '南京市不属于浙江省（南京市在江苏省），请与买家核对' }]);
    expect(
      checkAddress({ province: '江苏省', city: '南京市', district: '西湖区', detail: '文三路1号', region: 'mainland' }, raw),
    ).toStrictEqual([
      { kind: 'level-mismatch', message: '西湖区不属于南京市（西湖区在浙江省杭州市、江西省南昌市），请与买家核对' },
    ]);
  });

  it('does not call a street named after a place a mismatch', () => {
    expect(check('浙江省杭州市西湖区北京路1号', { phone: PHONE })).toStrictEqual([]);
    expect(check('吉林省吉林市船营区北京路1号', { phone: PHONE })).toStrictEqual([]);
  });
});

describe('checkAddress: detail', () => {
  it('reports an empty detail', () => {
    expect(check('浙江省杭州市西湖区', { phone: PHONE })).toStrictEqual([
      { kind: 'detail-too-short', message: '详细地址过短（0 个字），请补充街道、门牌号或楼栋' },
    ]);
  });

  it('reports a detail of a few characters', () => {
    expect(check('浙江省杭州市西湖区 文三路', { phone: PHONE })).toStrictEqual([
      { kind: 'detail-too-short', message: '详细地址过短（3 个字），请补充街道、门牌号或楼栋' },
    ]);
    expect(check('浙江省杭州市西湖区 张家', { phone: PHONE })).toStrictEqual([
      { kind: 'detail-too-short', message: '详细地址过短（2 个字），请补充街道、门牌号或楼栋' },
    ]);
  });

  it('reports a detail without street, number or building', () => {
    expect(check('浙江省杭州市西湖区 城西银泰对面', { phone: PHONE })).toStrictEqual([
      { kind: 'detail-too-short', message: '详细地址缺少街道、门牌号或楼栋信息' },
    ]);
  });

  it('accepts short but precise details', () => {
    expect(check('浙江省杭州市西湖区文三路1号', { phone: PHONE })).toStrictEqual([]);
    expect(check('香港 九龙 旺角 Flat A 12/F', { phone: '91234567' })).toStrictEqual([]);
  });
});

describe('checkAddress: pick-up points', () => {
  const pickup = (word: string): AddressProblem => ({
    kind: 'pickup-point',
    message: `地址是代收点/快递柜（${word}），大件、生鲜或需本人签收的商品请先与买家确认`,
  });

  it.each([
    ['浙江省杭州市西湖区文三路478号 菜鸟驿站', '菜鸟驿站'],
    ['浙江省杭州市西湖区文三路478号 妈妈驿站', '妈妈驿站'],
    ['浙江省杭州市西湖区文三路478号 丰巢快递柜', '快递柜'],
    ['浙江省杭州市西湖区文三路478号 丰巢柜', '丰巢'],
    ['浙江省杭州市西湖区文三路478号 小区门口自提点', '自提点'],
    ['浙江省杭州市西湖区文三路478号 代收点', '代收点'],
    ['浙江省杭州市西湖区浙江大学玉泉校区 收发室', '收发室'],
    ['浙江省杭州市西湖区文三路478号 菜鸟', '菜鸟'],
  ])('%s', (address, word) => {
    expect(check(address, { phone: PHONE })).toStrictEqual([pickup(word)]);
  });
});

describe('checkAddress: remote regions', () => {
  const remote = (province: string): AddressProblem => ({
    kind: 'remote-region',
    message: `${province}为偏远地区，请先确认快递能否送达及是否加收运费`,
  });

  it('defaults to 新疆, 西藏, 青海, 内蒙古', () => {
    expect(DEFAULT_REMOTE_PROVINCES).toStrictEqual(['新疆维吾尔自治区', '西藏自治区', '青海省', '内蒙古自治区']);
    expect(check('新疆 乌鲁木齐 天山区 解放南路1号', { phone: PHONE })).toStrictEqual([remote('新疆维吾尔自治区')]);
    expect(check('西藏 拉萨 城关区 北京中路1号', { phone: PHONE })).toStrictEqual([remote('西藏自治区')]);
    expect(check('青海 西宁 城中区 南大街1号', { phone: PHONE })).toStrictEqual([remote('青海省')]);
    expect(check('内蒙古 呼和浩特 新城区 新华大街1号', { phone: PHONE })).toStrictEqual([remote('内蒙古自治区')]);
  });

  it('accepts a configured list in short or full names', () => {
    const options = { remoteProvinces: ['甘肃', '海南省'] };
    expect(check('甘肃省兰州市城关区东岗西路1号', { phone: PHONE }, options)).toStrictEqual([remote('甘肃省')]);
    expect(check('海南 海口 美兰区 海甸岛1号', { phone: PHONE }, options)).toStrictEqual([remote('海南省')]);
    expect(check('新疆 乌鲁木齐 天山区 解放南路1号', { phone: PHONE }, options)).toStrictEqual([]);
  });

  it('an empty list turns the check off', () => {
    expect(check('新疆 乌鲁木齐 天山区 解放南路1号', { phone: PHONE }, { remoteProvinces: [] })).toStrictEqual([]);
  });
});

describe('checkAddress: several problems at once, in a stable order', () => {
  it('orders phone, levels, detail, pick-up, remote', () => {
    expect(check('新疆 乌鲁木齐 菜鸟驿站', {})).toStrictEqual([
      { kind: 'phone-missing', message: '缺少收货人电话，快递无法联系买家' },
      { kind: 'level-missing', level: 'district', message: '地址缺少区/县，请与买家确认' },
      { kind: 'detail-too-short', message: '详细地址过短（4 个字），请补充街道、门牌号或楼栋' },
      { kind: 'pickup-point', message: '地址是代收点/快递柜（菜鸟驿站），大件、生鲜或需本人签收的商品请先与买家确认' },
      { kind: 'remote-region', message: '新疆维吾尔自治区为偏远地区，请先确认快递能否送达及是否加收运费' },
    ]);
  });
});
