/**
 * Parses a pasted receiver block (name, phone, address, postal code in any
 * order, labelled or not) into structured fields with canonical division names.
 * Pure: no DOM, no Node APIs — runs in the background worker and options page.
 */
import { ancestorAt, divisionIndex, isWithin, type Region } from './division-index';
import { foldTraditional } from './traditional-fold';
import { findPhone } from './find-phone';
import { matchDivisions } from './match-divisions';
import { closeSpacingTypos, normalizeAddressText, tidySeparators } from './normalize-address-text';
import { formatPhone } from './phone-format';
import { splitByLabels } from './receiver-labels';
import { hasNameShape, looksLikeName, splitTrailingName } from './receiver-name';

export interface ParsedAddress {
  name?: string;
  phone?: string;
  province?: string;
  city?: string;
  district?: string;
  detail: string;
  region: 'mainland' | 'hk' | 'mo' | 'tw';
  zip?: string;
}

// Stands in for removed parts so the words around them stay apart.
const GAP = ' , ';
const PHONE_MARK = '\u0001';
const TOKEN_SEPARATORS = /[\s,;、|]+/;
const COUNTRY_PREFIX = /^\s*(中华人民共和国|中国大陆|中国)(?![\u4e00-\u9fff]{0,1}(路|街|银行|移动|电信|联通))\s*/;
// Six digits standing alone (not 310012号, not part of a longer number).
const ZIP = /(?<=^|[\s,;])(\d{6})(?=$|[\s,;])/;
// Taiwan writes the postal code before the city: 110台北市….
const TW_LEADING_ZIP = /^(\d{3}(?:\d{2,3})?)(?=台|臺)/;
// How far into an address a name glued in front (张三浙江省…) may reach.
const MAX_GLUED_NAME = 4;

interface Extracted {
  name?: string;
  /** The name was guessed from the first/last word, with no phone beside it. */
  nameFromEdge?: boolean;
  phone?: string;
  zip?: string;
  address: string;
}

function takeZip(text: string): { zip?: string; rest: string } {
  const m = ZIP.exec(text);
  if (!m?.[1]) return { rest: text };
  return { zip: m[1], rest: text.slice(0, m.index) + GAP + text.slice(m.index + m[0].length) };
}

/**
 * The rest of the text, without token `skip`, reads a division chain of its own (more than a lone district) that the
 * token is no part of: 秀英 before 广东省深圳市… is a name, 广西 before 南宁 青秀区 is the province.
 */
function divisionsElsewhere(tokens: string[], skip: number, address: string): boolean {
  const rest = `${tokens.filter((t, k) => k !== skip && t !== PHONE_MARK).join(' ')} ${address}`;
  const text = closeSpacingTypos(rest.replace(COUNTRY_PREFIX, '').trim());
  if (!readsChain(text, 0)) return false;
  const deepest = matchDivisions(text).division!;
  const places = divisionIndex().byName.get(foldTraditional(tokens[skip]!)) ?? [];
  return !places.some(({ division }) => division === deepest || isWithin(deepest, division) || isWithin(division, deepest));
}

/** From `offset`, the text reads a province or city, not only a lone district (南山区 alone could be anywhere). */
function readsChain(text: string, offset: number): boolean {
  const match = matchDivisions(text, offset);
  if (!match.division || match.start !== offset) return false;
  return match.division.level !== 'district' || match.end - match.start > match.division.name.length + 1;
}

/**
 * Name next to the phone first (张三 138…, 138… 张三), then the first or last token. A name that is also a place's
 * name (王秀英 is fine, but 秀英, 东城, 永和 are districts too) is still the name when it stands next to the phone or
 * at an edge and the address around it names its own divisions: the divisions come from the address part.
 */
function takeName(free: string, address = ''): { name?: string; fromEdge?: boolean; rest: string } {
  const tokens = free.split(TOKEN_SEPARATORS).filter(Boolean);
  const mark = tokens.indexOf(PHONE_MARK);
  const order = mark >= 0 ? [mark - 1, mark + 1, 0, tokens.length - 1] : [0, tokens.length - 1];
  for (const relaxed of [false, true]) {
    for (const i of order) {
      const token = tokens[i];
      if (!token || token === PHONE_MARK) continue;
      const isName = relaxed ? hasNameShape(token) && divisionsElsewhere(tokens, i, address) : looksLikeName(token);
      if (isName) {
        tokens.splice(i, 1);
        return { name: token, fromEdge: mark < 0 || Math.abs(i - mark) !== 1, rest: tokens.join(' ') };
      }
    }
  }
  const beforePhone = mark > 0 ? tokens[mark - 1] : undefined;
  const glued = beforePhone ? splitTrailingName(beforePhone) : undefined;
  if (glued && mark > 0) {
    tokens[mark - 1] = glued.rest;
    return { name: glued.name, rest: tokens.join(' ') };
  }
  return { rest: tokens.join(' ') };
}

