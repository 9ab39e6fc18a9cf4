// The bench's ERP stock export: 100,000 rows, 8 columns, GBK, CRLF, deterministic (seeded), like a big shop's
// 网店管家/聚水潭 export. One row per SKU per warehouse; about a third of the SKUs are in 2 warehouses.
// Outer codes run XE-1001, XE-1002, …, so the demo console's XE-1001…XE-1240 items are among them.
import iconv from 'iconv-lite';

export const HEADER = ['商品编码', '商品名称', '规格编码', '颜色及规格', '仓库', '实际库存', '可用库存', '锁定库存'];

const COLORS = [
  ['BLK', '黑色'], ['WHT', '白色'], ['BEI', '米色'], ['GRY', '灰色'], ['PNK', '粉色'], ['KHA', '卡其色'],
  ['NAV', '藏青色'], ['RED', '酒红色'], ['GRN', '军绿色'], ['BLU', '雾霾蓝'],
];
const SIZES = ['S', 'M', 'L', 'XL', 'XXL', '3XL'];
const WAREHOUSES = ['主仓', '华东仓'];
const STYLES = ['法式复古', '韩版宽松', '简约百搭', '高腰显瘦', '加厚保暖', '冰丝凉感', '纯棉亲肤', '国潮印花', '小香风', '休闲运动'];
const FABRICS = ['羊毛混纺', '纯棉', '真丝', '雪纺', '针织', '牛仔', '灯芯绒', '羽绒', '亚麻', '醋酸'];
const PRODUCTS = ['双面呢大衣', '连衣裙', '短袖T恤', '阔腿裤', '衬衫', '卫衣', '羽绒服', '针织开衫', '半身裙', '西装外套', '马甲', '打底衫'];
const WHO = ['女', '男', '女中长款', '男士', '女童', '男童', '情侣款'];
const TAGS = ['', ' 包邮', ' 限时特惠', ' 新品', ' 2026春季新款', ' 店长推荐'];

/** Small seeded PRNG (mulberry32): the same file on every run and machine. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @returns {{ bytes: Buffer, rows: number, skuCodes: string[], outerCodes: string[] }}
 *   bytes: the GBK file; skuCodes / outerCodes: every code in file order (for lookups).
 */
export function makeStockCsv(totalRows = 100_000, seed = 20261125) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const lines = [HEADER.join(',')];
  const skuCodes = [];
  const outerCodes = [];
  let item = 0;
  while (lines.length - 1 < totalRows) {
    const outer = `XE-${1001 + item++}`;
    outerCodes.push(outer);
    const name = `${pick(FABRICS)}${pick(STYLES)}${pick(PRODUCTS)}${pick(WHO)}${pick(TAGS)}`;
    const skuCount = 2 + Math.floor(rnd() * 5); // 2–6 SKUs per item
    const color0 = Math.floor(rnd() * COLORS.length);
    const size0 = Math.floor(rnd() * SIZES.length);
    for (let s = 0; s < skuCount && lines.length - 1 < totalRows; s++) {
      const [colorCode, color] = COLORS[(color0 + Math.floor(s / 3)) % COLORS.length];
      const size = SIZES[(size0 + s) % SIZES.length];
      const sku = `${outer}-${colorCode}-${size}`;
      skuCodes.push(sku);
      const warehouses = rnd() < 0.35 ? WAREHOUSES : [WAREHOUSES[0]];
      for (const warehouse of warehouses) {
        if (lines.length - 1 >= totalRows) break;
        const actual = Math.floor(rnd() * 300);
        const locked = Math.min(actual, Math.floor(rnd() * 8));
        lines.push([outer, name, sku, `${color};${size}`, warehouse, actual, actual - locked, locked].join(','));
      }
    }
  }
  return { bytes: iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'), rows: lines.length - 1, skuCodes, outerCodes };
}

/** `count` codes spread evenly over the file: SKU codes and outer (item) codes alternately, all known. */
export function lookupCodes({ skuCodes, outerCodes }, count = 2000) {
  const codes = [];
  for (let i = 0; i < count; i++) {
    const list = i % 2 === 0 ? skuCodes : outerCodes;
    const k = Math.floor((i / 2) * (list.length / (count / 2)));
    codes.push(list[Math.min(k, list.length - 1)]);
  }
  return [...new Set(codes)];
}
