// Deterministic demo data for the seller console. Pure ES module: no DOM, no
// clock, no Math.random — Node tests import it to compute expectations.
import chatScriptJson from '../../data/chat-script.json' with { type: 'json' };

/** mulberry32: tiny seeded PRNG, so every run yields the same shop. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rng, list) => list[Math.floor(rng() * list.length)];
const int = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));
const pad = (n, w = 2) => String(n).padStart(w, '0');

/** Asia/Shanghai wall-clock parts of an epoch (machine TZ independent). */
export function shanghaiParts(ms) {
  const d = new Date(ms + 8 * 3600 * 1000);
  return {
    y: d.getUTCFullYear(), mo: pad(d.getUTCMonth() + 1), d: pad(d.getUTCDate()),
    h: pad(d.getUTCHours()), mi: pad(d.getUTCMinutes()), s: pad(d.getUTCSeconds()),
  };
}
/** "YYYY-MM-DD HH:mm:ss" in Asia/Shanghai. */
export function formatDateTime(ms) {
  const p = shanghaiParts(ms);
  return `${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi}:${p.s}`;
}
export function shanghaiIso(ms) {
  return formatDateTime(ms).replace(' ', 'T') + '+08:00';
}

// ---------------------------------------------------------------- catalog

export const CATALOG_SIZE = 240;

const COLORS = [
  ['黑色', 'BLK'], ['白色', 'WHT'], ['米色', 'BEI'], ['灰色', 'GRY'],
  ['红色', 'RED'], ['藏青色', 'NAV'], ['粉色', 'PNK'], ['卡其色', 'KHA'],
];
// Each kind: base titles, the SKU axes (label, [value, code]) and a price range.
const KINDS = {
  cloth: {
    price: [59, 599],
    axes: [['颜色分类', COLORS], ['尺码', ['S', 'M', 'L', 'XL', 'XXL'].map((s) => [s, s])]],
    bases: [
      '羊毛混纺双面呢大衣女中长款', '法式复古碎花连衣裙女收腰显瘦', '纯棉短袖T恤男宽松百搭',
      '加厚连帽卫衣女韩版宽松', '高腰阔腿牛仔裤女直筒垂感', '男士商务休闲衬衫长袖免烫',
      '轻薄羽绒服女短款白鸭绒', '针织开衫女春秋外搭慵懒风', '冰丝防晒衣女夏季透气',
      '加绒运动裤男束脚卫裤', '半高领打底衫女修身内搭', '灯芯绒衬衫外套男复古',
      '西装外套女小个子休闲', '摇粒绒外套男秋冬保暖', '毛呢半身裙女A字中长款',
      '棉麻九分裤女宽松', '男士羊绒衫圆领纯色', '儿童加厚棉服男女童',
    ],
  },
  shoes: {
    price: [89, 469],
    axes: [['颜色分类', COLORS.slice(0, 5)], ['鞋码', ['36', '37', '38', '39', '40', '41', '42', '43'].map((s) => [s, s])]],
    bases: [
      '真皮小白鞋女百搭板鞋', '透气网面跑步鞋男减震', '加绒雪地靴女短筒防滑',
      '复古德训鞋男女同款', '软底乐福鞋女英伦风', '男士商务皮鞋真皮系带',
      '厚底老爹鞋女增高', '一脚蹬帆布鞋懒人鞋', '居家棉拖鞋女冬季室内',
      '儿童运动鞋魔术贴',
    ],
  },
  beauty: {
    price: [49, 399],
    axes: [['规格', [['30ml', '30ML'], ['50ml', '50ML'], ['100ml', '100ML'], ['旅行装15ml', '15ML']]]],
    bases: [
      '玻尿酸补水保湿精华液', '烟酰胺亮肤身体乳', '氨基酸洁面乳温和清洁',
      '持妆控油粉底液', '修护舒缓保湿面霜', '清爽防晒霜SPF50+ PA++++',
      '卸妆油深层清洁', '丝绒哑光口红礼盒', '洗发水控油蓬松',
      '护手霜滋润套装',
    ],
  },
  home: {
    price: [19, 899],
    axes: [['颜色分类', COLORS.slice(0, 4)], ['规格', [['小号', 'S'], ['中号', 'M'], ['大号', 'L']]]],
    bases: [
      '全棉磨毛四件套床上用品', '316不锈钢保温杯,大容量男女学生水杯', '北欧陶瓷餐具碗碟套装',
      '加厚透明收纳箱衣柜整理', '乳胶枕头护颈椎单人', '珊瑚绒毛毯沙发盖毯',
      '家用静音电热水壶1.7L', '实木桌面置物架书架', '懒人沙发豆袋卧室',
      '加厚浴巾纯棉吸水', '厨房不粘锅炒锅家用', '香薰蜡烛礼盒卧室助眠',
    ],
  },
};
const BASES = Object.entries(KINDS).flatMap(([kind, k]) => k.bases.map((b) => [kind, b]));
const VARIANTS = ['', '2026新款 ', '官方正品 ', '【现货速发】', '爆款 '];
const SUFFIXES = [' 包邮', '', ' 限时特惠', ' 店长推荐'];

