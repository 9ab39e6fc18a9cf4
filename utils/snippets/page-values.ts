import type { PageParts } from '../adapters/page-parts';
import type { Settings } from '../settings/settings';
import type { VariableValues } from './template';

/**
 * Snippet variables from what the agent has open: settings (shop, agent, courier) and what the adapter reads on
 * the chat page (current buyer, the order card, the last product card). Real stock is added by the caller, which
 * asks the worker.
 */
export function readPageValues(parts: PageParts, settings: Settings): VariableValues & { productCode?: string } {
  const p = parts as PageParts<'chat'>;
  const orderCard = p.first('orderCard') ?? undefined;
  const cards = p.all('productCard');
  const lastCard = cards[cards.length - 1];
  const firstLine = orderCard ? p.first('line', orderCard) ?? undefined : undefined;
  const values: VariableValues & { productCode?: string } = {
    shop: settings.shopName,
    agent: settings.agentName,
    agentId: settings.agentId,
    courier: settings.snippets.defaultCourier,
    buyer: p.value('currentBuyer') ?? undefined,
    orderId: orderCard ? p.value('orderId', orderCard) ?? undefined : undefined,
    receiver: orderCard ? p.value('receiverName', orderCard) ?? undefined : undefined,
    address: orderCard ? p.value('receiverAddress', orderCard) ?? undefined : undefined,
    product: (lastCard && p.value('productTitle', lastCard)) || (firstLine && p.value('lineTitle', firstLine)) || undefined,
    productCode: (lastCard && p.value('productCode', lastCard)) || (firstLine && p.value('lineSkuCode', firstLine)) || undefined,
  };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v)) as typeof values;
}
