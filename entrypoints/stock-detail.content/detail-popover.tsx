import { StockDetail } from '@/components/stock/StockDetail';
import detailCss from '@/components/stock/stock-detail.css?inline';
import { clock } from '@/utils/clock';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import type { StockHit } from '@/utils/stock/stock-index';
import type { BadgeShown, DetailPopover, StockDetailTool } from '@/utils/stock/stock-detail-popover';
import { createFloatingPanel } from '@/utils/ui/floating-panel';
import { placePanel } from '@/utils/ui/placement';

/**
 * The stock detail, one per page, opened under the badge that was clicked; Esc or a click elsewhere closes it.
 * The product name is not in lookups (they stay small): the detail asks for the one code's full record.
 */
export const createDetailPopover: StockDetailTool['createPopover'] = (env): DetailPopover => {
  const panel = createFloatingPanel('xiaoer-stock-detail', detailCss);
  const close = () => {
    if (!panel.host) return;
    panel.close();
    document.removeEventListener('keydown', onKey, true);
    document.removeEventListener('click', onOutside, true);
  };
  // Guarded (the browser calls them); each keeps its identity for removeEventListener.
  const onKey = env.guard((event: KeyboardEvent) => event.key === 'Escape' && close());
  const onOutside = env.guard((event: MouseEvent) => panel.host && !event.composedPath().includes(panel.host) && close());
  const show = (shown: BadgeShown, hit: StockHit | null) =>
    panel.show(<StockDetail code={shown.code} hit={hit} pageStock={shown.pageStock} now={clock.now()} onClose={close} />);

  return {
    close,
    open(badge: HTMLElement, shown: BadgeShown) {
      close();
      const { host, shadow } = show(shown, shown.hit);
      if (shown.hit) {
        sendToWorker({ type: 'stock.detail', code: shown.code })
          // Only into the detail it was asked for (not one opened on another badge meanwhile).
          .then((full) => full && panel.host === host && show(shown, full))
          .catch(env.report);
      }
      // Under the badge's button: its host is a 0×0 box that the button overflows (see stock-badge.css).
      placePanel(shadow.querySelector<HTMLElement>('.detail')!, badge.shadowRoot?.querySelector('button') ?? badge, 'below');
      document.addEventListener('keydown', onKey, true);
      // Registered after this click has finished bubbling, so it does not close what it just opened.
      env.ctx.setTimeout(env.guard(() => document.addEventListener('click', onOutside, true)), 0);
    },
  };
};