/** Index of the item whose title is hostile markup (rendered as text). */
export const HOSTILE_INDEX = 7;
export const HOSTILE_TITLE = '<img src=x onerror=alert(1)>测试商品';
/** Items whose outer code is written oddly on the page (ERP has the clean form). */
export const ODD_CODES = { 44: 'ＸＥ－１０４５', 45: ' xe-1046 ' };

function buildCatalog() {
  const rng = mulberry32(20261125);
  const items = [];
  for (let i = 0; i < CATALOG_SIZE; i++) {
    const [kind, base] = BASES[i % BASES.length];
    const k = KINDS[kind];
    const round = Math.floor(i / BASES.length);
    const title = i === HOSTILE_INDEX ? HOSTILE_TITLE
      : `${VARIANTS[round % VARIANTS.length]}${base}${SUFFIXES[(i + round) % SUFFIXES.length]}`.trim();
    const erpCode = `XE-${1001 + i}`;
    const itemId = String(612300000000 + i * 100003 + Math.floor(rng() * 100000));
    const priceNum = int(rng, k.price[0], k.price[1]);
    const price = `${priceNum}.${pick(rng, ['00', '00', '90', '99'])}`;
    // SKUs: 1–4 distinct combinations of the kind's axes.
    const combos = k.axes.reduce((acc, [label, values]) =>
      acc.flatMap((c) => values.map((v) => [...c, [label, v]])), [[]]);
    const n = Math.min(int(rng, 1, 4), combos.length);
    const start = int(rng, 0, combos.length - 1);
    const step = int(rng, 1, 3);
    const chosen = new Set();
    for (let j = 0; chosen.size < n; j++) {
      let ci = (start + j * step) % combos.length;
      while (chosen.has(ci)) ci = (ci + 1) % combos.length; // probe: always terminates
      chosen.add(ci);
    }
    const skus = [...chosen].map((ci) => {
      const combo = combos[ci];
      const stock = rng() < 0.06 ? 0 : int(rng, 3, 160);
      return {
        skuCode: [erpCode, ...combo.map(([, v]) => v[1])].join('-'),
        props: combo.map(([label, v]) => `${label}：${v[0]}`).join(';'),
        price,
        pageStock: stock,
      };
    });
    items.push({
      itemId, title, kind,
      outerCode: ODD_CODES[i] ?? erpCode, // as written on the page
      erpCode, // clean code the ERP uses
      price,
      pageStock: skus.reduce((s, x) => s + x.pageStock, 0),
      skus,
    });
  }
  return items;
}

export const catalog = buildCatalog();
export const catalogById = new Map(catalog.map((it) => [it.itemId, it]));

