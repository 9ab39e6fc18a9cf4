import { afterEach, describe, expect, it } from 'vitest';
import { clock, setClock } from '@/utils/clock';

describe('clock', () => {
  let restore = () => {};
  afterEach(() => restore());

  it('reads the machine time by default', () => {
    const before = Date.now();
    const read = clock.now();
    expect(read).toBeGreaterThanOrEqual(before);
    expect(read).toBeLessThanOrEqual(Date.now());
  });

  it('is pinned by a test and put back afterwards', () => {
    const at = Date.parse('2027-01-10T09:50:00+08:00');
    restore = setClock(at);
    expect(clock.now()).toBe(at);
    expect(clock.date().toISOString()).toBe('2027-01-10T01:50:00.000Z');
    restore();
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1000);
  });

  it('can run from a function', () => {
    let t = 1000;
    restore = setClock(() => t);
    t += 5;
    expect(clock.now()).toBe(1005);
  });
});
