/**
 * A deterministic, realistic-looking snippet library for tests and benchmarks (never shipped:
 * nothing in the extension imports it). Titles combine a customer-service topic with a variant.
 */
import type { SnippetDraft } from '@/utils/snippets/snippet';

export interface SyntheticSnippet extends SnippetDraft {
  id: string;
  uses: number;
  lastUsedAt?: number;
}

const TOPICS: readonly { words: string; category: string; tags: string[] }[] = [
  { words: '退款说明', category: '售后', tags: ['退款'] },
  { words: '退货流程', category: '售后', tags: ['退货'] },
  { words: '七天无理由退换', category: '售后', tags: ['退换'] },
  { words: '换货申请', category: '售后', tags: [] },
  { words: '发货时间', category: '物流/发货', tags: ['发货'] },
  { words: '重新发货', category: '物流/发货', tags: ['补发'] },
  { words: '快递查询', category: '物流/发货', tags: ['物流'] },
  { words: '延迟发货致歉', category: '物流/发货', tags: [] },
  { words: '核对地址', category: '核对地址', tags: ['地址'] },
  { words: '修改收货人', category: '核对地址', tags: [] },
  { words: '欢迎语', category: '欢迎', tags: ['开场'] },
  { words: '催付提醒', category: '催付', tags: ['付款'] },
  { words: '优惠券使用', category: '议价', tags: ['优惠'] },
  { words: '满减活动', category: '议价', tags: [] },
  { words: '尺码推荐', category: '咨询/沟通', tags: ['尺码'] },
  { words: '运费险', category: '售后', tags: ['运费'] },
  { words: '发票开具', category: '咨询/沟通', tags: ['发票'] },
  { words: '好评返现', category: '欢送/好评', tags: ['好评'] },
  { words: '感谢光临', category: '欢送/好评', tags: [] },
  { words: '银行卡支付', category: '催付', tags: ['支付'] },
  { words: '质量问题处理', category: '售后', tags: [] },
  { words: '赠品说明', category: '咨询/沟通', tags: ['赠品'] },
  { words: '库存确认', category: '咨询/沟通', tags: ['库存'] },
  { words: '预售发货', category: '物流/发货', tags: ['预售'] },
];

const VARIANTS = ['', '（通用）', '-老客', '-大促', '（夜间）', '-简短版', '-详细版', '（会员）', '-安抚', '-英文 English'];

const SENTENCES = [
  '亲，您好，感谢您的耐心等待。',
  '我们会在四十八小时内为您处理。',
  '如有任何问题请随时联系客服。',
  '请您核对一下收货地址和电话。',
  '包裹已经交给快递，请留意物流信息。',
  '本店支持七天无理由退换货。',
  '付款后我们会尽快安排发货哦。',
  '祝您购物愉快，期待您的再次光临！',
];

/** Small, fast, seedable PRNG (mulberry32), so every run builds the same library. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticSnippets(count: number, now: number, seed = 1): SyntheticSnippet[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const snippets: SyntheticSnippet[] = [];
  for (let n = 0; n < count; n++) {
    const topic = pick(TOPICS);
    const sentences = 1 + Math.floor(random() * 4);
    let body = '';
    for (let s = 0; s < sentences; s++) body += pick(SENTENCES);
    const used = random() < 0.7;
    snippets.push({
      id: `s${n}`,
      title: `${topic.words}${pick(VARIANTS)}${n % 7 === 0 ? ` ${n}` : ''}`,
      body,
      category: topic.category,
      tags: topic.tags,
      shortcut: n % 50 === 0 ? `k${n}` : undefined,
      uses: used ? Math.floor(Math.pow(random(), 3) * 500) : 0,
      lastUsedAt: used ? now - Math.floor(random() * 60 * 86_400_000) : undefined,
    });
  }
  return snippets;
}
