/**
 * Judges the receiver's phone against the address region and explains what
 * is wrong in words an agent can repeat to the buyer.
 */
import type { Region } from './division-index';
import { phoneShape, type PhoneKind } from './phone-format';

// Mainland mobiles are accepted everywhere: many HK/MO/TW receivers give one.
const ACCEPTED: Readonly<Record<Region, readonly PhoneKind[]>> = {
  mainland: ['mobile', 'masked-mobile', 'landline'],
  hk: ['hk', 'mobile', 'masked-mobile'],
  mo: ['mo', 'mobile', 'masked-mobile'],
  tw: ['tw', 'mobile', 'masked-mobile'],
};

// A number written with +852/+853/+886 is judged by that place, wherever the address is.
const REGION_OF_COUNTRY_CODE: Readonly<Record<string, Region>> = { '852': 'hk', '853': 'mo', '886': 'tw' };

function explain(region: Region, digits: string): string {
  if (region === 'hk') return '香港电话应为 8 位数字';
  if (region === 'mo') return '澳门电话应为 8 位数字，手机以 6 开头';
  if (region === 'tw') return '台湾手机号应为 09 开头的 10 位数字';
  if (/[^\d*]/.test(digits)) return '电话号码含有非数字字符';
  if (digits.startsWith('1')) {
    if (digits.length !== 11) return `手机号应为 11 位，当前为 ${digits.length} 位`;
    return '手机号号段无效：第二位应为 3–9';
  }
  if (digits.startsWith('0')) return '固话格式应为“区号-号码”，如 0571-88886666';
  if (digits.length === 7 || digits.length === 8) return '固话缺少区号，如 0571-88886666';
  return '无法识别的电话号码';
}

/** undefined when the number is acceptable for the region. */
export function phoneProblemMessage(phone: string, addressRegion: Region): string | undefined {
  const shape = phoneShape(phone);
  const region = shape.countryCode ? (REGION_OF_COUNTRY_CODE[shape.countryCode] ?? addressRegion) : addressRegion;
  const accepted = shape.countryCode ? ACCEPTED[region].filter((k) => k === region) : ACCEPTED[region];
  if (shape.kinds.some((kind) => accepted.includes(kind))) return undefined;
  return explain(region, shape.national.replace(/-/g, ''));
}
