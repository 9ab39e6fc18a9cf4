import { BADGE_TAG, createStockBadge, paintStockBadge } from '@/components/stock/stock-badge';
import type { Feature } from '@/utils/runtime/feature';
import { badgeState } from '@/utils/stock/badge-state';
import { findStockTargets, stockPlaces, type StockTarget } from '@/utils/stock/stock-targets';
import { oneAtATime } from '@/utils/runtime/one-at-a-time';
import { yieldToPage } from '@/utils/runtime/yield-to-page';
import { clock } from '@/utils/clock';
import { t } from '@/utils/i18n';
import { MAX_CODE_LENGTH } from '@/utils/stock/limits';
import { createDetailPopover, type BadgeShown } from './stock-badges/detail-popover';
import { createStockCache } from './stock-badges/stock-cache';

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

/** What a badge shows, and the key of what it was painted as (a repaint with the same key leaves it alone). */
interface BadgeInfo extends BadgeShown {
  paintedAs: string;
}

/** Our badge inside an anchor, if it has one. */
const badgeOf = (anchor: Element) => anchor.querySelector<HTMLElement>(`:scope > ${BADGE_TAG}`);

/** Real-stock badges next to every product the agent sees: item rows, order lines, chat product cards. */
export const stockBadges: Feature = {
  id: 'stock-badges',
  toggle: 'stock',
  // No parts needed to start: the stock of the codes this console showed lately is fetched before its rows arrive,
  // so that they get their badges in the same frame. Without product places on the page it simply paints nothing.
  needs: { items: [], orders: [], chat: [] },
  start(env) {
    const cache = createStockCache();
    /** What each badge of this copy shows (a copy after an extension update has its own). */
    const info = new WeakMap<HTMLElement, BadgeInfo>();
    const detail = createDetailPopover(env);
    /** Codes too long for a lookup: their place gets no badge, the others do; each is logged once. */
    const oddCodes = new Set<string>();
    const onOddCode = (code: string) => {
      if (oddCodes.has(code)) return;
      oddCodes.add(code);
      env.report(t('oddStockCode', [String(MAX_CODE_LENGTH), code.slice(0, 24)]), 'warn');
    };
    /** Every product place on the page gets its badge: one scan at a time, and one more if the page changed meanwhile. */
    const scan = oneAtATime(
      async () => {
        // In slices, letting the page run between them: a 2,000-row list is read and painted in short tasks.
        const places = stockPlaces(env.parts);
        const targets: StockTarget[] = [];
        for (let i = 0; i < places.length; i += SCAN_SLICE) {
          if (i > 0) await yieldToPage();
          if (env.signal.aborted) return;
          targets.push(...findStockTargets(env.parts, { within: places.slice(i, i + SCAN_SLICE), onOddCode }));
        }
        await cache.lookUp(targets);
        for (let i = 0; i < targets.length; i += SCAN_SLICE) {
          if (i > 0) await yieldToPage();
          if (env.signal.aborted) return;
          paintOrWait(targets.slice(i, i + SCAN_SLICE));
        }
        forgetRemoved();
      },
      env,
    );

    /**
     * Badges appear as their rows come near the view (IntersectionObserver, one screen ahead). Adding anything to a
     * big table makes the browser lay the whole table out again — about as long as the page's own render of it — so
     * a 2,000-row list gets badges only where the agent looks, and never one long task for all of them. Badges that
     * exist already are updated in place at once.
     */
    const waiting = new Map<Element, StockTarget>();
    const nearView = new IntersectionObserver(
      (entries) => {
        // The browser calls this, not the registry: errors are caught here, so none reaches the page.
        try {
          const now = clock.now();
          for (const entry of entries) {
            const target = waiting.get(entry.target);
            if (!entry.isIntersecting || !target) continue;
            waiting.delete(entry.target);
            nearView.unobserve(entry.target);
            paint(target, now);
          }
        } catch (error) {
          env.report(error);
        }
      },
      { rootMargin: '100% 0px' },
    );

    function paintOrWait(targets: StockTarget[]): void {
      const now = clock.now();
      for (const target of targets) {
        const badge = badgeOf(target.anchor);
        if (badge) {
          paint(target, now, badge);
        } else {
          waiting.set(target.anchor, target);
          nearView.observe(target.anchor);
        }
      }
    }

    /** Rows the page removed need no badge any more. */
    function forgetRemoved(): void {
      for (const anchor of waiting.keys()) {
        if (!anchor.isConnected) {
          waiting.delete(anchor);
          nearView.unobserve(anchor);
        }
      }
    }

    function paint(target: StockTarget, now: number, existing = badgeOf(target.anchor)): void {
      // SKU code first, then outer code.
      const code = target.codes.find((candidate) => cache.get(candidate)) ?? target.codes[0]!;
      const hit = cache.get(code) ?? null;
      const { lowThreshold, staleAfterMinutes } = env.settings().stock;
      const state = badgeState(hit ?? undefined, target.pageStock, { lowThreshold, staleAfterMinutes, now });
      // Inside the anchor, at its end: inline with the page's own text whatever the layout (table, grid, flex).
      // A shadow host adds no text, so the page's (and our) reading of the anchor's text is unchanged.
      let badge = existing;
      if (!badge) {
        badge = createStockBadge(env.guard((el: HTMLElement) => detail.open(el, info.get(el)!)));
        target.anchor.append(badge);
      }
      const key = JSON.stringify([code, state.kind, state.stale, state.real, state.pageStock, state.sourceName, Math.floor((state.ageMs ?? 0) / 60_000)]);
      const previous = info.get(badge);
      info.set(badge, { code, hit, pageStock: target.pageStock, paintedAs: key });
      if (previous?.paintedAs !== key) paintStockBadge(badge, state);
      badge.dataset.code = code;
    }

    /** Codes of first-screen places asked for and not answered yet: a burst of changes asks once. */
    const askingFirst = new Set<string>();

    /**
     * Badges for the first product places the page just added. Inside the observer's callback, before the browser
     * renders them: the places whose stock is known get their badges now, in the same frame as the page's rows; the
     * others are asked for at once (a few codes, not the whole list) and painted on the answer, without waiting for
     * the full scan. Searches only what was added, never the whole document, as this runs inside the page's task.
     */
    function paintFirstScreen(added: readonly Element[]): void {
      if (added.length === 0) return;
      const within = added.filter((element) => element.isConnected);
      const now = clock.now();
      const unknown: StockTarget[] = [];
      for (const target of findStockTargets(env.parts, { limit: FIRST_SCREEN, within, onOddCode })) {
        if (badgeOf(target.anchor)) continue;
        if (cache.isKnown(target)) paint(target, now);
        else unknown.push(target);
      }
      const codes = cache.unknownCodes(unknown).filter((code) => !askingFirst.has(code));
      if (codes.length === 0) return;
      codes.forEach((code) => askingFirst.add(code));
      cache
        .ask(codes)
        .then((current) => {
          if (!current || env.signal.aborted) return;
          const answeredAt = clock.now();
          for (const target of unknown) {
            if (cache.isKnown(target) && target.anchor.isConnected && !badgeOf(target.anchor)) paint(target, answeredAt);
          }
        })
        .catch(env.report)
        .finally(() => codes.forEach((code) => askingFirst.delete(code)));
    }

    /** The stock of the codes shown lately, for the first rows; asked at once (at document_start). */
    function prime(): void {
      cache
        .primeRecent()
        .then((current) => current && !env.signal.aborted && paintFirstScreen([document.documentElement]))
        .catch(env.report);
    }

    prime();
    scan();
    env.onDomChange(paintFirstScreen, { immediate: true });
    env.onDomChange(scan);
    env.onBroadcast('stock-changed', () => {
      cache.clear();
      prime();
      scan();
    });
    const timer = env.ctx.setInterval(scan, REPAINT_MS);
    return () => {
      clearInterval(timer);
      nearView.disconnect();
      detail.close();
      // Only this copy's badges (the ones it keeps info on): after an update the new copy's are already on the page.
      document.querySelectorAll<HTMLElement>(BADGE_TAG).forEach((badge) => info.has(badge) && badge.remove());
    };
  },
};
