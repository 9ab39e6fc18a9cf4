/**
 * What the worker keeps for the day figures, per conversation: a hashed buyer key and times — never message text,
 * never a name. Deleted after `keepDays` (settings, default 30).
 */
export type ClockRecord =
  /** A buyer began waiting (their message unanswered) while Xiaoer watched; answered when the agent replied. */
  | { id: string; kind: 'wait'; key: string; at: number; newBuyer: boolean; answeredAt?: number }
  /** The agent sent a reply; `snippetId` when a snippet was inserted into it. */
  | { id: string; kind: 'reply'; key: string; at: number; snippetId?: string }
  /** Xiaoer read the buyer's orders (`at`); `orderedAt` is the newest order's creation time it saw. */
  | { id: string; kind: 'orders'; key: string; at: number; orderedAt?: number };

export type WaitRecord = Extract<ClockRecord, { kind: 'wait' }>;

/** The live state of one conversation, so the clock survives reloads, tab switches and worker restarts. */
export interface ClockConversation {
  key: string;
  /** Start of the current wait; null when the buyer is answered. */
  waitingSince: number | null;
  /** The current wait is a new buyer's first message. */
  newBuyer: boolean;
  /** Id of the wait record being timed (absent for waits Xiaoer did not see begin: not counted in the figures). */
  waitId?: string;
  /** The passed-the-target alert was given for this wait (one per buyer per wait). */
  alerted: boolean;
  updatedAt: number;
}
