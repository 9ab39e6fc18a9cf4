import { useRef, useState } from 'preact/hooks';
import type { PartHealth } from '@/utils/adapters/page-parts';
import type { PageKind } from '@/utils/adapters/vocabulary';
import type { DockPlace } from '@/utils/settings/dock-place';
import { t } from '@/utils/i18n';
import { partLabel } from '../teach/part-label';

/** A box in the view (px), as the dock is dragged. */
export interface DragBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface StatusDockProps {
  adapterName: string;
  /** Every kind the page shows (one URL can hold items, orders and chat). */
  pageKinds: PageKind[];
  parts: PartHealth[];
  /** Where it sits now: the agent's place, or one out of the way of the page's controls. */
  place: DockPlace;
  onOpenLog: () => void;
  onCollapse: (collapsed: boolean) => void;
  /** The agent dropped the dock (dragged with the pointer) with its mark at this box. */
  onDrop: (box: DragBox) => void;
  /** The agent moved it with the arrow keys on the grip, by this much (px). */
  onNudge: (dx: number, dy: number) => void;
  /** Opens the teach overlay: for every part, or for one part a console update broke. */
  onTeach: (part?: PartHealth) => void;
}

/** Arrow keys on the grip move the dock this far (px); with Shift five times as far. */
const NUDGE = 10;

const placeStyle = (place: DockPlace) => ({
  [place.corner.endsWith('right') ? 'right' : 'left']: `${place.x}px`,
  [place.corner.startsWith('bottom') ? 'bottom' : 'top']: `${place.y}px`,
});

/**
 * Xiaoer's corner mark on a console page: shows it is active and whether the adapter fits this page. It can be
 * collapsed to a small handle and moved (drag the grip, or arrow keys on it); the feature keeps it off the page's
 * own controls.
 */
export function StatusDock({ adapterName, pageKinds, parts, place, onOpenLog, onCollapse, onDrop, onNudge, onTeach }: StatusDockProps) {
  const [open, setOpen] = useState(false);
  const [drag, setDrag] = useState<DragBox | null>(null);
  const start = useRef<{ x: number; y: number; box: DragBox } | null>(null);
  const mark = useRef<HTMLDivElement>(null);
  const missing = parts.filter((p) => !p.optional && p.count === 0);
  const healthy = missing.length === 0;

  const grip = (
    <button
      type="button"
      class="grip"
      title={t('dockMove')}
      aria-label={t('dockMove')}
      onPointerDown={(event) => {
        const box = mark.current?.getBoundingClientRect();
        if (!box || event.button !== 0) return;
        event.preventDefault();
        (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
        start.current = { x: event.clientX, y: event.clientY, box: { left: box.left, top: box.top, width: box.width, height: box.height } };
      }}
      onPointerMove={(event) => {
        const from = start.current;
        if (!from) return;
        setDrag({ ...from.box, left: from.box.left + event.clientX - from.x, top: from.box.top + event.clientY - from.y });
      }}
      onPointerUp={(event) => {
        const from = start.current;
        start.current = null;
        setDrag(null);
        if (from) onDrop({ ...from.box, left: from.box.left + event.clientX - from.x, top: from.box.top + event.clientY - from.y });
      }}
      onPointerCancel={() => {
        start.current = null;
        setDrag(null);
      }}
      onKeyDown={(event) => {
        const step = event.shiftKey ? NUDGE * 5 : NUDGE;
        const move = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[event.key];
        if (!move) return;
        event.preventDefault();
        onNudge(move[0]!, move[1]!);
      }}
    >
      ⠿
    </button>
  );

  // While dragged, the mark follows the pointer (its own box); otherwise it sits at its place.
  const style = drag ? { left: `${drag.left}px`, top: `${drag.top}px`, right: 'auto', bottom: 'auto' } : placeStyle(place);

  // With several kinds on the page, a part is named with its kind (商品列表 · outerCode).
  const kindOf = (part: PartHealth) => (pageKinds.length > 1 && part.kind ? `${t(`pageKind_${part.kind}`)} · ` : '');
  const label = (part: PartHealth) => `${kindOf(part)}${part.name}`;
  // The warning speaks the agent's words (商家编码), with the adapter's name of the part for whoever edits the JSON.
  const named = (part: PartHealth) => {
    const words = partLabel(part.name);
    return `${kindOf(part)}${words === part.name ? words : `${words}（${part.name}）`}`;
  };
  const repoint = (part: PartHealth) => (
    <button type="button" class="link" name="dock-repoint" data-part={part.name} onClick={() => onTeach(part)}>
      {t('teachRepointOne')}
    </button>
  );
  return (
    <div class="dock" data-healthy={String(healthy)} data-corner={place.corner} data-collapsed={String(place.collapsed)} data-dragging={String(!!drag)} style={style}>
      {!healthy && !open && !place.collapsed && (
        // The part a console update broke, named where the agent looks, with the one click that re-points it.
        <div class="warning" data-testid="dock-missing">
          {t('dockMissingNamed', missing.map(named).join('、'))} {repoint(missing[0]!)}
        </div>
      )}
      {open && !place.collapsed && (
        <div class="panel" role="dialog" aria-label={t('extName')}>
          <div class="row">
            <span class="label">{t('dockAdapter')}</span>
            <span>{adapterName}</span>
          </div>
          <div class="label">{t('dockParts')}</div>
          <ul class="parts">
            {parts.map((part) => (
              <li key={`${part.kind}.${part.name}`} data-missing={String(!part.optional && part.count === 0)}>
                <span>{label(part)}</span>
                <span class="count">
                  {!part.optional && part.count === 0 && repoint(part)} {part.count}
                </span>
              </li>
            ))}
          </ul>
          <div class="actions">
            <button type="button" name="dock-teach" onClick={() => onTeach()}>{t('teachTitle')}</button>
            <button type="button" onClick={onOpenLog}>{t('dockOpenLog')}</button>
            <button type="button" onClick={() => setOpen(false)}>{t('dockClose')}</button>
          </div>
        </div>
      )}
      <div class="mark" ref={mark}>
        {grip}
        {place.collapsed ? (
          <button type="button" class="handle" title={t('dockExpand')} aria-label={t('dockExpand')} aria-expanded="false" onClick={() => onCollapse(false)}>
            <span class="dot" />
            <span class="brand">{t('dockShort')}</span>
          </button>
        ) : (
          <>
            <button type="button" class="pill" aria-expanded={open} onClick={() => setOpen(!open)}>
              <span class="dot" />
              <span class="brand">{t('extName')}</span>
              <span class="kind">{[...new Set(pageKinds)].map((kind) => t(`pageKind_${kind}`)).join('·')}</span>
              <span class="health">{healthy ? t('dockHealthy') : t('dockMissing', String(missing.length))}</span>
            </button>
            <button type="button" class="collapse" title={t('dockCollapse')} aria-label={t('dockCollapse')} onClick={() => (setOpen(false), onCollapse(true))}>
              –
            </button>
          </>
        )}
      </div>
    </div>
  );
}