/**
 * Row `index` of the (virtually unbounded) item list. Past the 240 catalog
 * items the catalog repeats with a new 12-digit itemId ("7" + 2-digit copy
 * number + last 9 digits of the original) so big pages have unique rows.
 */
export function itemAt(index) {
  const base = catalog[index % CATALOG_SIZE];
  const copy = Math.floor(index / CATALOG_SIZE);
  if (copy === 0) return base;
  return { ...base, itemId: `7${pad(copy)}${base.itemId.slice(3)}`, copyOf: base.itemId };
}

/** Total rows the list shows: the catalog, or one full page when pageSize is bigger. */
export function itemsTotal(pageSize) {
  return Math.max(CATALOG_SIZE, pageSize);
}

/** One page of items: { rows, total, pages, page, pageSize }. Pages start at 1. */
export function itemsPage(page = 1, pageSize = 20) {
  const total = itemsTotal(pageSize);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const p = Math.min(Math.max(1, page), pages);
  const rows = [];
  for (let i = (p - 1) * pageSize; i < Math.min(total, p * pageSize); i++) rows.push(itemAt(i));
  return { rows, total, pages, page: p, pageSize };
}

// ---------------------------------------------------------------- ERP stock

export const WAREHOUSES = ['主仓', '华东仓'];
/** Catalog indexes absent from the ERP export (the ERP does not know them). */
export const ERP_ABSENT = [17, 58, 99, 140, 181, 222];

/**
 * ERP stock rows per SKU per warehouse, in the 网店管家-like export order.
 * Scenarios per SKU: same as page (most), lower (dangerous), zero, higher.
 */
function buildErp() {
  const rng = mulberry32(777);
  const rows = [];
  catalog.forEach((item, i) => {
    if (ERP_ABSENT.includes(i)) return;
    // Item-level scenario: most match the page, some are lower on one or more
    // SKUs (the dangerous case), some sold out in the ERP, some higher.
    const odd = i in ODD_CODES; // odd-code items must show a (lower) difference
    const r = odd ? 0.7 : rng();
    const scenario = r < 0.6 ? 'same' : r < 0.8 ? 'lower' : r < 0.87 ? 'zero' : 'higher';
    item.skus.forEach((sku, j) => {
      let avail = sku.pageStock;
      if (scenario === 'zero') avail = 0;
      else if (scenario === 'lower' && (j === 0 || rng() < 0.4)) {
        avail = Math.floor(sku.pageStock * (0.1 + rng() * 0.6));
        if (j === 0 && avail >= sku.pageStock) avail = 0; // first SKU really lower
      } else if (scenario === 'higher' && j === 0) avail = sku.pageStock + int(rng, 5, 60);
      const split = rng() < 0.3 && avail > 1;
      const parts = split ? [Math.ceil(avail * 0.6), avail - Math.ceil(avail * 0.6)] : [avail];
      parts.forEach((a, w) => {
        const locked = rng() < 0.4 ? 0 : int(rng, 1, 6);
        rows.push({
          outerCode: item.erpCode,
          name: item.title,
          skuCode: sku.skuCode,
          spec: sku.props.split(';').map((p) => p.split('：')[1]).join(';'),
          warehouse: WAREHOUSES[w],
          actual: a + locked,
          available: a,
          locked,
        });
      });
    });
  });
  return rows;
}

export const erpRows = buildErp();

/** Expected real available stock, per item outer code and per SKU code. */
export function erpExpected() {
  const expected = {};
  const skus = {};
  for (const r of erpRows) {
    for (const [map, key] of [[expected, r.outerCode], [skus, r.skuCode]]) {
      const e = (map[key] ??= { available: 0, warehouses: {} });
      e.available += r.available;
      e.warehouses[r.warehouse] = (e.warehouses[r.warehouse] ?? 0) + r.available;
    }
  }
  return { expected, skus };
}

// ---------------------------------------------------------------- orders

