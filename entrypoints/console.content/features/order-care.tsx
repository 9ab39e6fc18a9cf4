import { render } from 'preact';
import { OrderStrip, type OrderStripProps } from '@/components/orders/OrderStrip';
import { RemarkComposer } from '@/components/orders/RemarkComposer';
import orderCss from '@/components/orders/order-care.css?inline';
import type { AddressCheck } from '@/utils/address/address-check';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import type { OrderCareRecord } from '@/utils/orders/order-records';
import { orderStage, isCashOnDelivery } from '@/utils/orders/order-status';
import { isStandardRemark } from '@/utils/orders/remark-audit';
import { parseConsoleTime, timeLeft, unpaidDeadline } from '@/utils/orders/unpaid-deadline';
import type { Feature } from '@/utils/runtime/feature';
import { createFloatingPanel } from '@/utils/ui/floating-panel';
import { placePanel } from '@/utils/ui/placement';
import { createShadowHost } from '@/utils/ui/shadow-host';
import { clock } from '@/utils/clock';
import { REMARK_MAX_LENGTH } from '@/utils/orders/remark-format';
import { orderValueProblem } from '@/utils/orders/order-limits';
import { t } from '@/utils/i18n';
import { knowsRemarkEditor, writeRemark, type OrderPageParts } from './order-care/remark-writer';
import { settleLeftRemarks } from './order-care/pending-remarks';

const STRIP_TAG = 'xiaoer-order';
/** Countdowns change with time alone. */
const REFRESH_MS = 30_000;

/** An order as its row (or the chat's order card) shows it. */
interface OrderView {
  container: Element;
  orderId: string;
  receiver: { name?: string; phone?: string; address?: string };
}

/**
 * Order care on the order list and the chat's order card: address verification for paid orders, unpaid countdown
 * and COD notice with their snippets, and remarks in the standard form written only into the right order.
 */
