import { render } from 'preact';
import { StatusDock, type DragBox } from '@/components/dock/StatusDock';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import type { Feature } from '@/utils/runtime/feature';
import dockCss from '@/components/dock/dock.css?inline';
import { clock } from '@/utils/clock';
import { entriesHealth } from '@/utils/runtime/tab-messages';
import { loadDockPlace, saveDockPlace, type DockPlace } from '@/utils/settings/dock-place';
import { boxAt, bringsControl, choosePlace, placeOfBox } from './status-dock/dock-placement';
import { createShadowHost } from '@/utils/ui/shadow-host';
import { timeoutUnless } from '@/utils/runtime/timeout-unless';

/** How often the dock recounts the page's parts while the page keeps adding or removing elements. */
const RECOUNT_MS = 500;
/**
 * And this often whatever happens: the counts change with the page's elements (which the dock follows), this is for
 * what no observer reports (e.g. a style sheet that hides a part).
 */
const REPAINT_MS = 10_000;
/**
 * At most one look at what is under the dock per this long while the page scrolls or resizes, and per
 * RECHECK_CHANGES_MS while its content changes (a page re-rendering every second would otherwise pay for a hit test
 * and the layout it forces four times a second).
 */
const RECHECK_MS = 250;
const RECHECK_CHANGES_MS = 1000;

/**
 * The corner mark: shows Xiaoer is on and how well the adapter fits the page. It keeps off the page's own controls
 * (moves away from a button, link or box under it), can be collapsed and moved, and remembers both per host.
 */
export const statusDock: Feature = {
  id: 'status-dock',
  // Not on generic pages: nothing an adapter describes is there, so nothing to report.
  needs: { items: [], orders: [], chat: [] },
  // Texts rewritten in place bring no control under the dock, nor change its counts.
  texts: 'watched',
  // One dock for the whole page, reporting every page entry the URL shows.
  wholePage: true,
  async start({ ctx, match, pages, signal, onDomChange, report, guard, emit }) {
    const host = location.host;
    /** Where the agent put it; `shown`: where it is, out of the way of the page's controls. */
    let wanted: DockPlace = await loadDockPlace(host);
    let shown = wanted;
    if (signal.aborted) return;
    // Our own shadow host, as every other panel of ours (WXT's shadow-root UI brought ≈ 9 KiB into console.js).
    const ui = createShadowHost('xiaoer-dock', dockCss);
    document.body.append(ui.host);

    /** The agent's new place: kept for this host, shown at once, then moved off any control under it. */
    const remember = (place: DockPlace) => {
      wanted = place;
      shown = place;
      saveDockPlace(host, place, clock.now()).catch(report);
      paint();
      keepClear();
    };
    const onDrop = (box: DragBox) => remember(placeOfBox(box, wanted.collapsed));
    const onNudge = (dx: number, dy: number) => {
      const box = boxAt(shown, markSize());
      remember(placeOfBox({ ...box, left: box.left + dx, top: box.top + dy }, wanted.collapsed));
    };
    const onCollapse = (collapsed: boolean) => remember({ ...wanted, collapsed });

    let last = 0;
    /** What the dock was last drawn with: a recount that finds the same parts and place draws nothing. */
    let drawn = '';
    function paint(): void {
      last = clock.now();
      const parts = entriesHealth(pages);
      const drawing = JSON.stringify([parts, shown]);
      if (drawing === drawn) return;
      drawn = drawing;
      render(
        <StatusDock
          adapterName={match.adapter.name}
          pageKinds={pages.map((p) => p.kind)}
          parts={parts}
          place={shown}
          onOpenLog={() => sendToWorker({ type: 'options.open', section: 'log' }).catch(report)}
          onCollapse={onCollapse}
          onDrop={onDrop}
          onNudge={onNudge}
          onTeach={(part) => emit('teach-start', part ? [{ kind: part.kind ?? match.page.kind, part: part.name }] : undefined)}
        />,
        ui.container,
      );
    }

    /** The mark's size (the pill, or the handle when collapsed): what must not cover the page's controls. */
    const markSize = () => {
      const box = ui.shadow.querySelector('.mark')?.getBoundingClientRect();
      return { width: box?.width ?? 0, height: box?.height ?? 0 };
    };
    /** Moves the dock out of the way of what is under it (or back to the agent's place once that is free). */
    function keepClear(): void {
      const size = markSize();
      if (!size.width || ui.shadow.querySelector(".dock[data-dragging='true']")) return;
      const place = choosePlace(wanted, size, ui.host);
      if (JSON.stringify(place) === JSON.stringify(shown)) return;
      shown = place;
      paint();
    }
    let recheckDue = false;
    const recheckAfter = (ms: number) => {
      if (recheckDue) return;
      recheckDue = true;
      timeoutUnless(signal, () => {
        recheckDue = false;
        keepClear();
      }, ms);
    };
    const recheck = guard(() => recheckAfter(RECHECK_MS));

    paint();
    keepClear();
    // At most one recount per RECOUNT_MS, and always one after the last change (rows that arrive just after the
    // first count must not wait for the next timer).
    let recountPending = false;
    onDomChange((added, changed, reshaped) => {
      // Moved away, the dock looks again at every change, to go back once the control is gone. At its place, when the
      // page changed classes (a batch of attribute changes only has neither list) or added a control (or something
      // holding or inside one): that is how a control comes under it. A table rewriting its cells' text in place, or
      // moving rows without controls, brings none, and a hit test a second there cost about a tenth of such a page's
      // own CPU time. The cheap tests first: the added elements are searched only when those leave it open.
      if (shown !== wanted || changed.length === 0 || added.some(bringsControl)) recheckAfter(RECHECK_CHANGES_MS);
      // The counts are of elements: a page that only rewrote texts (a table re-rendered every second) changed none.
      if (recountPending || !reshaped) return;
      recountPending = true;
      timeoutUnless(signal, () => {
        recountPending = false;
        paint();
      }, Math.max(0, RECOUNT_MS - (clock.now() - last)));
    });
    window.addEventListener('resize', recheck, { passive: true, signal });
    window.addEventListener('scroll', recheck, { passive: true, capture: true, signal });
    const timer = ctx.setInterval(paint, REPAINT_MS);
    return () => {
      clearInterval(timer);
      render(null, ui.container);
      ui.host.remove();
    };
  },
};
