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
  const [text, title] = textsOf(state);
  paintBadge(host, state.kind, String(state.stale), text, title);
}

/**
 * The row now shows a product whose stock is being asked for: the badge keeps its place (no flicker) but shows no
 * number, never the stock of the product the row showed before.
 */
export function paintPendingBadge(host: HTMLElement): void {
  paintBadge(host, 'pending', 'false', '…', pendingTitle ??= t('stockPendingTitle'));
}
let pendingTitle: string | undefined;

/** What each badge shows now, as last written: compared here, not read back from the DOM (a re-rendered list
 * repaints hundreds of badges a second, most of them alike). */
const painted = new WeakMap<HTMLElement, string[]>();

/** Writes only what differs. */
function paintBadge(host: HTMLElement, kind: string, stale: string, text: string, title: string): void {
  const was = painted.get(host);
  if (was && was[0] === kind && was[1] === stale && was[2] === text && was[3] === title) return;
  painted.set(host, [kind, stale, text, title]);
  // The button is the shadow root's last child (after the fallback style element, when there is one).
  const button = host.shadowRoot!.lastElementChild as HTMLButtonElement;
  if (was?.[0] !== kind) {
    button.dataset.kind = kind;
    host.dataset.kind = kind;
  }
  if (was?.[1] !== stale) {
    button.dataset.stale = stale;
    host.dataset.stale = stale;
  }
  if (was?.[2] !== text) button.textContent = text;
  if (was?.[3] !== title) button.title = title;
}

/**
 * A badge's text and title per state, each made once: `getMessage` is a call into the extension runtime, and a list
 * that re-renders repaints every badge with the same few states. Bounded: stock numbers vary without end.
 */
const texts = new Map<string, [text: string, title: string]>();
const MAX_TEXTS = 2000;
function textsOf(state: BadgeState): [string, string] {
  const [amount, unit] = ageParts(state.ageMs ?? 0);
  const id = `${state.kind} ${state.stale} ${state.real} ${state.pageStock} ${amount}${unit} ${state.sourceName ?? ''}`;
  let made = texts.get(id);
  if (!made) {
    if (texts.size >= MAX_TEXTS) texts.clear();
    made = [state.kind === 'none' ? t('stockNone') : t('stockLabel', String(state.real)), badgeTitle(state)];
    texts.set(id, made);
  }
  return made;
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
