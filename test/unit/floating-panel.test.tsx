import { describe, expect, it } from 'vitest';
import { createFloatingPanel } from '@/utils/ui/floating-panel';

describe('createFloatingPanel', () => {
  it('puts one host on the page, draws into it again, and takes it off', () => {
    const created: HTMLElement[] = [];
    const panel = createFloatingPanel('xiaoer-test-panel', '.x { color: red }', (host) => created.push(host));
    expect(panel.host).toBeNull();
    const first = panel.show(<p>one</p>);
    const again = panel.show(<p>two</p>);
    expect(again.host).toBe(first.host);
    expect(created).toEqual([first.host]);
    expect(document.querySelectorAll('xiaoer-test-panel')).toHaveLength(1);
    expect(first.container.textContent).toBe('two');
    expect(first.shadow.querySelector('style')?.textContent).toContain('color: red');
    panel.close();
    expect(panel.host).toBeNull();
    expect(first.host.isConnected).toBe(false);
    expect(first.container.textContent).toBe('');
    panel.close();
    const reopened = panel.show(<p>three</p>);
    expect(reopened.host).not.toBe(first.host);
    expect(created).toHaveLength(2);
    panel.close();
  });
});
