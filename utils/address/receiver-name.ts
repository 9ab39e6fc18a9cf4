/**
 * Decides whether a token of free text is the receiver's name (张三, 欧阳娜娜,
 * 王先生) rather than part of the address (旺角, 西溪街道, 菜鸟驿站).
 */
import { divisionIndex } from './division-index';
import { foldTraditional } from './traditional-fold';

const CHINESE_NAME = /^[\u4e00-\u9fff][\u4e00-\u9fff·]{1,11}$/;
const MAX_PLAIN_NAME = 5;
// Words that only occur in addresses or labels.
const ADDRESS_WORDS =
  /(路|街|巷|弄|号|栋|幢|楼|室|村|镇|乡|小区|大厦|花园|公寓|广场|中心|驿站|快递|代收|自提|丰巢|菜鸟|公司|学校|大学|学院|医院|超市|门口|收发室|宿舍|社区|工业园|园区|地址|电话|手机|收货|邮编|街道|自治|特别行政|中国|中华)/;
const DIVISION_SUFFIX = /(省|市|区|县|旗|州|盟)$/;

/**
 * Shaped like a person's name: Chinese, short, no address word, no division suffix (省/市/区…). It may still be a
 * place's short name (秀英, 东城, 永和 are both): where it stands decides (see `looksLikeName`).
 */
export function hasNameShape(token: string): boolean {
  if (!CHINESE_NAME.test(token)) return false;
  if (token.length > MAX_PLAIN_NAME && !token.includes('·')) return false;
  return !ADDRESS_WORDS.test(token) && !DIVISION_SUFFIX.test(token);
}

/** A name wherever it stands: name-shaped and not a division's name (a lone 龙华 may be the district). */
export function looksLikeName(token: string): boolean {
  return hasNameShape(token) && !divisionIndex().byName.has(foldTraditional(token));
}

/** `…478号张三`: a name written straight after the house number. */
const UNIT_BEFORE_NAME = /[\d号室楼栋幢层座元户A-Za-z)]/;
const MIN_NAME = 2;
const MAX_GLUED_NAME = 4;

export function splitTrailingName(token: string): { rest: string; name: string } | undefined {
  for (let length = MAX_GLUED_NAME; length >= MIN_NAME; length -= 1) {
    const cut = token.length - length;
    if (cut < 1 || !UNIT_BEFORE_NAME.test(token[cut - 1] ?? '')) continue;
    const name = token.slice(cut);
    if (looksLikeName(name) && !UNIT_BEFORE_NAME.test(name)) return { rest: token.slice(0, cut), name };
  }
  return undefined;
}
