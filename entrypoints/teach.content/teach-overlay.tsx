import { render } from 'preact';
import { PageParts } from '@/utils/adapters/page-parts';
import { t } from '@/utils/i18n';
import { partLabel } from '@/components/teach/part-label';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import { proposePart, type PartProposal } from '@/utils/teach/propose-part';
import { stepForPart, stepsFor, type TeachKind, type TeachStep } from '@/utils/teach/teach-plan';
import type { TeachRequest } from '@/utils/teach/teach-request';
import { pathPatternOf, withoutOrphans, withPart } from '@/utils/teach/taught-adapter';
import { createShadowHost } from '@/utils/ui/shadow-host';
import { TeachPanel, type TeachActions, type TeachView } from '@/components/teach/TeachPanel';
import teachCss from '@/components/teach/teach.css?inline';

/** Mouse and pointer events the page must not see while the agent points (its links and buttons would act). */
const SWALLOWED = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'dblclick', 'auxclick', 'contextmenu'] as const;

let active: (() => void) | null = null;

/** Closes the overlay, if open (the extension was reloaded). */
export function stopTeaching(): void {
  active?.();
}

/**
 * "指认页面部件": an overlay in a shadow root over the page. Hovering outlines the element under the pointer, a click
 * picks it (listeners in the capture phase on window, so the page never acts on it), the panel shows the proposed
 * selector, how many elements it matches and what it reads; Esc or 退出 leaves and removes every listener and
 * element of ours. The result is saved by the worker as a custom adapter (same schema, same permission rules).
 */
