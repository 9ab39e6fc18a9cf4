import type { PageKind } from '../adapters/vocabulary';

/** The kinds of page an agent can teach (the generic kind has no parts). */
export type TeachKind = Exclude<PageKind, 'generic'>;
export const TEACH_KINDS: readonly TeachKind[] = ['items', 'orders', 'chat'];

/** One thing the agent points at: a part of a page kind, inside its container part or on the whole page. */
export interface TeachStep {
  kind: TeachKind;
  part: string;
  /** The container part it is looked for in (a row, an order, a conversation). */
  within?: string;
  /** A container: "all rows like this" applies, and fields are then looked for inside it. */
  container?: boolean;
  /** The features work without it: the agent may skip it. */
  optional?: boolean;
}

/**
 * The parts the features need, per kind, in the order an agent sees them: stock badges need item rows with the
 * outer code (and the page's stock to compare); order care the order rows with their id, status and receiver;
 * the palette and the response clock the conversations, the current buyer and the reply box.
 */
export const TEACH_PLAN: Record<TeachKind, readonly TeachStep[]> = {
  items: [
    { kind: 'items', part: 'row', container: true },
    { kind: 'items', part: 'outerCode', within: 'row' },
    { kind: 'items', part: 'pageStock', within: 'row', optional: true },
  ],
  orders: [
    { kind: 'orders', part: 'order', container: true },
    { kind: 'orders', part: 'orderId', within: 'order' },
    { kind: 'orders', part: 'status', within: 'order' },
    { kind: 'orders', part: 'receiverName', within: 'order', optional: true },
    { kind: 'orders', part: 'receiverPhone', within: 'order', optional: true },
    { kind: 'orders', part: 'receiverAddress', within: 'order' },
  ],
  chat: [
    { kind: 'chat', part: 'conversation', container: true },
    { kind: 'chat', part: 'conversationBuyer', within: 'conversation' },
    { kind: 'chat', part: 'currentBuyer' },
    { kind: 'chat', part: 'replyInput' },
  ],
};

/** The steps for the kinds chosen, in the plan's order. */
export function stepsFor(kinds: readonly TeachKind[]): TeachStep[] {
  return TEACH_KINDS.filter((k) => kinds.includes(k)).flatMap((k) => TEACH_PLAN[k]);
}

/** The step that re-points one part of a page (its container as the plan knows it, or as the adapter has it). */
export function stepForPart(kind: TeachKind, part: string, within?: string): TeachStep {
  const planned = TEACH_PLAN[kind].find((s) => s.part === part);
  return planned ?? { kind, part, within };
}
