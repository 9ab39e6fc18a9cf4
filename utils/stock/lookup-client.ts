import { sendToWorker } from '../messaging/send-to-worker';
import type { StockHit } from './stock-index';
import { unpackHits } from './stock-wire';

/** Real stock of the given (normalised) codes, asked of the worker in one message; unknown codes are absent. */
export async function lookUpStock(codes: string[]): Promise<Record<string, StockHit>> {
  return unpackHits(codes, await sendToWorker({ type: 'stock.lookup', codes }));
}
