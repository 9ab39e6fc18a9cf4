import { t, type MessageKey } from '@/utils/i18n';

/** A part's name as the agent reads it (商品行, 订单号 …); the vocabulary's own name for parts without a label. */
export function partLabel(part: string): string {
  const key = `partLabel_${part}` as MessageKey;
  const label = t(key);
  return label === key ? part : label;
}
