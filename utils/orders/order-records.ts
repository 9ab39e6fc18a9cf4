/** What Xiaoer remembers of an order: whether its receiver was verified, by a hash, never the address itself. */
export interface OrderCareRecord {
  id: string;
  /** Keyed hash (HMAC-SHA-256, this install's secret) of the normalised receiver when it was verified. */
  fingerprint?: string;
  verifiedAt?: number;
  verifiedBy?: string;
  updatedAt: number;
}

/** A remark Xiaoer wrote into an order, for the history view. */
export interface RemarkRecord {
  id: string;
  orderId: string;
  text: string;
  flag: number;
  reason: string;
  agentId: string;
  at: number;
}

/** Verification marks and remark history are kept this long, then deleted (buyer data: no longer than needed). */
export const ORDER_RECORDS_DAYS = 90;

/** The instant before which marks and remarks are gone (a remark holds the new address a buyer gave). */
export const orderRecordsCutoff = (now: number) => now - ORDER_RECORDS_DAYS * 24 * 60 * 60 * 1000;

/**
 * A remark on its way into an order's editor, recorded before the editor is touched: the extension may be updated
 * (Firefox unloads the old content script at once) between writing the editor and recording it. Whoever next looks
 * at that tab's order settles it — into the history if the editor holds its text, dropped if not.
 */
export interface PendingRemark extends Omit<RemarkRecord, 'at'> {
  /** The console tab whose editor it goes into: only that tab's page can say whether it landed. */
  tabId: number;
  /** The content script writing it: that script settles it itself; another one (after an update) from the page. */
  writer: string;
  at: number;
}

/** A pending remark nobody settled within this long (its tab closed, its order gone from the page) is dropped. */
export const PENDING_REMARK_MAX_AGE_MS = 60 * 60_000;
