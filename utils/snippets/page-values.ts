import type { PageParts } from '../adapters/page-parts';
import type { Settings } from '../settings/settings';
import type { VariableValues } from './template';

/**
 * Snippet variables from what the agent has open: settings (shop, agent, courier) and what the adapter reads on
 * the chat page (current buyer, the order card, the last product card). Real stock is added by the caller, which
 * asks the worker.
 */
export function readPageValues(pageParts: PageParts, settings: Settings): VariableValues & { productCode?: string } {
  const parts = pageParts as PageParts<'chat'>;
  const orderCard = parts.first('orderCard') ?? undefined;
  const cards = parts.all('productCard');
  const lastCard = cards[cards.length - 1];
  const firstLine = orderCard ? parts.first('line', orderCard) ?? undefined : undefined;
  const values: VariableValues & { productCode?: string } = {
    shop: settings.shopName,
    agent: settings.agentName,
    agentId: settings.agentId,
    courier: settings.snippets.defaultCourier,
    buyer: parts.value('currentBuyer') ?? undefined,
    orderId: orderCard ? parts.value('orderId', orderCard) ?? undefined : undefined,
    receiver: orderCard ? parts.value('receiverName', orderCard) ?? undefined : undefined,
    address: orderCard ? parts.value('receiverAddress', orderCard) ?? undefined : undefined,
    product: (lastCard && parts.value('productTitle', lastCard)) || (firstLine && parts.value('lineTitle', firstLine)) || undefined,
    productCode: (lastCard && parts.value('productCode', lastCard)) || (firstLine && parts.value('lineSkuCode', firstLine)) || undefined,
  };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v)) as typeof values;
}
