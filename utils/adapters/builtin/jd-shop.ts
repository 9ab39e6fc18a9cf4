import type { Adapter } from '../adapter-schema';

/**
 * JD 商家后台 (京麦 web, shop.jd.com). The host is public knowledge; paths and markup are guesses (no public
 * script that reads these pages was found), keyed to the 订单号 / 商家编码 (商品编号) / 收货地址 labels. A shop whose
 * pages differ fixes this with a custom adapter for the same host (it overrides this one).
 */
export const jdShopAdapter: Adapter = {
  format: 'xiaoer-adapter',
  formatVersion: 1,
  id: 'jd-shop',
  name: '京东商家后台',
  version: 1,
  matches: ['https://shop.jd.com/*'],
  pages: [
    {
      kind: 'orders',
      path: '^/jdm/trade/orders/(order-list|order-detail)',
      parts: {
        order: { selector: '.order-item, .order-detail-wrap' },
        orderId: { selector: '.order-no', within: 'order', pattern: '订单号[:：]?\\s*(\\d{8,})' },
        status: { selector: '.order-status', within: 'order' },
        line: { selector: '.goods-item', within: 'order' },
        lineTitle: { selector: '.goods-name', within: 'line' },
        lineSkuCode: { selector: '.goods-code', within: 'line', pattern: '商家编码[:：]\\s*(\\S+)', optional: true },
        lineQty: { selector: '.goods-num', within: 'line', pattern: '(\\d+)' },
        receiverAddress: { selector: '.consignee-info', within: 'order', pattern: '收货地址[:：]\\s*(.+)', optional: true },
        remarkText: { selector: '.vender-remark', within: 'order', optional: true },
      },
    },
    {
      kind: 'items',
      path: '^/jdm/ware/',
      parts: {
        row: { selector: 'tr.ware-row' },
        itemId: { selector: '.ware-id', within: 'row', pattern: '(\\d{6,})' },
        title: { selector: '.ware-name', within: 'row' },
        outerCode: { selector: '.ware-info', within: 'row', pattern: '商家编码[:：]\\s*(\\S+)', optional: true },
        pageStock: { selector: '.ware-stock', within: 'row', pattern: '(\\d+)' },
      },
    },
  ],
};