export const STATUS_TEXT = {
  WAIT_BUYER_PAY: '等待买家付款',
  WAIT_SELLER_SEND_GOODS: '买家已付款',
  WAIT_BUYER_CONFIRM_GOODS: '卖家已发货',
  TRADE_FINISHED: '交易成功',
};
export const FLAG_NAMES = ['none', 'red', 'yellow', 'green', 'blue', 'purple'];

// [buyerNick, status letter, payType COD?] newest first.
// P=WAIT_BUYER_PAY S=WAIT_SELLER_SEND_GOODS C=WAIT_BUYER_CONFIRM_GOODS F=TRADE_FINISHED
const ORDER_PLAN = [
  ['tb_小鹿酱', 'P'], ['晴天小雨2019', 'S'], ['阿布的小铺', 'P'], ['吃不胖的猫', 'S'],
  ['tb_8832416', 'S', 1], ['柠檬不萌', 'P'], ['山海经里的鱼', 'S'], ['tb_王大锤', 'S'],
  ['周末去看海', 'P'], ['豆豆妈咪', 'S'], ['一只小团子', 'S', 1], ['风吹麦浪88', 'C'],
  ['tb_小鹿酱', 'S'], ['奶茶续命中', 'P'], ['喵星人大王', 'S'], ['tb_张先生', 'C'],
  ['南方有嘉木', 'S'], ['橘子汽水', 'C', 1], ['北京小胡同', 'S'], ['月亮邮递员', 'C'],
  ['tb_linlin521', 'P'], ['夏天的风', 'C'], ['晴天小雨2019', 'F'], ['大白菜不白', 'C'],
  ['西瓜太郎', 'S'], ['tb_8832416', 'C'], ['慢慢来吧', 'F', 1], ['云朵棉花糖', 'F'],
  ['小熊软糖', 'C'], ['tb_陈女士', 'F'], ['吃不胖的猫', 'F'], ['海盐芝士', 'F'],
  ['冬日暖阳', 'C'], ['布丁小姐', 'F'], ['风吹麦浪88', 'F'], ['阿狸的尾巴', 'F'],
];
const STATUS_OF = { P: 'WAIT_BUYER_PAY', S: 'WAIT_SELLER_SEND_GOODS', C: 'WAIT_BUYER_CONFIRM_GOODS', F: 'TRADE_FINISHED' };

