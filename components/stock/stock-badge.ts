import type { BadgeState } from '@/utils/stock/badge-state';
import { ageParts } from '@/utils/stock/badge-state';
import { t } from '@/utils/i18n';
import badgeCss from './stock-badge.css?inline';

export const BADGE_TAG = 'xiaoer-stock';

let sharedSheet: CSSStyleSheet | null | undefined;

/** One stylesheet object adopted by every badge: thousands of badges, one parse. */
function applyStyles(shadow: ShadowRoot): void {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(badgeCss);
    } catch {
      sharedSheet = null;
    }
  }
  try {
    if (sharedSheet) {
      shadow.adoptedStyleSheets = [sharedSheet];
      return;
    }
  } catch {
    // Some engines refuse sheets constructed in a content script's world: fall back to a style element.
  }
  const style = document.createElement('style');
  style.textContent = badgeCss;
  shadow.append(style);
}

/**
 * A compact badge in its own shadow root, so the page's CSS cannot restyle it. Plain DOM and textContent only:
 * this runs for every row of a long list, and nothing from the page or the data is parsed as HTML.
 */
export function createStockBadge(onOpen: (badge: HTMLElement) => void): HTMLElement {
  const host = document.createElement(BADGE_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  applyStyles(shadow);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'badge';
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    onOpen(host);
  });
  shadow.append(button);
  return host;
}

export function paintStockBadge(host: HTMLElement, state: BadgeState): void {
  const button = host.shadowRoot!.querySelector('button')!;
  button.dataset.kind = state.kind;
  button.dataset.stale = String(state.stale);
  host.dataset.kind = state.kind;
  host.dataset.stale = String(state.stale);
  button.textContent = state.kind === 'none' ? t('stockNone') : t('stockLabel', String(state.real));
  button.title = badgeTitle(state);
}

/**
 * The row now shows a product whose stock is being asked for: the badge keeps its place (no flicker) but shows no
 * number, never the stock of the product the row showed before.
 */
export function paintPendingBadge(host: HTMLElement): void {
  const button = host.shadowRoot!.querySelector('button')!;
  button.dataset.kind = 'pending';
  button.dataset.stale = 'false';
  host.dataset.kind = 'pending';
  host.dataset.stale = 'false';
  button.textContent = '…';
  button.title = t('stockPendingTitle');
}

export function badgeTitle(state: BadgeState): string {
  if (state.kind === 'none') return t('stockNoneTitle');
  const notes: string[] = [];
  if (state.kind === 'mismatch') notes.push(t('stockMismatchTitle', [String(state.pageStock), String(state.real)]));
  if (state.kind === 'zero') notes.push(t('stockZeroTitle'));
  if (state.kind === 'low') notes.push(t('stockLowTitle'));
  if (state.stale) notes.push(t('stockStaleTitle'));
  return [...notes, t('stockTitle', [String(state.real), describeAge(state.ageMs ?? 0), state.sourceName ?? ''])].join(' · ');
}

export function describeAge(ms: number): string {
  const [amount, unit] = ageParts(ms);
  if (unit === 'now') return t('ageNow');
  return t(unit === 'minutes' ? 'ageMinutes' : unit === 'hours' ? 'ageHours' : 'ageDays', String(amount));
}
