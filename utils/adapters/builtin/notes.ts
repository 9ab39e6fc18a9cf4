import { withDemoConsole } from './demo-build';

/** Where each built-in adapter's URLs and selectors come from, shown in the options page (README has the detail). */
export const BUILTIN_NOTES: Record<string, string> = {
  ...(withDemoConsole ? { 'demo-console': '演示后台：端到端测试覆盖。' } : {}),
  'taobao-seller': '网址来自公开脚本；已卖出宝贝页的 Fusion 表格结构见于公开脚本；单元格、订单详情与接待台的选择器为推测。',
  'jd-shop': '域名公开；页面路径与选择器均为推测，可用自定义适配器覆盖。',
  'pinduoduo-mms': '聊天页的消息列表、买家/客服消息与输入框选择器见于公开扩展；订单与商品页为推测。',
  'douyin-shop': '飞鸽接待台的消息与输入框选择器见于公开项目的测试页；商品列表网址公开；表格、订单页为推测。',
};
