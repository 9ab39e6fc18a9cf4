import type { PageKind } from '../vocabulary';
import { withDemoConsole } from './demo-build';

/** Where a built-in part comes from: the public source that reads the live page, and when it was seen there. */
export interface PartEvidence {
  /** Page kind and the parts this line is about, e.g. `orders: orderId, line`. */
  parts: string;
  source: string;
  /** When the source saw the page (year-month), or `—` when there is no evidence. */
  date: string;
  /** No public evidence: the part is a best effort, marked optional in the adapter. */
  missing?: boolean;
}

export interface AdapterNotes {
  summary: string;
  evidence: PartEvidence[];
}

// The public sources (see /work/shared/CONSOLES.md; re-checked with code search, 2026-12).
const TB_SCRIPT = 'ShenHaiSu/Script-Collection src/Tmall-MySellerEnhance (MIT)';
const FUSION = 'alibaba-fusion/next components/table';
const PDD_RAG = 'hu-qi-jia/pdd-rag-plugin src/pdd/dom-parser.ts (Apache-2.0)';
const ECAN_PDD = 'scszcoder/eCan.ai hooks/external/pdd_chat (MIT), live DOM notes';
const ECAN_FEIGE = 'scszcoder/eCan.ai hooks/external/feige_chat (MIT), live DOM notes';
const FEIGE_BOTS = 'public 飞鸽 auto-reply userscripts (data-qa-id hooks)';
const DOUDIAN_SCRAPER = 'public 抖店 product-list scraper (CONSOLES.md)';
const JD_SCRIPT = 'public content script for shop.jd.com order-list ("基于2026新版京东商家后台DOM")';
const DONGDONG = 'public 咚咚 web userscripts (CONSOLES.md)';
const PDD_GOODS_SCRAPER = 'LiuNaixuan666/ecommerce-agent-framework app/local_agent/scrapers/pdd_product_scraper.py (Playwright, logged-in goods list)';
const PDD_GOODS_XHR = 'public 商家 Chrome plugin (星柚 SCM) reading /vodka/v2/mms/query/display/mall/goodsList (out_goods_sn)';