export const orderCare: Feature = {
  id: 'order-care',
  toggle: 'address',
  needs: { orders: ['order'], chat: ['orderCard'] },
  async start(env) {
    const parts = env.parts as OrderPageParts;
    const containerPart = parts.kind === 'orders' ? 'order' : 'orderCard';
    /** Address checks by receiver: asked of the worker once per receiver, not per repaint. */
    const checks = new Map<string, Promise<AddressCheck>>();
    /** What the worker keeps of the orders on screen (verified address fingerprints). */
    let states: Record<string, OrderCareRecord> = {};
    const composer = createFloatingPanel('xiaoer-remark-composer', orderCss);

    /** Odd values already logged (once each): the order that has one is skipped, or checked without its address. */
    const logged = new Set<string>();
    const warnOnce = (key: string, message: string) => {
      if (logged.has(key)) return;
      logged.add(key);
      env.report(message, 'warn');
    };

    const readOrder = (container: Element): OrderView | null => {
      const orderId = parts.value('orderId', container);
      if (!orderId) return null;
      const receiver = {
        name: parts.value('receiverName', container) ?? undefined,
        phone: parts.value('receiverPhone', container) ?? undefined,
        address: parts.value('receiverAddress', container) ?? undefined,
      };
      // The worker refuses an odd value for the whole request: it is dropped here, for this order alone.
      const problem = orderValueProblem(orderId, receiver);
      if (problem?.field === 'orderId') {
        warnOnce(`id:${orderId}`, t('oddOrderId', orderId.slice(0, 24)));
        return null;
      }
      if (problem) {
        warnOnce(`${problem.field}:${orderId}`, t(`oddReceiver_${problem.field}`, [orderId, String(problem.max)]));
        return { container, orderId, receiver: {} };
      }
      return { container, orderId, receiver };
    };

    const checkOf = (receiver: OrderView['receiver']) => {
      const key = JSON.stringify(receiver);
      let check = checks.get(key);
      if (!check) {
        check = sendToWorker({ type: 'address.check', name: receiver.name, phone: receiver.phone, address: receiver.address! });
        check.catch(() => checks.delete(key));
        checks.set(key, check);
      }
      return check;
    };

    /** A strip on every order shown; the popup hears how many paid ones are not verified yet. */
    const refresh = async () => {
      const views = parts.all(containerPart).map(readOrder).filter((v): v is OrderView => !!v);
      if (!views.length) return;
      states = await sendToWorker({ type: 'orders.state', ids: [...new Set(views.map((v) => v.orderId))] });
      let unverified = 0;
      for (const view of views) {
        let props: OrderStripProps;
        try {
          props = await stripProps(view);
        } catch (error) {
          // One order that cannot be checked costs that order's strip alone.
          env.report(error);
          continue;
        }
        if (env.signal.aborted) return;
        if (props.address && props.address.state !== 'verified') unverified++;
        paintStrip(view.container, props);
      }
      env.publish('unverifiedPaidOrders', unverified);
    };

    /** What an order's strip says, and what its buttons do. */
    const stripProps = async (view: OrderView): Promise<OrderStripProps> => {
      const { container, orderId, receiver } = view;
      const stage = orderStage(parts.value('status', container) ?? '');
      const settings = env.settings();
      let address: OrderStripProps['address'] = null;
      if (stage === 'paid' && receiver.address) {
        const check = await checkOf(receiver);
        const record = states[orderId];
        const state = !record?.fingerprint ? 'unverified' : record.fingerprint === check.fingerprint ? 'verified' : 'changed';
        address = { check, name: receiver.name, phone: receiver.phone, state };
      }
      const created = parseConsoleTime(parts.value('createdAt', container) ?? '');
      const unpaid = stage === 'unpaid' && created ? timeLeft(unpaidDeadline(created, settings.orders.unpaidCloseHours), clock.date()) : null;
      const remark = parts.value('remarkText', container) ?? '';
      const canInsert = parts.kind === 'chat' && !!parts.first('replyInput');
      // The snippet palette inserts the shop's snippet for these (see its 'palette-snippet').
      const askPalette = (category: string, match?: string) => env.emit('palette-snippet', { category, match });
      return {
        orderId,
        address,
        unpaid,
        cod: stage === 'paid' && isCashOnDelivery(parts.value('payType', container) ?? ''),
        nonstandardRemark: !!remark && !isStandardRemark(remark, settings.orders.remarkTemplate),
        canInsert,
        canCompose: settings.features.remarks,
        onInsertVerify: () => askPalette('核对地址', '核对'),
        onVerify: () => {
          if (!address) return;
          sendToWorker({ type: 'orders.verify', id: orderId, fingerprint: address.check.fingerprint }).then(refresh, env.report);
        },
        onInsertPayReminder: () => askPalette('催付'),
        onInsertCod: () => askPalette('核对地址', '货到付款'),
        onCompose: () => openComposer(view),
      };
    };

    const paintStrip = (container: Element, props: OrderStripProps) => {
      let host = container.querySelector<HTMLElement>(`:scope > ${STRIP_TAG}`);
      if (!host) {
        const created = createShadowHost(STRIP_TAG, orderCss);
        host = created.host;
        container.append(host);
      }
      render(<OrderStrip {...props} />, host.shadowRoot!.lastElementChild!);
    };

    const isCurrent = () => !env.signal.aborted && env.ctx.isValid;

    /** The longest remark this console keeps: the composer refuses past it, and so does the writer. */
    const remarkMaxLength = env.match.adapter.remarkMaxLength ?? REMARK_MAX_LENGTH;

    /** The remark composer, over the order it was opened on. */
    const openComposer = (view: OrderView) => {
      composer.close();
      const settings = env.settings();
      const { container } = composer.show(
        <RemarkComposer
          orderId={view.orderId}
          reasons={settings.orders.reasons}
          template={settings.orders.remarkTemplate}
          agentId={settings.agentId}
          existing={parts.value('remarkText', view.container) ?? ''}
          maxLength={remarkMaxLength}
          copiesInstead={!knowsRemarkEditor(parts)}
          join={settings.orders.remarkJoin}
          onWrite={(remark) => writeRemark(parts, view, remark, { ...env.settings().orders, maxLength: remarkMaxLength, isCurrent })}
          onClose={composer.close}
        />,
      );
      placePanel(container.firstElementChild as HTMLElement, view.container, 'over-right');
    };

    // One refresh per burst of page changes.
    let pending = false;
    const schedule = () => {
      if (pending) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        refresh().catch(env.report);
      });
    };
    schedule();
    env.onDomChange(schedule);
    const timer = env.ctx.setInterval(schedule, REFRESH_MS);
    // Order care counts as started once what an earlier script of this tab left half-done is settled.
    await settleLeftRemarks(parts, containerPart).catch(env.report);
    return () => {
      clearInterval(timer);
      composer.close();
      document.querySelectorAll(STRIP_TAG).forEach((host) => host.remove());
    };
  },
};
