import type { Feature } from '@/utils/runtime/feature';
import { statusDock } from './features/status-dock';
import { stockBadges } from './features/stock-badges';
import { snippetPalette } from './features/snippet-palette';
import { toneHint } from './features/tone-hint';
import { orderCare } from './features/order-care';
import { responseClock } from './features/response-clock';

/** Every feature a console tab can run; the registry decides which run on the current page. */
export const FEATURES: readonly Feature[] = [statusDock, stockBadges, snippetPalette, toneHint, orderCare, responseClock];
