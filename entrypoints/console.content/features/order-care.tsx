import { render } from 'preact';
import { OrderStrip, type OrderStripProps } from '@/components/orders/OrderStrip';
import { RemarkComposer } from '@/components/orders/RemarkComposer';
import orderCss from '@/components/orders/order-care.css?inline';
import type { PageParts } from '@/utils/adapters/page-parts';
import type { AddressCheck } from '@/utils/address/address-check';
import { t } from '@/utils/i18n';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import type { OrderCareRecord } from '@/utils/orders/order-records';
import { orderStage, isCashOnDelivery } from '@/utils/orders/order-status';
import { isStandardRemark } from '@/utils/orders/remark-audit';
import { parseConsoleTime, timeLeft, unpaidDeadline } from '@/utils/orders/unpaid-deadline';
import type { Feature, FeatureEnv } from '@/utils/runtime/feature';
import { insertIntoReplyBox } from '@/utils/snippets/insert-text';
import { createShadowHost } from '@/utils/ui/shadow-host';
import { clock } from '@/utils/clock';

const STRIP_TAG = 'xiaoer-order';
/** Countdowns change with time alone. */
const REFRESH_MS = 30_000;
/** How long to wait for the page's remark editor to open after pressing its button. */
const EDITOR_WAIT_MS = 3000;

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
  start(env) {
    const p = env.parts as PageParts<any>;
    const containerPart = p.kind === 'orders' ? 'order' : 'orderCard';
    const checks = new Map<string, Promise<AddressCheck>>();
    let states: Record<string, OrderCareRecord> = {};
    let composer: { host: HTMLElement; container: HTMLDivElement } | null = null;

    const read = (container: Element): OrderView | null => {
      const orderId = p.value('orderId', container);
      if (!orderId) return null;
      return {
        container,
        orderId,
        receiver: {
          name: p.value('receiverName', container) ?? undefined,
          phone: p.value('receiverPhone', container) ?? undefined,
          address: p.value('receiverAddress', container) ?? undefined,
        },
      };
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

    const refresh = async () => {
      const views = p.all(containerPart).map(read).filter((v): v is OrderView => !!v);
      if (!views.length) return;
      states = await sendToWorker({ type: 'orders.state', ids: [...new Set(views.map((v) => v.orderId))] });
      let unverified = 0;
      for (const view of views) {
        const props = await stripProps(view);
        if (env.signal.aborted) return;
        if (props.address && props.address.state !== 'verified') unverified++;
        paintStrip(view.container, props);
      }
      env.publish('unverifiedPaidOrders', unverified);
    };

    const stripProps = async (view: OrderView): Promise<OrderStripProps> => {
      const { container, orderId, receiver } = view;
      const stage = orderStage(p.value('status', container) ?? '');
      const settings = env.settings();
      let address: OrderStripProps['address'] = null;
      if (stage === 'paid' && receiver.address) {
        const check = await checkOf(receiver);
        const record = states[orderId];
        const state = !record?.fingerprint ? 'unverified' : record.fingerprint === check.fingerprint ? 'verified' : 'changed';
        address = { check, name: receiver.name, phone: receiver.phone, state };
      }
      const created = parseConsoleTime(p.value('createdAt', container) ?? '');
      const unpaid = stage === 'unpaid' && created ? timeLeft(unpaidDeadline(created, settings.orders.unpaidCloseHours), clock.date()) : null;
      const remark = p.value('remarkText', container) ?? '';
      const canInsert = p.kind === 'chat' && !!p.first('replyInput');
      const askPalette = (category: string, match?: string) => env.emit('palette-snippet', { category, match });
      return {
        orderId,
        address,
        unpaid,
        cod: stage === 'paid' && isCashOnDelivery(p.value('payType', container) ?? ''),
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

    const closeComposer = () => {
      if (!composer) return;
      render(null, composer.container);
      composer.host.remove();
      composer = null;
    };

    const openComposer = (view: OrderView) => {
      closeComposer();
      const settings = env.settings();
      composer = createShadowHost('xiaoer-remark-composer', orderCss);
      document.body.append(composer.host);
      render(
        <RemarkComposer
          orderId={view.orderId}
          reasons={settings.orders.reasons}
          template={settings.orders.remarkTemplate}
          agentId={settings.agentId}
          existing={p.value('remarkText', view.container) ?? ''}
          onWrite={(remark) => writeRemark(env, p, view, remark)}
          onClose={closeComposer}
        />,
        composer.container,
      );
      const panel = composer.container.firstElementChild as HTMLElement;
      const rect = view.container.getBoundingClientRect();
      panel.style.top = `${Math.max(8, Math.min(rect.top, innerHeight - panel.offsetHeight - 8))}px`;
      panel.style.left = `${Math.max(8, Math.min(rect.right - panel.offsetWidth - 8, innerWidth - panel.offsetWidth - 8))}px`;
    };

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
    return () => {
      clearInterval(timer);
      closeComposer();
      document.querySelectorAll(STRIP_TAG).forEach((host) => host.remove());
    };
  },
};

/**
 * Writes a composed remark into the page's remark editor — only if that editor belongs to the order the composer
 * was opened on. A remark on the wrong order ships two orders wrong, so any doubt refuses.
 */
async function writeRemark(
  env: FeatureEnv,
  p: PageParts<any>,
  view: OrderView,
  remark: { flag: number; reason: string; text: string },
): Promise<{ ok: boolean; message: string }> {
  const bound = view.orderId;
  // The row may have been re-rendered with another order since the composer opened.
  const now = view.container.isConnected ? p.value('orderId', view.container) : null;
  if (now !== bound) return { ok: false, message: t('orderRemarkOrderChanged', [bound, now ?? '—']) };

  let dialog = p.first('remarkDialog');
  if (!dialog) {
    (p.first('remarkEdit', view.container) as HTMLElement | null)?.click();
    dialog = await waitFor(() => p.first('remarkDialog'), EDITOR_WAIT_MS);
    if (!dialog) return { ok: false, message: t('orderRemarkNoEditor') };
  }
  const editorOrder = p.value('remarkDialogOrderId', dialog);
  if (editorOrder !== bound) return { ok: false, message: t('orderRemarkWrongOrder', [editorOrder ?? '—', bound]) };

  const input = p.first('remarkInput', dialog) as HTMLTextAreaElement | null;
  if (!input) return { ok: false, message: t('orderRemarkNoEditor') };
  const flagOption = p.all('remarkFlagOption', dialog).find((el) => p.valueOf('remarkFlagOption', el) === String(remark.flag));
  (flagOption as HTMLElement | undefined)?.click();
  // Replace the editor's text with the existing remark plus the new line, as typing would (the page registers it).
  insertIntoReplyBox(input, remark.text, { start: 0, end: input.value.length });
  if (input.value !== remark.text) return { ok: false, message: t('orderRemarkNotTaken') };

  await sendToWorker({ type: 'remarks.add', orderId: bound, text: remark.text, flag: remark.flag, reason: remark.reason });
  const save = p.first('remarkSave', dialog) as HTMLElement | null;
  if (env.settings().orders.saveWithoutAsking && save) {
    save.click();
    return { ok: true, message: t('orderRemarkSaved', bound) };
  }
  return { ok: true, message: t('orderRemarkFilled', bound) };
}

function waitFor<T>(find: () => T | null, timeout: number): Promise<T | null> {
  return new Promise((resolve) => {
    const started = clock.now();
    const tick = () => {
      const found = find();
      if (found || clock.now() - started > timeout) resolve(found);
      else setTimeout(tick, 50);
    };
    tick();
  });
}
