import { sendToWorker } from '@/utils/messaging/send-to-worker';
import { MAX_LOOKUP_CODES } from '@/utils/stock/limits';
import { lookUpStock } from '@/utils/stock/lookup-client';
import type { StockHit } from '@/utils/stock/stock-index';
import type { StockTarget } from '@/utils/stock/stock-targets';
import { unpackHits } from '@/utils/stock/stock-wire';

export type StockCache = ReturnType<typeof createStockCache>;

/**
 * The real stock of the codes on this page, as the worker answered: `null` for a code it does not know. Cleared
 * when the stock changes; an answer asked for before that is dropped, as it may be old.
 */
export function createStockCache() {
  const hits = new Map<string, StockHit | null>();
  /** Counts the stock changes: an answer is kept only if none came while it was asked for. */
  let generation = 0;

  /** Codes asked for and not answered yet, with the question that carries them: a code is never asked twice. */
  const asking = new Map<string, Promise<boolean>>();

  /** Codes of the targets whose stock is not known yet. */
  const unknownCodes = (targets: StockTarget[]) => [...new Set(targets.flatMap((target) => target.codes))].filter((code) => !hits.has(code));

  /**
   * Asks the worker for the codes not known and not already asked for, and waits for those asked by others too;
   * false when the stock changed meanwhile (answer dropped).
   */
  async function ask(codes: string[]): Promise<boolean> {
    const fresh = [...new Set(codes)].filter((code) => !hits.has(code) && !asking.has(code));
    const waits = [...new Set(codes.map((code) => asking.get(code)).filter((wait): wait is Promise<boolean> => !!wait))];
    if (fresh.length) {
      const asked = generation;
      const question = lookUpStock(fresh).then((answer) => {
        if (asked !== generation) return false;
        for (const code of fresh) hits.set(code, answer[code] ?? null);
        return true;
      });
      const settled = question.finally(() => fresh.forEach((code) => asking.get(code) === settled && asking.delete(code)));
      fresh.forEach((code) => asking.set(code, settled));
      waits.push(settled);
    }
    return (await Promise.all(waits)).every(Boolean);
  }

  return {
    get: (code: string) => hits.get(code),
    isKnown: (target: StockTarget) => target.codes.every((code) => hits.has(code)),
    unknownCodes,
    ask,
    /** Asks for every code of the targets not known yet, in messages of the worker's size; stops at a stock change. */
    async lookUp(targets: StockTarget[]): Promise<void> {
      const missing = unknownCodes(targets);
      for (let i = 0; i < missing.length; i += MAX_LOOKUP_CODES) {
        if (!(await ask(missing.slice(i, i + MAX_LOOKUP_CODES)))) return;
      }
    },
    /**
     * The stock of the codes this console showed lately, in one message (the worker keeps the list), so rows that
     * come back get their badges at once. False when the stock changed meanwhile.
     */
    async primeRecent(): Promise<boolean> {
      const asked = generation;
      const { codes, reply } = await sendToWorker({ type: 'stock.recent' });
      if (asked !== generation) return false;
      const answer = unpackHits(codes, reply);
      for (const code of codes) if (!hits.has(code)) hits.set(code, answer[code] ?? null);
      return true;
    },
    /** The stock changed: forget all, and drop the answers on their way. */
    clear(): void {
      generation++;
      hits.clear();
      asking.clear();
    },
  };
}
