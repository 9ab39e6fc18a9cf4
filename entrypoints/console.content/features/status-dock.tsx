import { render } from 'preact';
import { StatusDock } from '@/components/dock/StatusDock';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import type { Feature } from '@/utils/runtime/feature';
import dockCss from '@/components/dock/dock.css?inline';
import { clock } from '@/utils/clock';
import { entriesHealth } from '@/utils/runtime/tab-messages';

/** How often the dock recounts the page's parts while the page keeps changing. */
const RECOUNT_MS = 500;

/** The corner mark: shows Xiaoer is on and how well the adapter fits the page. */
export const statusDock: Feature = {
  id: 'status-dock',
  // Not on generic pages: nothing an adapter describes is there, so nothing to report.
  needs: { items: [], orders: [], chat: [] },
  // One dock for the whole page, reporting every page entry the URL shows.
  wholePage: true,
  async start({ ctx, match, pages, signal, onDomChange, report, emit }) {
    const ui = await createShadowRootUi(ctx, {
      name: 'xiaoer-dock',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: dockCss,
      onMount(container) {
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    if (signal.aborted) return;
    ui.mount();
    let last = 0;
    const paint = () => {
      last = clock.now();
      render(
        <StatusDock
          adapterName={match.adapter.name}
          pageKinds={pages.map((p) => p.kind)}
          parts={entriesHealth(pages)}
          onOpenLog={() => sendToWorker({ type: 'options.open', section: 'log' }).catch(report)}
          onTeach={(part) => emit('teach-start', part ? [{ kind: part.kind ?? match.page.kind, part: part.name }] : undefined)}
        />,
        ui.uiContainer,
      );
    };
    paint();
    // At most one recount per RECOUNT_MS, and always one after the last change (rows that arrive just after the
    // first count must not wait for the next timer).
    let recountPending = false;
    onDomChange(() => {
      if (recountPending) return;
      recountPending = true;
      ctx.setTimeout(() => {
        recountPending = false;
        paint();
      }, Math.max(0, RECOUNT_MS - (clock.now() - last)));
    });
    const timer = ctx.setInterval(paint, 2000);
    return () => {
      clearInterval(timer);
      ui.remove();
    };
  },
};
