import { describe, expect, it } from 'vitest';
import { OwnWrites } from '@/utils/settings/own-writes';

describe('telling our own settings writes from changes made elsewhere', () => {
  it('ignores echoes that arrive after later keystrokes were written (Firefox reports them late)', () => {
    const writes = new OwnWrites();
    // The agent types 旗, 舰, 店 faster than storage reports back.
    writes.wrote({ shopName: '小二演示旗' });
    writes.wrote({ shopName: '小二演示旗舰' });
    writes.wrote({ shopName: '小二演示旗舰店' });
    expect(writes.isEcho({ shopName: '小二演示旗' })).toBe(true);
    expect(writes.isEcho({ shopName: '小二演示旗舰' })).toBe(true);
    expect(writes.isEcho({ shopName: '小二演示旗舰店' })).toBe(true);
  });

  it('takes a change made in another page, even while our writes are pending', () => {
    const writes = new OwnWrites();
    writes.wrote({ agentId: '1' });
    expect(writes.isEcho({ agentId: '99' })).toBe(false);
    expect(writes.isEcho({ agentId: '1' })).toBe(true);
    // Once its echo came, the same value written elsewhere later is a change again.
    expect(writes.isEcho({ agentId: '1' })).toBe(false);
  });

  it('an echo settles the writes before it, and a failed write expects no echo', () => {
    const writes = new OwnWrites();
    writes.wrote({ n: 1 });
    writes.wrote({ n: 2 });
    expect(writes.isEcho({ n: 2 })).toBe(true);
    expect(writes.isEcho({ n: 1 })).toBe(false);
    writes.wrote({ n: 3 });
    writes.failed({ n: 3 });
    expect(writes.isEcho({ n: 3 })).toBe(false);
  });
});
