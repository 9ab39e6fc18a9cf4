import { BADGE_TAG, createStockBadge, paintPendingBadge, paintStockBadge } from '@/components/stock/stock-badge';
import type { Feature } from '@/utils/runtime/feature';
import { badgeState } from '@/utils/stock/badge-state';
import { findStockTargets, isStockPlace, placesAround, placesIn, readPlace, stockPlaces, type StockTarget } from '@/utils/stock/stock-targets';
import { oneAtATime } from '@/utils/runtime/one-at-a-time';
import { yieldToPage } from '@/utils/runtime/yield-to-page';
import { timeoutUnless } from '@/utils/runtime/timeout-unless';
import { clock } from '@/utils/clock';
import { t } from '@/utils/i18n';
import { MAX_CODE_LENGTH } from '@/utils/stock/limits';
import type { BadgeShown, DetailPopover } from '@/utils/stock/stock-detail-popover';
import { loadTool } from '../load-tool';
import { createStockCache } from './stock-badges/stock-cache';
import { createNearView } from './stock-badges/near-view';
import { createScrollWatch } from './stock-badges/scroll-watch';
import { createQuietWatch } from './stock-badges/quiet-watch';
import { createBadgeSlot } from './stock-badges/badge-slot';

/** Ages and staleness change with time alone: repaint this often. */
const REPAINT_MS = 30_000;

/**
 * Product places painted in the same frame as the page's own rows: the first ones in document order, which on a list
 * just loaded are the ones in view (about 10–25 rows on a console screen). Each costs the rows' frame a little style
 * and layout; places further down get their badges as they come near the view, before the agent scrolls to them.
 */
const FIRST_SCREEN = 24;

/** Product places read, or badges painted, per task when the whole list is scanned. */
const SCAN_SLICE = 250;

/** A page this long without a change is quiet: the rows ahead of the view it moved there get their badges. */
const QUIET_MS = 1500;

/** What a badge shows, and the key of what it was painted as (a repaint with the same key leaves it alone). */
interface BadgeInfo extends BadgeShown {
  paintedAs: string;
}

