import { test } from 'vitest';
import { parseAddress } from '../../utils/address/parse-address';
import { checkAddress } from '../../utils/address/address-problems';
import { maskPhone } from '../../utils/address/mask-phone';
import { addressFingerprint } from '../../utils/address/address-fingerprint';
const cases: Array<[string, { name?: string; phone?: string }?]> = [
  ['张三 13800138000 浙江省杭州市西湖区文三路478号'],
  ['浙江省杭州市西湖区文三路478号', { name: '张三', phone: '13800138000' }],
  ['浙江省杭州市西湖区文三路478号', { name: '张三', phone: '1380013800' }],
  ['浙江省杭州市西湖区文三路478号', { name: '张三', phone: '12800138000' }],
  ['浙江省杭州市西湖区文三路478号', { name: '张三', phone: '88886666' }],
  ['浙江省杭州市西湖区文三路478号', { name: '张三', phone: '0571-8888666' }],
  ['浙江省杭州市西湖区文三路478号', { name: '张三', phone: '138-0013-800a' }],
  ['浙江省杭州市西湖区文三路478号', { name: '张三', phone: '138****8000' }],
  ['浙江省杭州市西湖区文三路478号', { name: '张三' }],
  ['香港 九龙 旺角 弥敦道700号', { phone: '9123456' }],
  ['香港 九龙 旺角 弥敦道700号', { phone: '91234567' }],
  ['香港 九龙 旺角 弥敦道700号', { phone: '13800138000' }],
  ['澳门 氹仔 海洋花园大马路1号', { phone: '56123456' }],
  ['澳门 氹仔 海洋花园大马路1号', { phone: '66123456' }],
  ['台湾 台北市 信义区 信义路五段7号', { phone: '0812345678' }],
  ['台湾 台北市 信义区 信义路五段7号', { phone: '+886 912 345 678' }],
  ['浙江省杭州市西湖区文三路478号', { phone: '+852 9123 4567' }],
  ['文三路478号', { phone: '13800138000' }],
  ['浙江省文三路478号', { phone: '13800138000' }],
  ['浙江省杭州市文三路478号', { phone: '13800138000' }],
  ['江苏省南京市西湖区文三路1号', { phone: '13800138000' }],
  ['浙江省南京市鼓楼区中山路1号', { phone: '13800138000' }],
  ['浙江省杭州市鼓楼区中山路1号', { phone: '13800138000' }],
  ['浙江省杭州市西湖区', { phone: '13800138000' }],
  ['浙江省杭州市西湖区 张家', { phone: '13800138000' }],
  ['浙江省杭州市西湖区 文三路', { phone: '13800138000' }],
  ['浙江省杭州市西湖区文三路478号 菜鸟驿站', { phone: '13800138000' }],
  ['浙江省杭州市西湖区文三路478号 丰巢快递柜', { phone: '13800138000' }],
  ['浙江省杭州市西湖区浙江大学 收发室', { phone: '13800138000' }],
  ['新疆 乌鲁木齐 天山区 解放南路1号', { phone: '13800138000' }],
  ['内蒙古 呼和浩特 新城区 新华大街1号', { phone: '13800138000' }],
  ['广东省东莞市长安镇长安广场1号', { phone: '13800138000' }],
  ['湖北省仙桃市干河街道仙桃大道1号', { phone: '13800138000' }],
  ['香港 中环 德辅道中1号', { phone: '91234567' }],
  ['台湾 台北 信义路五段7号', { phone: '0912345678' }],
  ['', {}],
];
test('probe', async () => {
  for (const [addr, f = {}] of cases) console.log(addr, JSON.stringify(f), '\n  ', JSON.stringify(checkAddress(parseAddress(addr), { ...f, address: addr })));
  console.log(JSON.stringify(checkAddress(parseAddress('甘肃省兰州市城关区东岗西路1号'), { phone: '13800138000', address: '甘肃省兰州市城关区东岗西路1号' }, { remoteProvinces: ['甘肃', '新疆'] })));
  console.log(JSON.stringify(checkAddress({ province: '浙江省', city: '南京市', district: '西湖区', detail: '文三路478号', region: 'mainland' }, { phone: '13800138000', address: 'x' })));
  console.log(JSON.stringify(checkAddress({ province: '江苏省', city: '南京市', district: '西湖区', detail: '文三路478号', region: 'mainland' }, { phone: '13800138000', address: 'x' })));
  for (const p of ['13800138000', '0571-88886666', '057188886666', '010-88886666-801', '91234567', '+852 9123 4567', '0912345678', '138****8000', '', '123']) console.log(p, '→', maskPhone(p));
  console.log(await addressFingerprint({ name: '张三', phone: '13800138000', address: '浙江省杭州市西湖区文三路478号' }));
  console.log(await addressFingerprint({ name: '张 三', phone: '138-0013-8000', address: '浙江 杭州 西湖区 文三路 ４７８号' }));
});
