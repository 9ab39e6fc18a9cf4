/**
 * Where the status dock sits, per console host: consoles lay out their own controls differently, so a corner free
 * on one console may hold another's 发送 button, and an agent who moved the dock away from one console's controls
 * wants it there on that console only. Its own storage item, not part of the settings: moving the dock must not
 * restart every feature, as a settings change does. Read by the content script only.
 */
export type DockCorner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

export interface DockPlace {
  corner: DockCorner;
  /** Distance (px) from the corner's side edge (right for *-right, left for *-left). */
  x: number;
  /** Distance (px) from the corner's top or bottom edge. */
  y: number;
  collapsed: boolean;
}

export const DOCK_CORNERS: readonly DockCorner[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];
export const DEFAULT_DOCK_PLACE: DockPlace = { corner: 'bottom-right', x: 16, y: 16, collapsed: false };
/** The hosts remembered; the least recently moved are forgotten first. */
const MAX_HOSTS = 50;

type Stored = Record<string, DockPlace & { at: number }>;
const dockPlacesItem = storage.defineItem<Stored>('local:dockPlaces', { fallback: {} });

const offset = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(4000, Math.max(0, Math.round(value))) : fallback;

/** A stored value made safe: anything odd takes the default (the item is written by this file only, but may be old). */
export function normalizeDockPlace(stored: unknown): DockPlace {
  const given = (stored && typeof stored === 'object' ? stored : {}) as Partial<DockPlace>;
  return {
    corner: DOCK_CORNERS.includes(given.corner as DockCorner) ? (given.corner as DockCorner) : DEFAULT_DOCK_PLACE.corner,
    x: offset(given.x, DEFAULT_DOCK_PLACE.x),
    y: offset(given.y, DEFAULT_DOCK_PLACE.y),
    collapsed: given.collapsed === true,
  };
}

export async function loadDockPlace(host: string): Promise<DockPlace> {
  return normalizeDockPlace((await dockPlacesItem.getValue())[host]);
}

export async function saveDockPlace(host: string, place: DockPlace, at: number): Promise<void> {
  const all = { ...(await dockPlacesItem.getValue()), [host]: { ...normalizeDockPlace(place), at } };
  const kept = Object.entries(all)
    .sort((a, b) => (b[1].at ?? 0) - (a[1].at ?? 0))
    .slice(0, MAX_HOSTS);
  await dockPlacesItem.setValue(Object.fromEntries(kept));
}
