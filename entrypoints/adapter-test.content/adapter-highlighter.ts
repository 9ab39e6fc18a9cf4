import type { Adapter } from '@/utils/adapters/adapter-schema';
import type { AdapterTestReport } from '@/utils/adapters/custom/adapter-test-report';
import { PageParts, type PartSample } from '@/utils/adapters/page-parts';
import { selectPages } from '@/utils/adapters/select-page';
import { createShadowHost } from '@/utils/ui/shadow-host';

const SHOW_MS = 8000;
const MAX_PER_PART = 50;
const COLOURS = ['#e5484d', '#0b7a75', '#3e63dd', '#ad5700', '#8e4ec6', '#1f883d', '#d6409f', '#00749e'];

const OVERLAY_CSS = `
:host { all: initial; }
.box { position: fixed; pointer-events: none; outline: 2px solid var(--c); outline-offset: 1px; z-index: 2147483646; }
.tag { position: absolute; left: -2px; top: -18px; font: 11px/16px system-ui, sans-serif; color: #fff; background: var(--c);
  padding: 0 4px; border-radius: 2px; white-space: nowrap; }
`;

let overlay: { host: HTMLElement; timer: number } | null = null;

/** Removes the outlines (on demand, on timeout, before a new test). */
export function clearAdapterTest(): void {
  if (!overlay) return;
  clearTimeout(overlay.timer);
  overlay.host.remove();
  overlay = null;
}

/**
 * Outlines what each selector of the adapter's pages for this URL matches (every entry whose path fits, or every
 * page when none does), labelled with the part's name, in a shadow root the page cannot style; reports every page's
 * parts with their counts and first values read.
 */
export function runAdapterTest(adapter: Adapter): AdapterTestReport {
  clearAdapterTest();
  const chosen = selectPages([adapter], location.href)?.pages ?? [];
  const pages = adapter.pages.map((page, index) => ({ index, kind: page.kind, matched: chosen.includes(page), parts: safeSamples(page) }));
  const { host, shadow } = createShadowHost('xiaoer-adapter-test', OVERLAY_CSS);
  let highlighted = 0;
  let colour = 0;
  for (const page of adapter.pages) {
    if (chosen.length && !chosen.includes(page)) continue;
    const parts = new PageParts(page);
    for (const name of Object.keys(page.parts)) {
      const c = COLOURS[colour++ % COLOURS.length]!;
      let elements: Element[] = [];
      try {
        elements = parts.all(name as never).slice(0, MAX_PER_PART);
      } catch {
        // An invalid selector counts as matching nothing; the report says 0.
      }
      elements.forEach((element, i) => {
        const rect = element.getBoundingClientRect();
        if (!rect.width && !rect.height) return;
        const box = document.createElement('div');
        box.className = 'box';
        box.style.cssText = `--c:${c};left:${rect.left}px;top:${rect.top}px;width:${rect.width}px;height:${rect.height}px`;
        const tag = document.createElement('span');
        tag.className = 'tag';
        tag.textContent = `${name} ${i + 1}`;
        box.append(tag);
        shadow.append(box);
        highlighted++;
      });
    }
  }
  document.documentElement.append(host);
  overlay = { host, timer: window.setTimeout(clearAdapterTest, SHOW_MS) };
  return { url: location.href, pages, highlighted };
}

function safeSamples(page: Adapter['pages'][number]): PartSample[] {
  try {
    return new PageParts(page).samples();
  } catch {
    // An invalid selector counts as matching nothing.
    return Object.entries(page.parts).map(([name, part]) => ({ name, count: 0, optional: part.optional ?? false, values: [], unread: false }));
  }
}
