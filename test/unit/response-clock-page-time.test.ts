import { describe, expect, it } from 'vitest';
import { PageParts } from '@/utils/adapters/page-parts';
import { demoConsoleAdapter } from '@/utils/adapters/builtin/demo-console';
import { parseConversationTimes, parsePageTime } from '@/utils/response-clock/page-time';
import { readOpenConversation } from '@/utils/response-clock/read-chat';

// Console times are read in the browser's zone; these tests build their instants in the same (local) zone, so they
// hold whatever zone the machine running them is in.
const local = (day: number, h: number, m: number, s = 0) => new Date(2027, 0, day, h, m, s).getTime();

describe('dateless console times, read at three times of day', () => {
  it('at 00:01: a time after now is yesterday, a time before it today', () => {
    const now = local(10, 0, 1);
    expect(parsePageTime('23:59', now)).toBe(local(9, 23, 59));
    expect(parsePageTime('23:58:30', now)).toBe(local(9, 23, 58, 30));
    expect(parsePageTime('00:00:40', now)).toBe(local(10, 0, 0, 40));
    expect(parsePageTime('00:01', now)).toBe(local(10, 0, 1));
  });

  it('at 09:50: the morning is today, the evening yesterday', () => {
    const now = local(10, 9, 50);
    expect(parsePageTime('09:49:12', now)).toBe(local(10, 9, 49, 12));
    expect(parsePageTime('08:00', now)).toBe(local(10, 8, 0));
    expect(parsePageTime('10:19', now)).toBe(local(9, 10, 19));
    expect(parsePageTime('18:30', now)).toBe(local(9, 18, 30));
    // Half a minute ahead is a clock that differs, not yesterday.
    expect(parsePageTime('09:50:30', now)).toBe(local(10, 9, 50, 30));
  });

  it('at 23:59: the whole day is today', () => {
    const now = local(10, 23, 59);
    expect(parsePageTime('00:00', now)).toBe(local(10, 0, 0));
    expect(parsePageTime('12:00', now)).toBe(local(10, 12, 0));
    expect(parsePageTime('23:58:59', now)).toBe(local(10, 23, 58, 59));
  });

  it('reads a date, 昨天 and 前天 as the page says, and nothing from text without a time', () => {
    const now = local(10, 0, 1);
    expect(parsePageTime('01-09 23:50', now)).toBe(local(9, 23, 50));
    expect(parsePageTime('2027-01-08 10:00:05', now)).toBe(local(8, 10, 0, 5));
    expect(parsePageTime('昨天 00:00', now)).toBe(local(9, 0, 0));
    expect(parsePageTime('前天 12:30', now)).toBe(local(8, 12, 30));
    // A December date read in January is last year's.
    expect(parsePageTime('12-31 23:50', now)).toBe(new Date(2026, 11, 31, 23, 50).getTime());
    expect(parsePageTime('昨天', now)).toBeNull();
    expect(parsePageTime('25:61', now)).toBeNull();
  });
});

describe('a conversation keeps its order', () => {
  it('across midnight, read at 00:01: 23:58 then 00:00 then 00:01', () => {
    expect(parseConversationTimes(['23:58:10', '00:00:20', '00:01'], local(10, 0, 1))).toEqual([local(9, 23, 58, 10), local(10, 0, 0, 20), local(10, 0, 1)]);
  });

  it('read at 23:59, a message shown before one of 00:05 that is later in the day was the day before', () => {
    // Without the order rule 23:50 would be today, after the 00:05 message that follows it.
    expect(parseConversationTimes(['23:50', '00:05', '23:58'], local(10, 23, 59))).toEqual([local(9, 23, 50), local(10, 0, 5), local(10, 23, 58)]);
  });

  it('at 09:50 a dated message bounds nothing it should not, and messages without a time stay null', () => {
    expect(parseConversationTimes(['01-09 18:00', null, '09:40', '09:49'], local(10, 9, 50))).toEqual([local(9, 18, 0), null, local(10, 9, 40), local(10, 9, 49)]);
    // Equal times are in order.
    expect(parseConversationTimes(['09:40', '09:40'], local(10, 9, 50))).toEqual([local(10, 9, 40), local(10, 9, 40)]);
  });

  it('the open conversation waits from its first unanswered message, read against the messages after it', () => {
    const msg = (from: 'buyer' | 'seller', time: string) =>
      `<div class="msg-row msg-from-${from}"><div class="msg-bubble">…</div><span class="msg-time">${time}</span></div>`;
    // The page was drawn at 23:59:50 and is read at 00:00:30: the buyer's 23:59:40 is yesterday's, 30 s before
    // the 00:00:10 message after it, not a wait that starts nearly a day from now.
    document.body.innerHTML = `<span class="chat-buyer-nick">tb_小鹿酱</span>
      <div class="msg-list">${msg('seller', '23:50:00')}${msg('buyer', '23:59:40')}${msg('buyer', '00:00:10')}</div>`;
    const parts = new PageParts<'chat'>(demoConsoleAdapter.pages.find((p) => p.kind === 'chat')!);
    expect(readOpenConversation(parts, undefined, local(10, 0, 0, 30))?.waitingSinceOnPage).toBe(local(9, 23, 59, 40));
  });
});
