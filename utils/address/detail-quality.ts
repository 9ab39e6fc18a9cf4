/**
 * Whether the part after the district is specific enough for a courier:
 * a street, house number, building or village — not just 西湖区 or 张家.
 */

const MIN_MEANINGFUL_CHARS = 5;
const NOISE = /[\s\p{P}\p{S}]/gu;
const LOCATOR =
  /\d|[一二三四五六七八九十百]+(号|栋|幢|楼|层|单元|组)|路|街|道|巷|弄|胡同|号|栋|幢|楼|座|室|单元|层|村|组|屯|镇|乡|小区|花园|苑|公寓|大厦|广场|中心|大学|学院|学校|医院|公司|厂|园|庄|院|府|家园|社区|驿站|超市|\b(road|rd|street|st|flat|room|block|tower|floor|building|lane)\b/i;

export type DetailVerdict = { ok: true } | { ok: false; reason: 'too-short'; length: number } | { ok: false; reason: 'no-locator' };

export function judgeDetail(detail: string): DetailVerdict {
  const meaningful = detail.normalize('NFKC').replace(NOISE, '');
  const length = Array.from(meaningful).length;
  if (length < MIN_MEANINGFUL_CHARS) return { ok: false, reason: 'too-short', length };
  if (!LOCATOR.test(detail.normalize('NFKC'))) return { ok: false, reason: 'no-locator' };
  return { ok: true };
}
