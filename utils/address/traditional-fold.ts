/**
 * One-to-one folding of the traditional characters that occur in HK/MO/TW
 * division names (臺北市, 九龍, 灣仔區) to the simplified forms the data uses.
 * Only used for matching: each character maps to exactly one character, so
 * positions in the folded text are positions in the original text and the
 * detail can be sliced from what the buyer actually wrote.
 */

// Pairs "traditional simplified", concatenated.
const PAIRS =
  '臺台灣湾區区縣县鄉乡鎮镇龍龙島岛門门東东華华園园蘭兰義义興兴龜龟壢坜楊杨蘆芦樹树峽峡' +
  '鶯莺貢贡雙双烏乌來来鳳凤營营橋桥鳥鸟濃浓鹽盐彌弥內内陽阳雲云蓮莲羅罗頭头雞鸡關关寶宝' +
  '豐丰後后圍围將将學学麥麦嶼屿連连馬马廣广萬万觀观黃黄離离環环聖圣濟济風风順顺達达爾尔' +
  '滿满澤泽遼辽寧宁陝陕長长蘇苏錫锡無无揚扬溫温嶺岭麗丽魚鱼車车貝贝埗埗灣湾們们彰彰讓让' +
  '葉叶鄭郑劉刘陳陈張张異异實实銅铜鑼锣栗栗壯壮慶庆灘滩蓋盖閩闽贛赣漢汉浙浙';

const FOLD: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const chars = Array.from(PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const from = chars[i];
    const to = chars[i + 1];
    if (from && to && from !== to) map.set(from, to);
  }
  return map;
})();

/** Same length as the input (all mapped characters are in the BMP). */
export function foldTraditional(text: string): string {
  let out = '';
  for (const ch of text) out += FOLD.get(ch) ?? ch;
  return out;
}