/** Real-stock badges next to every product the agent sees: item rows, order lines, chat product cards. */
export const stockBadges: Feature = {
  id: 'stock-badges',
  toggle: 'stock',
  // No parts needed to start: the stock of the codes this console showed lately is fetched before its rows arrive,
  // so that they get their badges in the same frame. Without product places on the page it simply paints nothing.
  needs: { items: [], orders: [], chat: [] },
  // The texts a badge depends on are its place's: each place is watched from its first badge on. A place without a
  // badge is read again when it gets one (it comes near the view, the scan paints it, the worker answers).
  texts: 'watched',
  start(env) {
    const cache = createStockCache();
    /** What each badge of this copy shows (a copy after an extension update has its own). */
    const info = new WeakMap<HTMLElement, BadgeInfo>();
    let detail: DetailPopover | null = null;
    /**
     * The detail's script is put into the tab on the first click on a badge (it is not part of console.js). If that
     * fails, the click opens nothing and the log says why: the badges themselves keep running.
     */
    const openDetail = (badge: HTMLElement) =>
      loadTool('stock-detail').then((tool) => {
        if (env.signal.aborted) return;
        (detail ??= tool.createPopover(env)).open(badge, info.get(badge)!);
      }, env.report);
    /** Codes too long for a lookup: their place gets no badge, the others do; each is logged once. */
    const oddCodes = new Set<string>();
    const onOddCode = (code: string) => {
      if (oddCodes.has(code)) return;
      oddCodes.add(code);
      env.report(t('oddStockCode', [String(MAX_CODE_LENGTH), code.slice(0, 24)]), 'warn');
    };
    /**
     * Each anchor's badge, kept while the anchor lives: when the page rewrites the anchor's children (React and Vue
     * set the text of an element with one text child by replacing its children), the same badge is put back.
     */
    const kept = new WeakMap<Element, HTMLElement>();
    /** Where each anchor's badge goes: beside an inline anchor, inside any other (and inside a place itself). */
    const slot = createBadgeSlot({ isPlace: (anchor) => isStockPlace(env.parts, anchor) });
    /**
     * The badge each place shows. One beside its anchor stays where it is when the page draws the number anew
     * somewhere else in the place (a new element in another box): the place's new badge then takes the old one out.
     */
    const badgeOfPlace = new WeakMap<Element, HTMLElement>();
    /** Counts the page's in-place changes; each changed place notes the count, so a scan knows what it read is old. */
    let changes = 0;
    const changedAt = new WeakMap<Element, number>();
    /** The target as the page shows it now: read again when its place changed after `readAt`. */
    const current = (target: StockTarget, readAt: number) => ((changedAt.get(target.place) ?? 0) > readAt ? readPlace(env.parts, target.place) : target);

    /**
     * The page observer follows a place's texts from its first badge on (Feature.texts), or from its first read
     * without a product (its code may come later, written in place). What a scan under way read of it before is old
     * by then: it counts as changed. Asked at every paint: a place the page took off and put back is watched anew.
     */
    const everWatched = new WeakSet<Element>();
    function watchPlace(place: Element): void {
      env.watchTexts(place);
      if (everWatched.has(place)) return;
      everWatched.add(place);
      changedAt.set(place, ++changes);
    }

    /** What the next scan reads: every place, or only the places the page added or changed since. */
    let scanAll = true;
    const scanPlaces = new Set<Element>();
    /** Places the page changed in place before they had a badge, for the next scan. */
    const changedUnbadged = new Set<Element>();

    /** The product places due get their badges: one scan at a time, and one more if the page changed meanwhile. */
    const scan = oneAtATime(
      async () => {
        const readAt = changes;
        const places = scanAll ? stockPlaces(env.parts) : [...scanPlaces].filter((place) => place.isConnected);
        scanAll = false;
        scanPlaces.clear();
        // In slices, letting the page run between them: a 2,000-row list is read and painted in short tasks.
        const targets: StockTarget[] = [];
        for (let i = 0; i < places.length; i += SCAN_SLICE) {
          if (i > 0) await yieldToPage();
          if (env.signal.aborted) return;
          const slice = places.slice(i, i + SCAN_SLICE);
          const found = findStockTargets(env.parts, { within: slice, onOddCode });
          targets.push(...found);
          watchPlacesWithout(slice, found);
        }
        await cache.lookUp(targets);
        for (let i = 0; i < targets.length; i += SCAN_SLICE) {
          if (i > 0) await yieldToPage();
          if (env.signal.aborted) return;
          paintOrWait(targets.slice(i, i + SCAN_SLICE), readAt);
        }
        forgetRemoved();
      },
      env,
    );
    const scanEverything = () => {
      scanAll = true;
      return scan();
    };

    /**
     * Badges appear as their rows come near the view (half a screen ahead, a screen in scroll panes), and only there
     * are they put back or repainted when the page re-renders its rows. Adding anything to a big table makes the
     * browser lay the whole table out again — about as long as the page's own render of it — so a 2,000-row list gets
     * badges only where the agent looks, never one long task for all of them, and a list re-rendered every second
     * costs its frames only the badges in view. Badges in place are updated in place at once.
     */
    const nearView = createNearView(showWaiting, env.report);
    /** These anchors came near the view: those waiting get their badges (those only ahead of it, once it scrolls). */
    function showWaiting(anchors: Element[]): void {
      const now = clock.now();
      for (const anchor of anchors) {
        const place = waiting.get(anchor);
        if (!place) continue;
        if (!holdsBack(anchor)) reveal(anchor, place, now);
        else if (!owed.has(anchor)) {
          owed.add(anchor);
          revealWhenQuiet();
        }
      }
    }
    /** The waiting anchor gets its badge. The row may show another product by now (a recycled row): what it shows now. */
    function reveal(anchor: Element, place: Element, now: number): void {
      unwait(anchor, place);
      const shown = readPlace(env.parts, place);
      if (shown && cache.isKnown(shown)) paint(shown, now);
      else if (shown) askFor([shown]);
    }

    /** Shown within the view now (reads the layout). */
    const inView = (anchor: Element) => {
      const box = anchor.getBoundingClientRect();
      return (box.width > 0 || box.height > 0) && box.bottom >= 0 && box.top <= innerHeight;
    };
    /**
     * A row of the page ahead of the view, while nothing scrolls, waits for its badge until the page scrolls or it
     * comes into the view. The page moved it there itself (a list re-rendered, a row moved or added above): drawing
     * its badge now, out of sight, would cost the page a frame of its own each time — a table re-rendered every second
     * would be laid out and painted twice a second. A scroll brings the badges owed before the browser draws the
     * scrolled page (scroll events come before the frame's layout); a row the page itself moves into the view gets its
     * badge in the next frame. While the page scrolls, rows coming near get their badges at once, as ever: the frames
     * are drawn anyway, and a list that recycles its rows as it scrolls must never show one without its badge. The
     * page's next change brings them too, in its own frame, unless it re-rendered them again (see followPage); so
     * does a quiet moment (QUIET_MS without a change of the page) for those it never re-rendered ahead of the view: a
     * list just loaded has its next rows' badges before the agent scrolls to them.
     */
    const owed = new Set<Element>();
    const scrolling = createScrollWatch(
      env.signal,
      env.guard(() => revealOwed()),
    );
    const holdsBack = (anchor: Element) => !scrolling() && nearView.isAheadOnly(anchor);
    /** Rows the page re-rendered ahead of the view: theirs wait for a scroll, never for a quiet moment. */
    const churning = new WeakSet<Element>();
    const revealWhenQuiet = createQuietWatch(
      env.signal,
      QUIET_MS,
      env.guard(() => revealOwed((anchor) => churning.has(anchor))),
    );
    /** The owed badges come, except those `keep` holds back. */
    function revealOwed(keep: (anchor: Element, place: Element) => boolean = () => false): void {
      const now = clock.now();
      for (const anchor of owed) {
        const place = waiting.get(anchor);
        if (place && anchor.isConnected && !keep(anchor, place)) reveal(anchor, place, now);
      }
    }
    /** Anchors waiting for their badge until they come near the view, with their place (read then). */
    const waiting = new Map<Element, Element>();
    /** The places of the anchors waiting: a page re-rendering them does not make them be read again. */
    const waitingPlaces = new WeakSet<Element>();
    /** Each place's anchor as last read: a place the page changed far from the view is not read again. */
    const anchorOf = new WeakMap<Element, Element>();
    function wait(place: Element, anchor: Element): void {
      anchorOf.set(place, anchor);
      if (waiting.has(anchor)) return;
      waiting.set(anchor, place);
      waitingPlaces.add(place);
      nearView.watch(anchor);
    }
    function unwait(anchor: Element, place: Element): void {
      waiting.delete(anchor);
      waitingPlaces.delete(place);
      owed.delete(anchor);
    }

    function paintOrWait(targets: StockTarget[], readAt: number): void {
      const now = clock.now();
      for (const read of targets) {
        let target = current(read, readAt);
        if (!target) continue;
        const badge = badgeInside(target.anchor);
        if (!badge && (!nearView.isNear(target.anchor) || holdsBack(target.anchor))) {
          wait(target.place, target.anchor);
          continue;
        }
        // A place without a badge yet: its texts were not followed since the scan read it (Feature.texts).
        if (!badge && !(target = readPlace(env.parts, target.place))) continue;
        if (cache.isKnown(target)) paint(target, now, badge);
        else if (!badge) askFor([target]);
      }
    }

    /** Places read without a product (no code yet, or one too long): their texts are followed, for when it comes. */
    function watchPlacesWithout(places: readonly Element[], found: readonly StockTarget[]): void {
      if (found.length === places.length) return;
      const read = new Set(found.map((target) => target.place));
      for (const place of places) if (!read.has(place)) watchPlace(place);
    }

    /** Rows the page removed need no badge any more. */
    function forgetRemoved(): void {
      for (const [anchor, place] of waiting) if (!anchor.isConnected) unwait(anchor, place);
      nearView.forgetRemoved();
    }

    /**
     * The badge in the anchor's slot now. The kept one is checked first: on a re-rendering list that spares a selector
     * query per row and change.
     */
    function badgeInside(anchor: Element): HTMLElement | undefined {
      const mine = kept.get(anchor);
      if (mine && slot.holds(anchor, mine)) return mine;
      return slot.badgeAt(anchor) ?? undefined;
    }

    /** The badge in the anchor's slot, else the one it had (taken out by the page): a row painted once has one. */
    const badgeIn = (anchor: Element) => badgeInside(anchor) ?? kept.get(anchor);

    /** The badge of this copy in the anchor's slot, or the one it had, put back when the page took it out. */
    function badgeFor(target: StockTarget): HTMLElement {
      const { anchor, place } = target;
      let badge = badgeIn(anchor);
      if (!badge) {
        badge = createStockBadge(env.guard(openDetail));
        kept.set(anchor, badge);
        // Followed from now on: when the page re-renders the row far from the view, its badge waits for the view.
        nearView.watch(anchor);
      }
      // Inline with the page's own text whatever the layout (table, grid, flex). A shadow host adds no text, so the
      // page's (and our) reading of the anchor's text is unchanged.
      slot.put(anchor, badge);
      const before = badgeOfPlace.get(place);
      if (before !== badge) {
        if (before && before.isConnected && info.has(before)) before.remove();
        badgeOfPlace.set(place, badge);
      }
      return badge;
    }

    function paint(target: StockTarget, now: number, existing?: HTMLElement): void {
      // SKU code first, then outer code.
      const code = target.codes.find((candidate) => cache.get(candidate)) ?? target.codes[0]!;
      const hit = cache.get(code) ?? null;
      const { lowThreshold, staleAfterMinutes } = env.settings().stock;
      const state = badgeState(hit ?? undefined, target.pageStock, { lowThreshold, staleAfterMinutes, now });
      const badge = existing && slot.holds(target.anchor, existing) ? existing : badgeFor(target);
      watchPlace(target.place);
      anchorOf.set(target.place, target.anchor);
      const key = `${code}\n${state.kind} ${state.stale} ${state.real} ${state.pageStock} ${Math.floor((state.ageMs ?? 0) / 60_000)}\n${state.sourceName}`;
      const previous = info.get(badge);
      info.set(badge, { code, hit, pageStock: target.pageStock, paintedAs: key });
      if (previous?.paintedAs === key) return;
      paintStockBadge(badge, state);
      if (previous?.code !== code) badge.dataset.code = code;
    }

    /** The place shows a product not known yet: its badge stays where it is, without a number, until the answer. */
    function paintPending(target: StockTarget): void {
      const badge = badgeFor(target);
      watchPlace(target.place);
      const code = target.codes[0]!;
      const previous = info.get(badge);
      if (previous?.paintedAs !== 'pending') paintPendingBadge(badge);
      info.set(badge, { code, hit: null, pageStock: target.pageStock, paintedAs: 'pending' });
      if (previous?.code !== code) badge.dataset.code = code;
    }

    /**
     * Asks for the codes of these places not known yet (a code already asked for is not asked again) and paints
     * each place on the answer — as it shows then: a recycled row may show yet another product by that time.
     * One question at a time: places asked for while one is on its way go together in the next, so a list scrolled
     * at 60 frames a second sends a message per answer, not per frame. The message goes in a task of its own, out of
     * the page's: sending one costs the main thread a few ms (tens on a busy machine), which the page's frame would
     * otherwise wait for.
     */
    let queued: StockTarget[] = [];
    let asking = false;
    function askFor(targets: StockTarget[]): void {
      if (cache.unknownCodes(targets).length === 0) return;
      for (const target of targets) queued.push(target);
      if (!asking) askQueued();
    }
    function askQueued(): void {
      asking = true;
      timeoutUnless(env.signal, () => {
        const targets = queued;
        queued = [];
        // Codes answered meanwhile (for other places) ask for nothing: their places are painted all the same.
        cache
          .ask(cache.unknownCodes(targets))
          .then((answered) => {
            if (!answered || env.signal.aborted) return;
            const now = clock.now();
            for (const target of targets) {
              const again = readPlace(env.parts, target.place);
              if (!again || !cache.isKnown(again)) continue;
              const badge = badgeInside(again.anchor);
              // A place without a badge waits for the view, unless it is near it (or one of the first screen's).
              if (badge || !waiting.has(again.anchor) || (nearView.isNear(again.anchor) && !holdsBack(again.anchor))) paint(again, now, badge);
            }
          })
          .catch(env.report)
          .finally(() => {
            asking = false;
            if (queued.length && !env.signal.aborted) askQueued();
          });
      }, 0);
    }

    /**
     * Keeps the badges right in the same task as the page's change, before the browser renders it:
     * - the first product places the page just added get their badges now, in the same frame as the page's rows, if
     *   their stock is known; the others are asked for at once (a few codes, not the whole list) and painted on the
     *   answer, without waiting for the full scan;
     * - a place the page changed in place (a framework re-rendered its text, a recycled row shows another product)
     *   keeps its badge element — put back if the page took it out — painted for the product it shows now, or
     *   without a number while that product's stock is asked for; never the stock of what it showed before.
     * Searches only what was added or changed, never the whole document, as this runs inside the page's task.
     */
    function followPage(added: readonly Element[], changed: readonly Element[]): void {
      const now = clock.now();
      const unknown: StockTarget[] = [];
      if (added.length) {
        const within = added.filter((element) => element.isConnected);
        for (const target of findStockTargets(env.parts, { limit: FIRST_SCREEN, within, onOddCode })) {
          const badge = slot.badgeAt(target.anchor);
          // A row put back on the page with its badge (a tab kept alive, then shown again): watched anew, painted as
          // it shows now.
          if (badge) {
            if (info.has(badge) && cache.isKnown(target)) paint(target, now, badge);
            continue;
          }
          if (cache.isKnown(target)) paint(target, now);
          else unknown.push(target);
        }
      }
      // A place waiting for the view has no badge, and is read when it comes near the view: not read now (on a
      // long re-rendering table that is most of its rows, every second), only noted as changed for a scan under way.
      if (changed.length) changes++;
      revealWhenQuiet();
      const touched = new Set<Element>();
      const waits = (place: Element) => {
        if (!waitingPlaces.has(place)) return false;
        changedAt.set(place, changes);
        touched.add(place);
        return true;
      };
      const around = changed.length ? placesAround(env.parts, changed, waits) : [];
      if (around.length) {
        for (const place of around) changedAt.set(place, changes);
        // Nor is a place with a badge far from the view: its badge, taken out or now wrong, leaves and waits too.
        const places: Element[] = [];
        const far: [Element, Element][] = [];
        const ahead: [Element, Element][] = [];
        for (const place of around) {
          const anchor = anchorOf.get(place);
          if (anchor && nearView.isFar(anchor) && place.contains(anchor)) far.push([place, anchor]);
          else if (anchor && holdsBack(anchor) && place.contains(anchor)) ahead.push([place, anchor]);
          else places.push(place);
        }
        // A place ahead of the view, re-rendered while nothing scrolls, gives its badge up too, until a scroll.
        for (const [place, anchor] of ahead) {
          const badge = badgeInside(anchor);
          if (badge && info.has(badge)) badge.remove();
          wait(place, anchor);
          owed.add(anchor);
          churning.add(anchor);
          touched.add(place);
        }
        // The observer's last look is from where the row was: a recycled row moves in the same task that rewrites it
        // (a virtual list at its end, or after a jump). One now in the view is painted as a near one. A row that stays
        // where it is (a table re-rendered in place) is found far once, then waits unread: this read of the layout
        // happens when rows leave the view, not at every re-render — all of them read before any badge leaves, so the
        // layout is computed once.
        const nowInView = far.map(([, anchor]) => inView(anchor));
        far.forEach(([place, anchor], k) => {
          if (nowInView[k]) {
            places.push(place);
            return;
          }
          const badge = badgeInside(anchor);
          if (badge && info.has(badge)) badge.remove();
          wait(place, anchor);
        });
        const shown = new Map(findStockTargets(env.parts, { within: places, onOddCode }).map((target) => [target.place, target]));
        for (const place of places) {
          const target = shown.get(place);
          if (!target) {
            // The place shows no product any more (an empty recycled row): no badge of a product it does not show.
            // Its texts stay followed, for the product it shows next.
            place.querySelectorAll<HTMLElement>(BADGE_TAG).forEach((badge) => info.has(badge) && badge.remove());
            watchPlace(place);
            continue;
          }
          const badge = badgeIn(target.anchor);
          if (!badge) {
            // Never painted yet: the scan or the view brings it.
            changedUnbadged.add(place);
            continue;
          }
          if (cache.isKnown(target)) {
            paint(target, now, badge);
          } else {
            paintPending(target);
            unknown.push(target);
          }
        }
      }
      // Rows the page moved ahead of the view since its last change get their badges now, in the frame the page draws
      // anyway; those it re-rendered again, each time, wait for a scroll (putting their badges back each time is what
      // a page re-rendering its rows every second would pay for).
      revealOwed((_anchor, place) => touched.has(place));
      askFor(unknown);
    }

    /**
     * After the page's changes settle: the places it added, or changed before they had a badge (noted by followPage,
     * which has read them already: the changed elements are not searched twice), are scanned.
     */
    function adoptNew(added: readonly Element[]): void {
      for (const place of placesIn(env.parts, added)) scanPlaces.add(place);
      for (const place of changedUnbadged) if (place.isConnected) scanPlaces.add(place);
      changedUnbadged.clear();
      for (const place of scanPlaces) if (waitingPlaces.has(place) || place.querySelector(BADGE_TAG)) scanPlaces.delete(place);
      if (scanPlaces.size) scan();
    }

    /** The stock of the codes shown lately, for the first rows; asked at once (at document_start). */
    function prime(): void {
      cache
        .primeRecent()
        .then((current) => current && !env.signal.aborted && followPage([document.documentElement], []))
        .catch(env.report);
    }

    prime();
    scanEverything();
    env.onDomChange(followPage, { immediate: true });
    env.onDomChange(adoptNew);
    env.onBroadcast('stock-changed', () => {
      cache.clear();
      prime();
      scanEverything();
    });
    const timer = env.ctx.setInterval(scanEverything, REPAINT_MS);
    return () => {
      clearInterval(timer);
      nearView.disconnect();
      detail?.close();
      // Only this copy's badges (the ones it keeps info on): after an update the new copy's are already on the page.
      document.querySelectorAll<HTMLElement>(BADGE_TAG).forEach((badge) => info.has(badge) && badge.remove());
    };
  },
};
