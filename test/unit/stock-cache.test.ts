import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StockHit } from '@/utils/stock/stock-index';

const asked: { codes: string[]; answer: (hits: Record<string, StockHit>) => void }[] = [];
vi.mock('@/utils/stock/lookup-client', () => ({
  lookUpStock: (codes: string[]) => new Promise((answer) => asked.push({ codes, answer })),
}));
const { createStockCache } = await import('@/entrypoints/console.content/features/stock-badges/stock-cache');

const hit = (available: number) => ({ available }) as unknown as StockHit;
const target = (...codes: string[]) => ({ place: document.createElement('div'), anchor: document.createElement('div'), codes, pageStock: null });

describe('stock cache', () => {
  beforeEach(() => {
    asked.length = 0;
  });

  it('keeps what the worker answered, and null for codes it does not know', async () => {
    const cache = createStockCache();
    const done = cache.ask(['A', 'B']);
    asked[0]!.answer({ A: hit(3) });
    await expect(done).resolves.toBe(true);
    expect(cache.get('A')).toEqual(hit(3));
    expect(cache.get('B')).toBeNull();
    expect(cache.isKnown(target('A', 'B'))).toBe(true);
    expect(cache.unknownCodes([target('A', 'C'), target('C', 'D')])).toEqual(['C', 'D']);
  });

  it('drops an answer asked for before the stock changed', async () => {
    const cache = createStockCache();
    const done = cache.ask(['A']);
    cache.clear();
    asked[0]!.answer({ A: hit(3) });
    await expect(done).resolves.toBe(false);
    expect(cache.isKnown(target('A'))).toBe(false);
  });

  it('looks up only the unknown codes', async () => {
    const cache = createStockCache();
    const first = cache.ask(['A']);
    asked[0]!.answer({});
    await first;
    const done = cache.lookUp([target('A', 'B'), target('B', 'C')]);
    expect(asked[1]!.codes).toEqual(['B', 'C']);
    asked[1]!.answer({ C: hit(1) });
    await done;
    expect(cache.get('C')).toEqual(hit(1));
  });

  it('never asks twice for a code on its way: a second question waits for the first answer', async () => {
    const cache = createStockCache();
    const first = cache.ask(['A', 'B']);
    const second = cache.ask(['B', 'C']);
    expect(asked.map((question) => question.codes)).toEqual([['A', 'B'], ['C']]);
    asked[1]!.answer({ C: hit(2) });
    let secondDone = false;
    void second.then(() => (secondDone = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(secondDone).toBe(false); // B is still on its way
    asked[0]!.answer({ B: hit(5) });
    await expect(second).resolves.toBe(true);
    await expect(first).resolves.toBe(true);
    expect(cache.get('B')).toEqual(hit(5));
    await cache.ask(['A', 'B', 'C']);
    expect(asked).toHaveLength(2);
  });
});
