/**
 * Which shorter names buyers use for a division: 浙江 for 浙江省, 阿坝 / 阿坝州
 * for 阿坝藏族羌族自治州, 西湖 for 西湖区. Derived from the canonical name so
 * the data package can be upgraded without maintaining an alias table.
 */

// Ethnic names inside autonomous-area names; the short name is what precedes the first one.
const ETHNIC_MARKERS = [
  '维吾尔', '蒙古', '哈萨克', '柯尔克孜', '塔吉克', '达斡尔', '鄂温克', '鄂伦春', '锡伯',
  '壮族', '回族', '藏族', '羌族', '彝族', '土家族', '苗族', '朝鲜族', '布依族', '侗族', '瑶族',
  '白族', '哈尼族', '傣族', '傈僳族', '佤族', '拉祜族', '纳西族', '景颇族', '布朗族', '普米族',
  '怒族', '独龙族', '仡佬族', '水族', '畲族', '黎族', '满族', '撒拉族', '东乡族', '保安族',
  '裕固族', '土族', '仫佬族', '毛南族', '京族', '各族',
];

function beforeEthnicMarker(name: string): string | undefined {
  let cut = -1;
  for (const marker of ETHNIC_MARKERS) {
    const at = name.indexOf(marker);
    if (at >= 2 && (cut < 0 || at < cut)) cut = at;
  }
  return cut > 0 ? name.slice(0, cut) : undefined;
}

export interface DivisionAliases {
  /** Safe anywhere in the division chain (浙江, 杭州, 阿坝州). */
  strict: string[];
  /** Only trusted when a separator or the end follows (西湖 could start 西湖大道). */
  loose: string[];
}

function unique(names: string[], exclude: string): string[] {
  return [...new Set(names)].filter((n) => n.length >= 2 && n !== exclude);
}

export function provinceAliases(name: string): DivisionAliases {
  const strict: string[] = [];
  const ethnicShort = beforeEthnicMarker(name);
  if (ethnicShort) strict.push(ethnicShort);
  const stripped = name.replace(/(特别行政区|自治区|省|市)$/, '');
  strict.push(stripped);
  if (name === '内蒙古自治区') strict.push('内蒙');
  // Buyers often call every province 省 (广西省, 新疆省).
  const short = ethnicShort ?? stripped;
  strict.push(`${short}省`);
  return { strict: unique(strict, name), loose: [] };
}

export function cityAliases(name: string): DivisionAliases {
  const strict: string[] = [];
  const ethnicShort = name.endsWith('自治州') ? beforeEthnicMarker(name) : undefined;
  if (ethnicShort) strict.push(ethnicShort, `${ethnicShort}州`);
  const stripped = name.replace(/(自治州|地区|林区|市|盟)$/, '');
  if (!ethnicShort) strict.push(stripped);
  return { strict: unique(strict, name), loose: [] };
}

export function districtAliases(name: string): DivisionAliases {
  const strict: string[] = [];
  const loose: string[] = [];
  const ethnicShort = /自治(县|旗)$/.test(name) ? beforeEthnicMarker(name) : undefined;
  if (ethnicShort) {
    loose.push(ethnicShort);
    // 石柱县 / 鄂伦春旗: the autonomous county written as a plain county.
    strict.push(ethnicShort + name.slice(-1));
  } else {
    loose.push(name.replace(/(新区|林区|特区|区|县|市|旗)$/, ''));
  }
  return { strict: unique(strict, name), loose: unique(loose, name) };
}