// Receivers, one per order (same index). Covers provinces, municipalities,
// autonomous regions and the awkward cases the extension must flag.
const RECEIVERS = [
  ['林晓', '浙江省 杭州市 西湖区 文新街道 文三路478号华星时代广场A座1203室'],
  ['陈雨', '江苏省 苏州市 工业园区 星湖街328号创意产业园12幢502'],
  ['赵一鸣', '北京市 北京市 朝阳区 望京街道 阜通东大街6号方恒国际中心B座1708'],
  ['王敏', '江苏省 南京市 江宁区 秣陵街道 将军大道菜鸟驿站(翠屏清华园店)'],
  ['刘建国', '新疆维吾尔自治区 乌鲁木齐市 天山区 解放南路街道 人民路36号天山大厦1单元802'],
  ['孙丽', '上海市 上海市 浦东新区 张江镇 祖冲之路1500号3号楼6层'],
  ['周海', '广东省 深圳市 南山区 科技园'],
  ['吴大锤', '四川省 成都市 武侯区 桂溪街道 天府大道中段666号希顿国际广场C座1106'],
  ['郑小雨', '天津市 天津市 南开区 水上公园街道 复康路23号院5栋302'],
  ['冯佳', '浙江省 杭州市 上城区 小营街道 解放路138号3单元601'],
  ['蒋欢', '内蒙古自治区 呼和浩特市 赛罕区 昭乌达路街道 大学东街99号阳光小区2号楼1单元402'],
  ['韩梅', '重庆市 重庆市 渝中区 解放碑街道 民权路28号英利国际金融中心3508'],
  ['林晓', '湖北省 武汉市 洪山区 关山街道 光谷大道77号金融港B18栋'],
  ['何静', '山东省 青岛市 市南区 八大关街道 香港中路76号颐和国际A座2201'],
  ['许诺', '西藏自治区 拉萨市 城关区 八廓街道 北京中路46号2单元301'],
  ['曹阳', '广西壮族自治区 南宁市 青秀区 新竹街道 民族大道136号华润大厦C座1505'],
  ['彭程', '湖南省 长沙市 岳麓区 梅溪湖街道 环湖路1177号金茂梅溪湖国际广场2栋1803'],
  ['梁晨', '福建省 厦门市 思明区 鹭江街道 鹭江道8号国际银行大厦21楼'],
  ['胡同', '北京市 北京市 东城区 东四街道 东四北大街107号院3号楼2门101'],
  ['宋月', '河南省 郑州市 金水区 花园路街道 花园路39号国贸中心A座906'],
  ['唐诗', '陕西省 西安市 雁塔区 小寨路街道 长安中路123号2号楼1单元1502'],
  ['夏风', '宁夏回族自治区 银川市 兴庆区 富宁街道 解放西街2号老大楼小区6-2-301'],
  ['陈雨', '江苏省 苏州市 工业园区 星湖街328号创意产业园12幢502'],
  ['白菜', '辽宁省 沈阳市 和平区 太原街街道 中华路118号万达广场B座1210'],
  ['田甜', '四川省 阿坝藏族羌族自治州 马尔康市 达萨街 马江街18号2单元3楼'],
  ['刘建国', '新疆维吾尔自治区 乌鲁木齐市 天山区 解放南路街道 人民路36号天山大厦1单元802'],
  ['高远', '云南省 昆明市 五华区 华山街道 东风西路11号顺城购物中心东塔1608'],
  ['云朵', '黑龙江省 哈尔滨市 南岗区 花园街道 红军街15号奥威斯发展大厦12层'],
  ['熊悦', '安徽省 合肥市 蜀山区 三里庵街道 长江西路189号之心城B座908'],
  ['陈女士', '江西省 南昌市 东湖区 八一广场街道 中山路118号1栋2单元502'],
  ['王敏', '江苏省 南京市 鼓楼区 湖南路街道 湖南路1号凤凰国际书城8楼'],
  ['海蓝', '海南省 海口市 龙华区 大同街道 国贸路2号时代广场17楼1702'],
  ['冬冬', '吉林省 长春市 朝阳区 桂林街道 西安大路58号吉林省广电大厦10层'],
  ['布丁', '贵州省 贵阳市 云岩区 中华北路街道 中华北路289号恒峰步行街12楼'],
  ['蒋欢', '内蒙古自治区 包头市 昆都仑区 钢铁大街街道 钢铁大街66号宏源大厦907'],
  ['李狸', '甘肃省 兰州市 城关区 张掖路街道 庆阳路77号国芳百货写字楼1806'],
];
const SPECIAL_PHONES = { 7: '1380013800', 9: '0571-88886666' }; // 10-digit (invalid), landline

// Remarks some orders already carry: [text, flag, minutes after the order was placed, or null for a remark without
// the standard 工号 and time]. The time is the demo's own, so a remark is never older than its order.
const REMARKS = {
  1: ['[改地址] 新地址：浙江省 杭州市 余杭区 五常街道 西溪八方城3幢1502 /工号1023', 1, 6],
  4: ['货到付款，发货前电话确认 /工号1007', 2, 35],
  12: ['买家要求周五发', 3, null],
  14: ['送小样×2 /工号1007', 4, 20],
  16: ['[改地址] 新地址：湖南省 长沙市 岳麓区 麓谷街道 岳麓大道233号 /工号1023', 1, 90],
  18: ['顺丰发，运费已补', 5, null],
  21: ['已补发一双袜子', 0, null],
  24: ['缺货待调拨，已和买家沟通', 2, null],
  29: ['老客户，优先处理', 3, null],
};

