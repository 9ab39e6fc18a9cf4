/**
 * What an agent should confirm with the buyer before shipping: a bad or
 * missing phone, missing or contradictory divisions, a vague detail, a
 * pick-up point, a remote region. Messages are Simplified Chinese.
 */
import {
  divisionIndex,
  divisionPath,
  divisionsNamed,
  findProvince,
  isWithin,
  levelDepth,
  type Division,
  type DivisionLevel,
  type Region,
} from './division-index';
import { judgeDetail } from './detail-quality';
import { namesAt } from './match-divisions';
import { isSeparator } from './normalize-address-text';
import type { ParsedAddress } from './parse-address';
import { phoneProblemMessage } from './phone-problem';
import { findPickupWord } from './pickup-point';
import { foldTraditional } from './traditional-fold';

export type AddressProblem =
  | { kind: 'phone-invalid'; message: string }
  | { kind: 'phone-missing'; message: string }
  | { kind: 'level-missing'; level: 'province' | 'city' | 'district'; message: string }
  | { kind: 'level-mismatch'; message: string }
  | { kind: 'detail-too-short'; message: string }
  | { kind: 'pickup-point'; message: string }
  | { kind: 'remote-region'; message: string }
  /** The console shows the receiver masked (王**，138****1234): nothing to check until the agent opens it. */
  | { kind: 'masked'; message: string };

/** Where couriers often refuse, surcharge or take much longer. */
export const DEFAULT_REMOTE_PROVINCES: string[] = ['新疆维吾尔自治区', '西藏自治区', '青海省', '内蒙古自治区'];

const LEVEL_WORD: Readonly<Record<DivisionLevel, string>> = { province: '省份', city: '城市', district: '区/县' };
const MAX_PLACES_LISTED = 3;

/** Levels a courier needs: HK/MO deliver by street, Taiwan by city. */
const REQUIRED_LEVELS: Readonly<Record<Region, readonly DivisionLevel[]>> = {
  mainland: ['province', 'city', 'district'],
  tw: ['province', 'city'],
  hk: ['province'],
  mo: ['province'],
};

interface ResolvedChain {
  province?: Division;
  city?: Division;
  district?: Division;
  mismatch?: string;
}

function placesOf(divisions: readonly Division[]): string {
  const paths = divisions.slice(0, MAX_PLACES_LISTED).map((d) => divisionPath(d.parent ?? d));
  return paths.join('、') + (divisions.length > MAX_PLACES_LISTED ? '等' : '');
}

function notIn(name: string, container: Division, homes: readonly Division[]): string {
  const where = homes.length > 0 ? `（${name}在${placesOf(homes)}）` : '';
  return `${name}不属于${container.name}${where}，请与买家核对`;
}

/** Re-reads the parsed names against the tree; catches chains built elsewhere too. */
function resolveChain(parsed: ParsedAddress): ResolvedChain {
  const chain: ResolvedChain = {};
  if (parsed.province) chain.province = divisionsNamed(parsed.province, 'province')[0];
  if (parsed.city) {
    const cities = divisionsNamed(parsed.city, 'city');
    chain.city = cities.find((c) => !chain.province || c.parent === chain.province);
    if (!chain.city && chain.province && cities.length > 0) chain.mismatch = notIn(parsed.city, chain.province, cities);
  }
  if (parsed.district && !chain.mismatch) {
    const districts = divisionsNamed(parsed.district, 'district');
    const container = chain.city ?? chain.province;
    chain.district = districts.find((d) => !container || isWithin(d, container));
    if (!chain.district && container && districts.length > 0) chain.mismatch = notIn(parsed.district, container, districts);
  }
  return chain;
}

/**
 * 江苏省南京市西湖区…: the parser stops at 南京市 and leaves 西湖区 in the
 * detail. A full division name opening the detail that belongs elsewhere is
 * a contradiction, not a street.
 */