function extract(text: string): Extracted {
  const result: Extracted = { address: '' };
  const addressParts: string[] = [];
  let free = '';
  for (const piece of splitByLabels(text)) {
    const value = piece.text.trim();
    switch (piece.field) {
      case 'address':
        addressParts.push(value);
        break;
      case 'name': {
        const [first = '', ...rest] = value.split(TOKEN_SEPARATORS);
        if (first && !result.name) result.name = first;
        free += GAP + rest.join(' ');
        break;
      }
      case 'phone': {
        const found = findPhone(value);
        if (found && !result.phone) {
          result.phone = found.phone;
          free += GAP + value.slice(0, found.index) + GAP + value.slice(found.index + found.length);
        } else if (!result.phone && /\d/.test(value)) {
          // A labelled but malformed number is still the phone; the checker reports it.
          const [first = ''] = value.split(/[\s,;]+(?=\D)/);
          result.phone = formatPhone(first);
          free += GAP + value.slice(first.length);
        } else {
          free += GAP + value;
        }
        break;
      }
      case 'zip': {
        const digits = /^\d{3,6}/.exec(value)?.[0];
        if (digits) result.zip ??= digits;
        free += GAP + value.slice(digits?.length ?? 0);
        break;
      }
      default:
        free += GAP + value;
    }
  }
  let address = addressParts.join(' ');

  if (!result.phone) {
    const inFree = findPhone(free);
    if (inFree) {
      result.phone = inFree.phone;
      free = `${free.slice(0, inFree.index)} ${PHONE_MARK} ${free.slice(inFree.index + inFree.length)}`;
    } else {
      const inAddress = findPhone(address);
      if (inAddress) {
        result.phone = inAddress.phone;
        address = address.slice(0, inAddress.index) + GAP + address.slice(inAddress.index + inAddress.length);
      }
    }
  }
  if (!result.zip) {
    for (const source of ['free', 'address'] as const) {
      const taken = takeZip(source === 'free' ? free : address);
      if (!taken.zip) continue;
      result.zip = taken.zip;
      if (source === 'free') free = taken.rest;
      else address = taken.rest;
      break;
    }
  }
  if (!result.name) {
    const taken = takeName(free, address);
    if (taken.name) {
      result.name = taken.name;
      if (taken.fromEdge) result.nameFromEdge = true;
    }
    free = taken.rest;
  }
  const freeText = free.replace(PHONE_MARK, ' ');
  result.address = tidySeparators(addressParts.length > 0 ? `${address} ${freeText}` : freeText);
  return result;
}

function regionOf(province: string | undefined): Region {
  if (province === '香港特别行政区') return 'hk';
  if (province === '澳门特别行政区') return 'mo';
  if (province === '台湾省') return 'tw';
  return 'mainland';
}

export function parseAddress(text: string): ParsedAddress {
  const extracted = extract(normalizeAddressText(text));
  let address = closeSpacingTypos(extracted.address.replace(COUNTRY_PREFIX, ''));
  let name = extracted.name;
  let zip = extracted.zip;

  const twZip = TW_LEADING_ZIP.exec(address);
  if (twZip?.[1] && !zip) {
    zip = twZip[1];
    address = address.slice(twZip[1].length);
  }

  let match = matchDivisions(address);
  if (!name && (!match.division || (match.start === 0 && !readsChain(address, 0)))) {
    // 张三浙江省杭州市…: a name glued in front of the divisions.
    for (let offset = 2; offset <= MAX_GLUED_NAME && offset < address.length; offset += 1) {
      const glued = address.slice(0, offset);
      const later = matchDivisions(address, offset);
      // 秀英广东省…: a name that is also a place's name, glued before a chain that starts at a province or city.
      const named = looksLikeName(glued) || (hasNameShape(glued) && readsChain(address, offset));
      if (later.division && named) {
        name = glued;
        match = later;
        break;
      }
    }
  }

  const deepest = match.division;
  const province = deepest && ancestorAt(deepest, 'province')?.name;
  const city = deepest && ancestorAt(deepest, 'city')?.name;
  const district = deepest && ancestorAt(deepest, 'district')?.name;
  const before = name && address.startsWith(name) ? '' : address.slice(0, match.start);
  let detail = tidySeparators(`${before} ${address.slice(match.end)}`);
  if (!detail && name && extracted.nameFromEdge && deepest) {
    // 浙江省杭州市西湖区 张家: a lone word after the divisions is the (poor) detail, not a name.
    detail = name;
    name = undefined;
  }

  const parsed: ParsedAddress = { detail, region: regionOf(province) };
  if (name) parsed.name = name;
  if (extracted.phone) parsed.phone = extracted.phone;
  if (province) parsed.province = province;
  if (city) parsed.city = city;
  if (district) parsed.district = district;
  if (zip) parsed.zip = zip;
  return parsed;
}
