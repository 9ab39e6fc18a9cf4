import { describe, expect, it } from 'vitest';
import { quietly } from '@/utils/runtime/quietly';

describe('quietly', () => {
  it('runs the work', async () => {
    let ran = false;
    await quietly(() => (ran = true));
    expect(ran).toBe(true);
  });

  it('swallows what it throws or rejects with', async () => {
    await expect(
      quietly(() => {
        throw new Error('Extension context invalidated.');
      }),
    ).resolves.toBeUndefined();
    await expect(quietly(() => Promise.reject(new Error('Receiving end does not exist.')))).resolves.toBeUndefined();
  });

  it('runs synchronous work at once, so cleanup happens before the caller goes on', () => {
    let ran = false;
    void quietly(() => (ran = true));
    expect(ran).toBe(true);
  });
});