function foreignDivisionInDetail(detail: string, deepest: Division): string | undefined {
  const folded = foldTraditional(detail);
  const names = namesAt(folded, 0).filter((c) => !c.viaAlias || isSeparator(folded[c.length]) || c.length === folded.length);
  const deeper = names.filter((c) => levelDepth(c.division.level) > levelDepth(deepest.level));
  if (deeper.length === 0 || deeper.some((c) => isWithin(c.division, deepest))) return undefined;
  const longest = Math.max(...deeper.map((c) => c.length));
  const homes = [...new Set(deeper.filter((c) => c.length === longest).map((c) => c.division))];
  const first = homes[0];
  return first ? notIn(first.name, deepest, homes) : undefined;
}

function levelProblems(parsed: ParsedAddress, chain: ResolvedChain, mismatchFound: boolean): AddressProblem[] {
  const problems: AddressProblem[] = [];
  const deepest = chain.district ?? chain.city ?? chain.province;
  for (const level of REQUIRED_LEVELS[parsed.region]) {
    if (chain[level]) continue;
    // 东莞市, 仙桃市: no district level exists.
    if (level === 'district' && chain.city && !chain.city.hasDistricts) continue;
    // A contradiction already explains the gap below the last good level.
    if (mismatchFound && deepest && levelDepth(level) > levelDepth(deepest.level)) continue;
    problems.push({ kind: 'level-missing', level, message: `地址缺少${LEVEL_WORD[level]}，请与买家确认` });
  }
  return problems;
}

function detailProblem(detail: string): AddressProblem | undefined {
  const verdict = judgeDetail(detail);
  if (verdict.ok) return undefined;
  const message =
    verdict.reason === 'too-short'
      ? `详细地址过短（${verdict.length} 个字），请补充街道、门牌号或楼栋`
      : '详细地址缺少街道、门牌号或楼栋信息';
  return { kind: 'detail-too-short', message };
}

function remoteProblem(province: Division | undefined, remoteProvinces: readonly string[]): AddressProblem | undefined {
  if (!province) return undefined;
  const remote = remoteProvinces.some((name) => findProvince(name) === province || name === province.name);
  if (!remote) return undefined;
  return { kind: 'remote-region', message: `${province.name}为偏远地区，请先确认快递能否送达及是否加收运费` };
}

export function checkAddress(
  parsed: ParsedAddress,
  raw: { name?: string; phone?: string; address: string },
  options?: { remoteProvinces?: string[] },
): AddressProblem[] {
  divisionIndex(); // build once up front; every helper below reads it
  const problems: AddressProblem[] = [];

  const phone = raw.phone?.trim() || parsed.phone;
  if (!phone) {
    problems.push({ kind: 'phone-missing', message: '缺少收货人电话，快递无法联系买家' });
  } else {
    const message = phoneProblemMessage(phone, parsed.region);
    if (message) problems.push({ kind: 'phone-invalid', message });
  }

  const chain = resolveChain(parsed);
  const deepest = chain.district ?? chain.city ?? chain.province;
  const incomplete = !chain.district && !(chain.city && !chain.city.hasDistricts);
  const mismatch = chain.mismatch ?? (deepest && incomplete ? foreignDivisionInDetail(parsed.detail, deepest) : undefined);
  if (mismatch) problems.push({ kind: 'level-mismatch', message: mismatch });
  problems.push(...levelProblems(parsed, chain, mismatch !== undefined));

  const detail = detailProblem(parsed.detail);
  if (detail) problems.push(detail);

  const pickupWord = findPickupWord(`${raw.address} ${parsed.detail}`);
  if (pickupWord) {
    problems.push({
      kind: 'pickup-point',
      message: `地址是代收点/快递柜（${pickupWord}），大件、生鲜或需本人签收的商品请先与买家确认`,
    });
  }

  const remote = remoteProblem(chain.province, options?.remoteProvinces ?? DEFAULT_REMOTE_PROVINCES);
  if (remote) problems.push(remote);
  return problems;
}