/** "MM-DD HH:mm" in Asia/Shanghai, as remarks carry it. */
function remarkTime(ms) {
  const p = shanghaiParts(ms);
  return `${p.mo}-${p.d} ${p.h}:${p.mi}`;
}

/**
 * How long before the demo's "now" each order was placed, in minutes, newest first: the first ten within the last
 * few hours (unpaid ones with most of their 72 hours left), then older ones at fixed points, so that on any day the
 * list holds an unpaid order close to being closed (index 13, under 6 hours left) and one already closed (index 20).
 */
function orderAges(rng) {
  const ages = [];
  let minutes = 9;
  for (let i = 0; i < 10; i++) {
    ages.push(minutes);
    minutes += int(rng, 12, 45);
  }
  // Anchors for the older orders (index: minutes ago); the ones between are spread evenly.
  const anchors = [[10, minutes + 120], [13, 66 * 60 + 10], [20, 75 * 60], [35, 20 * 24 * 60]];
  for (let k = 0; k + 1 < anchors.length; k++) {
    const [i0, m0] = anchors[k];
    const [i1, m1] = anchors[k + 1];
    for (let i = i0; i < i1; i++) ages.push(Math.round(m0 + ((m1 - m0) * (i - i0)) / (i1 - i0)));
  }
  ages.push(anchors.at(-1)[1]);
  return ages;
}

const PHONE_PREFIX = ['138', '139', '150', '151', '186', '187', '135', '177', '189', '199'];

function buildOrders(now) {
  const rng = mulberry32(4242);
  const ages = orderAges(mulberry32(4243));
  return ORDER_PLAN.map(([buyerNick, letter, cod], index) => {
    const createdMs = now - ages[index] * 60000 - int(rng, 0, 59) * 1000;
    const orderId = `${int(rng, 2, 4)}${Array.from({ length: 17 }, () => int(rng, 0, 9)).join('')}`;
    const lineCount = rng() < 0.6 ? 1 : rng() < 0.7 ? 2 : 3;
    const lines = [];
    for (let j = 0; j < lineCount; j++) {
      // Order 5 buys the hostile item: its title must stay text everywhere.
      const item = index === 5 && j === 0 ? catalog[HOSTILE_INDEX]
        : catalog[int(rng, 0, CATALOG_SIZE - 1)];
      const sku = pick(rng, item.skus);
      lines.push({
        itemId: item.itemId, title: item.title, skuCode: sku.skuCode,
        outerCode: item.outerCode, props: sku.props,
        qty: rng() < 0.8 ? 1 : int(rng, 2, 3), price: sku.price,
      });
    }
    const [name, address] = RECEIVERS[index];
    const phone = SPECIAL_PHONES[index] ?? `${pick(rng, PHONE_PREFIX)}${Array.from({ length: 8 }, () => int(rng, 0, 9)).join('')}`;
    const [text, flag, minutesAfter] = REMARKS[index] ?? ['', 0, null];
    const remark = minutesAfter == null ? text : `${text} ${remarkTime(createdMs + minutesAfter * 60000)}`;
    return {
      orderId,
      createdAt: shanghaiIso(createdMs),
      buyerNick,
      status: STATUS_OF[letter],
      payType: cod ? '货到付款' : '在线支付',
      receiver: { name, phone, address },
      lines,
      remark,
      flag,
    };
  });
}

/** Newest order of a buyer in `orders` (newest first), or null. */
export function latestOrderOf(orders, nick) {
  return orders.find((o) => o.buyerNick === nick) ?? null;
}

// ---------------------------------------------------------------- chat

// Items for product cards: ones whose ERP stock is below the page stock.
const { expected: EXP } = erpExpected();
const lowItems = catalog.filter((it, i) => i !== HOSTILE_INDEX && EXP[it.erpCode] && EXP[it.erpCode].available < it.pageStock);
export const CARD_ITEMS = [lowItems[2].itemId, lowItems[5].itemId, lowItems[9].itemId];