/** Where each built-in adapter's URLs and selectors come from, part by part; the options page and README show them. */
export const BUILTIN_NOTES: Record<string, AdapterNotes> = {
  ...(withDemoConsole ? { 'demo-console': { summary: '演示后台：端到端测试覆盖。', evidence: [] } } : {}),
  'taobao-seller': {
    summary: '网页版卖家中心：出售中的宝贝、已卖出的宝贝、订单详情。千牛的聊天在千牛客户端里，浏览器扩展进不去。',
    evidence: [
      { parts: 'items: row, itemId, title, outerCode (第 2 列 ID:/编码:), pageStock (.quantity)', source: TB_SCRIPT, date: '2026-04' },
      { parts: 'orders (已卖出): order = 每单一个 <table>, orderId/createdAt in tr.next-table-group-header, line = 其后的 <tr>', source: `${TB_SCRIPT}; ${FUSION}`, date: '2026-04' },
      { parts: 'orders (已卖出): lineSkuCode (首格「商家编码：」)', source: TB_SCRIPT, date: '2026-04' },
      { parts: 'orders (已卖出): status (col 5), lineQty (col 3)', source: `${TB_SCRIPT} (a 2022 column config)`, date: '2022' },
      { parts: 'orders (已卖出): lineTitle, buyerNick', source: 'no evidence (sub-order links point to a snapshot)', date: '—', missing: true },
      { parts: 'orders (详情): order, orderId (订单编号:), receiverAddress, line (tr.order-item)', source: TB_SCRIPT, date: '2026-04' },
      { parts: 'orders (详情): status (文字「订单状态：…」)', source: 'public Playwright tool for the Tmall order detail (tmall-order-note.js), live run; where it sits is not said: optional', date: '2026-09' },
      { parts: 'orders (详情): lineSkuCode', source: 'no evidence', date: '—', missing: true },
    ],
  },
  'pinduoduo-mms': {
    summary: '聊天（Vue，textarea 由 v-model 绑定）、订单（beast-core 表格）、商品列表（按「商品编码」显示仓库库存）。页面忽略脚本点击：店小二填入回复，由客服按发送。',
    evidence: [
      { parts: 'chat: conversation (.chat-item-box[data-random]), activeConversation (.active), conversationBuyer (.nickname-span), conversationTime, conversationWaiting', source: `${PDD_RAG}; ${ECAN_PDD}`, date: '2026-09' },
      { parts: 'chat: currentBuyer (.chatWindowHeader .base-info .name), messageList, message, buyerMessage, agentMessage, messageText', source: `${PDD_RAG}; ${ECAN_PDD}`, date: '2026-10' },
      { parts: 'chat: replyInput (#replyTextarea), sendButton (.reply-box .send-btn)', source: ECAN_PDD, date: '2026-10' },
      { parts: 'orders: order (tr[data-testid="beast-core-table-body-tr"]), orderId (前面的表头行，\\d{6}-\\d{15,})', source: 'CONSOLES.md (PDD order scrapers)', date: '2026' },
      { parts: 'orders: status, lineTitle, lineQty, receiverAddress (按表头文字取列)', source: 'no evidence for the cells: read by header text', date: '—', missing: true },
      { parts: 'items: row (tbody 中有单元格的行), itemId (「商品信息」列 ID: n), title (该列首行), outerCode (该列「商品编码: …」)', source: `${PDD_GOODS_SCRAPER}; ${PDD_GOODS_XHR}`, date: '2026-07' },
      { parts: 'items: pageStock (表头「总库存」列；「销量」是另一列)', source: PDD_GOODS_SCRAPER, date: '2026-07' },
      { parts: 'orders: lineSkuCode (订单行里的商家编码)', source: 'no evidence: no public tool reads a merchant code from the order list (searched 2026-12, see docs/consoles-evidence.md)', date: '—', missing: true },
    ],
  },
  'douyin-shop': {
    summary: '飞鸽接待台（React，发送按钮只认真实点击）与抖店商品列表；抖店订单列表的行结构没有公开证据，未收录。',
    evidence: [
      { parts: 'chat: conversation, conversationBuyer ([class*="NameContent"]), conversationUnread', source: ECAN_FEIGE, date: '2026-06' },
      { parts: 'chat: message ([data-qa-id="qa-message-warpper"]), buyerMessage (.messageNotMe), agentMessage (.messageIsMe), messageText (pre)', source: ECAN_FEIGE, date: '2026-06' },
      { parts: 'chat: currentBuyer (#topbar-left-info 第一个 span)', source: ECAN_FEIGE, date: '2026-06' },
      { parts: 'chat: replyInput, sendButton (data-qa-id)', source: `${ECAN_FEIGE}; ${FEIGE_BOTS}`, date: '2026-06' },
      { parts: 'chat: activeConversation', source: 'no evidence', date: '—', missing: true },
      { parts: 'items: row (tr.ecom-g-table-row[data-row-key]), itemId (ID：n), pageStock (列「库存」，第 4 列是销量)', source: DOUDIAN_SCRAPER, date: '2026' },
      { parts: 'items: title, outerCode', source: 'no evidence', date: '—', missing: true },
    ],
  },
  'jd-shop': {
    summary: '京东商家后台订单列表（已付款显示「等待出库」，收货人打码）。商品列表的行结构没有公开证据，未收录。',
    evidence: [
      { parts: 'orders: order (.card), orderId, createdAt, line (.sku-info-list__item), lineTitle (.sku-name), lineSkuCode (货号), lineQty (x1)', source: JD_SCRIPT, date: '2026-08' },
      { parts: 'orders: receiverAddress (.cons-address-text, 打码), receiverPhone, status (等待出库…), remarkText, buyerNick (.user-pin)', source: JD_SCRIPT, date: '2026-08' },
    ],
  },
  'jd-dongdong': {
    summary: '咚咚网页版接待台（输入框是 contenteditable）。',
    evidence: [
      { parts: 'chat: conversation, conversationBuyer, currentBuyer (.chat-head-name > span), message, buyerMessage (.message_left), agentMessage (.message_right), messageText', source: DONGDONG, date: '2026' },
      { parts: 'chat: replyInput (.EditorContent[contenteditable]), sendButton (.SendButtonGroup > .send-button)', source: DONGDONG, date: '2026' },
      { parts: 'chat: activeConversation, messageTime', source: 'no evidence', date: '—', missing: true },
    ],
  },
};

/** Something Xiaoer cannot do on a console, said plainly where the agent looks (the popup on its pages). */
export interface ConsoleLimit {
  message: 'popupQianniuChat' | 'popupPddOrdersNoCode';
  /** Only on pages of these kinds; absent: on every page of the console. */
  kinds?: PageKind[];
}

const LIMITS: Record<string, ConsoleLimit[]> = {
  'taobao-seller': [{ message: 'popupQianniuChat' }],
  // No public source shows a merchant code on PDD's order rows (docs/consoles-evidence.md).
  'pinduoduo-mms': [{ message: 'popupPddOrdersNoCode', kinds: ['orders'] }],
};

/** The limits to say on a page of the built-in adapter `adapterId` showing `pageKinds`. */
export function consoleLimits(adapterId: string, pageKinds: readonly PageKind[]): ConsoleLimit['message'][] {
  return (LIMITS[adapterId] ?? []).filter((limit) => !limit.kinds || limit.kinds.some((kind) => pageKinds.includes(kind))).map((limit) => limit.message);
}
