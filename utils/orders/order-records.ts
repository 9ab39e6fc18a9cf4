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
