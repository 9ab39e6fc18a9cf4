import { describe, expect, it } from 'vitest';
import { TabEvents } from '@/utils/runtime/tab-events';

describe('TabEvents', () => {
  it('calls the listeners of an event in order with its detail, and no longer once removed', () => {
    const events = new TabEvents();
    const heard: string[] = [];
    const off = events.on('snippet-inserted', (detail) => heard.push(`a:${String(detail)}`));
    events.on('snippet-inserted', (detail) => heard.push(`b:${String(detail)}`));
    events.on('clock-jump', () => heard.push('jump'));
    events.emit('snippet-inserted', 's1');
    off();
    events.emit('snippet-inserted', 's2');
    expect(heard).toEqual(['a:s1', 'b:s1', 'b:s2']);
  });

  it('a listener that throws does not keep the next from hearing', () => {
    const events = new TabEvents();
    const heard: string[] = [];
    events.on('palette-open', () => {
      throw new Error('broken feature');
    });
    events.on('palette-open', () => heard.push('second'));
    expect(() => events.emit('palette-open')).not.toThrow();
    expect(heard).toEqual(['second']);
  });
});