export function startTeaching(request: TeachRequest, onClose: () => void): void {
  active?.();
  const { host, shadow, container } = createShadowHost('xiaoer-teach', teachCss);
  const layer = document.createElement('div');
  shadow.insertBefore(layer, container);
  const hoverBox = document.createElement('div');
  hoverBox.className = 'hover';
  layer.append(hoverBox);

  let adapter = request.base;
  let steps: TeachStep[] = request.repoint ? request.repoint.map((r) => stepForPart(r.kind, r.part, partWithin(r.kind, r.part))) : [];
  let index = 0;
  let trail: Element[] = [];
  let all = false;
  let proposal: PartProposal | null = null;
  let notice = '';
  let view: TeachView = request.repoint ? pointView() : { phase: 'choose' };
  let name = adapter.name;

  function partWithin(kind: TeachKind, part: string): string | undefined {
    return pageOf(kind).parts[part]?.within;
  }
  function pathOf(kind: TeachKind): string {
    const location = window.location.pathname + window.location.search + window.location.hash;
    const existing = adapter.pages.find((p) => p.kind === kind && new RegExp(p.path, 'u').test(location));
    return existing?.path ?? pathPatternOf(window.location.href);
  }
  function pageOf(kind: TeachKind) {
    const path = pathOf(kind);
    return adapter.pages.find((p) => p.kind === kind && p.path === path) ?? { kind, path, parts: {} };
  }
  function pointView(): TeachView {
    const step = steps[index]!;
    return { phase: 'point', step, index, total: steps.length, proposal, all, canChild: trail.length > 1, notice };
  }

  const propose = () => {
    const step = steps[index]!;
    const picked = trail[trail.length - 1];
    proposal = null;
    notice = '';
    if (picked) {
      const result = proposePart(step, picked, pageOf(step.kind), all);
      if (result.ok) proposal = result.proposal;
      else notice = t('teachOutsideContainer', partLabelOf(step.within));
    }
    view = pointView();
    paint();
  };

  const advance = () => {
    index++;
    trail = [];
    all = false;
    proposal = null;
    notice = '';
    if (index < steps.length) view = pointView();
    else view = reviewView();
    paint();
  };

  function reviewView(): TeachView {
    const taught = steps.flatMap((step) => {
      const page = pageOf(step.kind);
      if (!page.parts[step.part]) return [];
      return [{ kind: step.kind, part: step.part, count: safeCount(() => new PageParts(page).all(step.part as never).length) }];
    });
    return { phase: 'review', taught, name, notice, saving: false };
  }

  const actions: TeachActions = {
    choose(kinds) {
      if (!kinds.length) return;
      steps = stepsFor(kinds);
      index = 0;
      view = pointView();
      paint();
    },
    parent() {
      const top = trail[trail.length - 1];
      const parent = top?.parentElement;
      if (!parent || parent === document.body || parent === document.documentElement) return;
      trail.push(parent);
      propose();
    },
    child() {
      if (trail.length > 1) trail.pop();
      propose();
    },
    toggleAll() {
      all = !all;
      propose();
    },
    confirm() {
      const step = steps[index]!;
      if (!proposal) return;
      adapter = withPart(adapter, step.kind, pathOf(step.kind), step.part, proposal.spec);
      advance();
    },
    skip: advance,
    rename(next) {
      name = next;
    },
    async save() {
      if (view.phase !== 'review') return;
      view = { ...view, saving: true, name };
      paint();
      const toSave = withoutOrphans({ ...adapter, name: name.trim() || adapter.name, version: adapter.version + 1 });
      try {
        const entry = await sendToWorker({ type: 'adapters.saveTaught', adapter: toSave });
        view = entry.missingOrigins.length
          ? { phase: 'saved', ok: false, notice: t('adapterSavedNoAccess', entry.missingOrigins.join(' ')) }
          : { phase: 'saved', ok: true, notice: t('teachSaved', toSave.name) };
      } catch (error) {
        notice = String((error as Error).message);
        view = reviewView();
      }
      paint();
    },
    leave,
  };

  const isOurs = (event: Event) => event.composedPath().some((node) => node instanceof Element && node.localName.startsWith('xiaoer-'));
  const targetOf = (event: Event) => {
    const first = event.composedPath()[0];
    return first instanceof Element ? first : null;
  };

  const onSwallow = (event: Event) => {
    if (isOurs(event)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.type !== 'click' || view.phase !== 'point') return;
    const target = targetOf(event);
    if (!target) return;
    trail = [target];
    propose();
  };
  const onHover = (event: Event) => {
    const target = isOurs(event) ? null : targetOf(event);
    outline(hoverBox, target);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopImmediatePropagation();
    leave();
  };
  const onScroll = () => requestAnimationFrame(paintOutlines);

  for (const type of SWALLOWED) window.addEventListener(type, onSwallow, true);
  window.addEventListener('mousemove', onHover, true);
  window.addEventListener('keydown', onKey, true);
  window.addEventListener('scroll', onScroll, { capture: true, passive: true });
  document.documentElement.append(host);

  function paint() {
    render(<TeachPanel view={view} actions={actions} />, container);
    paintOutlines();
  }
  function paintOutlines() {
    layer.querySelectorAll('.match').forEach((box) => box.remove());
    if (view.phase !== 'point' || !proposal) return;
    for (const element of proposal.elements) {
      const box = document.createElement('div');
      box.className = element === trail[trail.length - 1] ? 'match picked' : 'match';
      outline(box, element);
      layer.append(box);
    }
  }

  function leave() {
    if (active !== leave) return;
    active = null;
    for (const type of SWALLOWED) window.removeEventListener(type, onSwallow, true);
    window.removeEventListener('mousemove', onHover, true);
    window.removeEventListener('keydown', onKey, true);
    window.removeEventListener('scroll', onScroll, true);
    render(null, container);
    host.remove();
    onClose();
  }
  active = leave;
  paint();
}

function outline(box: HTMLElement, element: Element | null): void {
  const rect = element?.getBoundingClientRect();
  if (!rect || (!rect.width && !rect.height)) {
    box.style.display = 'none';
    return;
  }
  box.style.cssText = `display:block;left:${rect.left}px;top:${rect.top}px;width:${rect.width}px;height:${rect.height}px`;
}

function partLabelOf(part: string | undefined): string {
  return part ? partLabel(part) : '';
}

function safeCount(count: () => number): number {
  try {
    return count();
  } catch {
    return 0;
  }
}
