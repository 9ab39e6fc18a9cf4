// Order stage and pay type from the texts order consoles show.
//
// Texts are compared after NFKC (full-width letters), lower-casing and removing
// whitespace, so `交易 关闭` and `wait_buyer_pay` work. The Taobao/Tmall API
// status codes (WAIT_BUYER_PAY, …) are understood too.

export type OrderStage = 'unpaid' | 'paid' | 'shipped' | 'finished' | 'closed' | 'unknown';

const norm = (s: string) => String(s ?? '').normalize('NFKC').replace(/\s+/g, '').toLowerCase();

const CODES: Record<string, OrderStage> = {
  wait_buyer_pay: 'unpaid',
  trade_no_create_pay: 'unpaid',
  pay_pending: 'unpaid',
  wait_pre_auth_confirm: 'unpaid',
  wait_seller_send_goods: 'paid',
  paid_forbid_consign: 'paid',
  seller_consigned_part: 'shipped',
  wait_buyer_confirm_goods: 'shipped',
  trade_buyer_signed: 'shipped',
  trade_finished: 'finished',
  trade_closed: 'closed',
  trade_closed_by_taobao: 'closed',
};

// Checked in this order, first hit wins: a closed or finished order may still
// mention payment (`付款后交易关闭`), a shipped one may mention that it was paid.
const TEXTS: [OrderStage, string[]][] = [
  ['closed', ['交易关闭', '已关闭', '交易取消', '已取消', '订单关闭']],
  ['finished', ['交易成功', '已完成', '交易完成', '已确认收货', '确认收货']],
  ['shipped', ['卖家已发货', '已发货', '等待买家确认收货', '待收货', '部分发货', '已签收']],
  // JD shows a paid order as 等待出库 (2026 order list, shop.jd.com).
  ['paid', ['买家已付款', '等待卖家发货', '待发货', '已付款', '已支付', '等待出库', '待出库']],
  ['unpaid', ['等待买家付款', '待付款', '未付款', '待支付', '未支付']],
];

/**
 * The stage of an order from its console status text:
 * 等待买家付款/待付款 → unpaid; 买家已付款/等待卖家发货/待发货/已付款 → paid;
 * 卖家已发货/已发货/等待买家确认收货 → shipped; 交易成功/已完成 → finished;
 * 交易关闭/已关闭 → closed; anything else → unknown.
 * Also: 部分发货 → shipped (something left the warehouse), 交易取消/已取消 → closed.
 */
export function orderStage(statusText: string): OrderStage {
  const s = norm(statusText);
  if (!s) return 'unknown';
  const code = CODES[s];
  if (code) return code;
  // `等待买家确认收货` must not be read as finished through `确认收货`.
  if (s.includes('等待买家确认收货') || s.includes('待确认收货')) return 'shipped';
  for (const [stage, words] of TEXTS) if (words.some((w) => s.includes(w))) return stage;
  return 'unknown';
}

/**
 * True for cash on delivery: 货到付款, 到付, COD / cash on delivery. `运费到付` /
 * `邮费到付` (the receiver pays the freight) is not cash on delivery.
 */
export function isCashOnDelivery(payTypeText: string): boolean {
  const s = norm(payTypeText);
  if (!s) return false;
  if (s.includes('货到付款') || s.includes('cashondelivery')) return true;
  // COD as a word (not inside `code`, `Codex`): look at the text with its spaces.
  const spaced = String(payTypeText).normalize('NFKC').toLowerCase();
  if (/(^|[^a-z])cod([^a-z]|$)/.test(spaced)) return true;
  const freight = s.replace(/(运费|邮费|快递费)到付/g, '');
  return freight.includes('到付');
}