// Messages are placed by how long before the demo's "now" they were sent ('6m', '45s', '2h10m'): four buyers wait
// seconds to minutes, the others were answered earlier in the day.
const ago = (text) => {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  return ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000;
};
const b = (before, text) => ({ from: 'buyer', text, before: ago(before) });
const s = (before, text) => ({ from: 'seller', text, before: ago(before) });
const card = (before, itemId) => ({ from: 'buyer', card: itemId, before: ago(before) });

const CONVS = [
  ['2208800101', 'tb_小鹿酱', 1, [
    b('9m10s', '在吗？这件大衣M码还有货吗'),
    s('8m40s', '亲，在的呢～M码有现货，拍下48小时内发货哦'),
    b('6m15s', '好的我拍了，还没付款'),
    b('50s', '能不能便宜一点呀'),
  ]],
  ['2208800102', '晴天小雨2019', 0, [
    b('41m20s', '你好，我地址填错了，能改一下吗'),
    s('40m40s', '亲，可以的，请把新地址发给我～'),
    b('39m55s', '浙江省杭州市余杭区五常街道西溪八方城3幢1502'),
    s('38m30s', '好的亲，已经帮您备注改地址了，发货前会再核对一次哦'),
  ]],
  ['2208800103', '吃不胖的猫', 2, [
    b('3m25s', '你好'),
    b('3m', '我昨天拍的什么时候发货呀？'),
  ]],
  ['2208800104', '山海经里的鱼', 1, [
    b('1m50s', '我的地址好像没写全，只写到科技园'),
  ]],
  ['2208800105', '风吹麦浪88', 1, [
    s('2h', '亲，您的包裹已经发出啦，请注意查收～'),
    b('4m10s', '物流好几天没动了，帮忙看看'),
  ]],
  ['2208800106', '西瓜太郎', 0, [
    card('2h18m', CARD_ITEMS[0]),
    b('2h17m30s', '这个还有货吗'),
    s('2h17m', '亲，有的呢，今天下单今天发'),
  ]],
  ['2208800107', '豆豆妈咪', 0, [
    b('2h31m20s', '留的是座机，快递能打通吗'),
    s('2h30m30s', '亲，可以的，快递员会提前联系您～'),
  ]],
  ['2208800108', '路过的小白', 0, [
    card('3h10m', CARD_ITEMS[1]),
    b('3h9m35s', '这个颜色好看吗，显黑吗'),
    s('3h8m50s', '亲，这个颜色很百搭哦，不显黑的～'),
  ]],
];

/**
 * The demo shop as of `now` (ms): its orders (newest first) and conversations (most recent activity first) lead up
 * to that moment, so the shop looks the same, live, on any day: unpaid orders with time left, one close to closing,
 * one closed; buyers who have waited seconds to minutes.
 */
export function shopAt(now) {
  const orders = buildOrders(now);
  const conversations = CONVS.map(([uid, nick, unread, messages]) => ({
    uid,
    nick,
    avatar: [...nick.replace(/^tb_/, '')][0].toUpperCase(),
    unread,
    orderId: latestOrderOf(orders, nick)?.orderId ?? null,
    messages: messages.map(({ before, ...m }) => ({ ...m, at: now - before })),
  })).sort((x, y) => y.messages.at(-1).at - x.messages.at(-1).at);
  return { orders, conversations };
}

/**
 * The timed chat (buyer messages, and for ?agent=script the scripted agent's replies and orders), from the data file
 * test/demo/data/chat-script.json that the end-to-end tests read too.
 */
export const chatScriptFile = chatScriptJson;

/** Buyers who first appear through the chat script. */
export const newBuyers = chatScriptJson.newBuyers;

/** A script's steps with product cards resolved: `card` in the file is an index into CARD_ITEMS. */
export function chatScript(name = 'default') {
  const steps = chatScriptJson.scripts[name] ?? chatScriptJson.scripts.default;
  return steps.map((step) => (step.card != null ? { ...step, card: CARD_ITEMS[step.card] } : step));
}
