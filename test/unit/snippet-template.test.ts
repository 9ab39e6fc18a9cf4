import { describe, expect, it } from 'vitest';
import {
  MAX_TEMPLATE_LENGTH,
  VARIABLES,
  describeTemplate,
  fillTemplate,
  formatDate,
  formatTime,
  parseTemplate,
  type VariableValues,
} from '@/utils/snippets/template';

const NOW = new Date(2026, 0, 5, 9, 7); // local 01-05 09:07
const fill = (body: string, values: VariableValues = {}, answers: string[] = []) =>
  fillTemplate(parseTemplate(body), values, answers, NOW);

describe('parseTemplate', () => {
  it('splits text, variables (Chinese or English) and prompt fields', () => {
    expect(parseTemplate('亲，{买家}您好，{shop}为您服务')).toEqual([
      { kind: 'text', text: '亲，' },
      { kind: 'var', name: 'buyer', raw: '{买家}' },
      { kind: 'text', text: '您好，' },
      { kind: 'var', name: 'shop', raw: '{shop}' },
      { kind: 'text', text: '为您服务' },
    ]);
    expect(parseTemplate('{输入:金额}{input:amount=10}{选择:顺丰|中通|圆通}{choose:a|b}')).toEqual([
      { kind: 'input', label: '金额', raw: '{输入:金额}', index: 0 },
      { kind: 'input', label: 'amount', defaultValue: '10', raw: '{input:amount=10}', index: 1 },
      { kind: 'choice', label: '顺丰/中通/圆通', options: ['顺丰', '中通', '圆通'], raw: '{选择:顺丰|中通|圆通}', index: 2 },
      { kind: 'choice', label: 'a/b', options: ['a', 'b'], raw: '{choose:a|b}', index: 3 },
    ]);
  });

  it('knows every variable by both names, English case-insensitively, full-width forms too', () => {
    for (const v of VARIABLES) {
      expect(parseTemplate(`{${v.zh}}`)).toEqual([{ kind: 'var', name: v.name, raw: `{${v.zh}}` }]);
      expect(parseTemplate(`{${v.en}}`)).toEqual([{ kind: 'var', name: v.name, raw: `{${v.en}}` }]);
    }
    expect(VARIABLES.map((v) => v.name)).toEqual([
      'buyer', 'shop', 'agent', 'agentId', 'orderId', 'receiver', 'address', 'product', 'stock', 'courier', 'date', 'time',
    ]);
    expect(parseTemplate('{ORDERID}{ 买家 }{ｂｕｙｅｒ}').map((p) => p.kind === 'var' && p.name)).toEqual(['orderId', 'buyer', 'buyer']);
    expect(parseTemplate('{输入：金额＝5}{选择：顺丰｜中通}')).toEqual([
      { kind: 'input', label: '金额', defaultValue: '5', raw: '{输入：金额＝5}', index: 0 },
      { kind: 'choice', label: '顺丰/中通', options: ['顺丰', '中通'], raw: '{选择：顺丰｜中通}', index: 1 },
    ]);
  });

  it('takes an optional choice label and cleans options', () => {
    expect(parseTemplate('{选择:快递: 顺丰 | |中通|顺丰}')).toEqual([
      { kind: 'choice', label: '快递', options: ['顺丰', '中通'], raw: '{选择:快递: 顺丰 | |中通|顺丰}', index: 0 },
    ]);
  });

  it('gives identical prompt fields one index', () => {
    const parts = parseTemplate('{输入:金额}元，确认{输入:金额}元，{输入:单号}');
    expect(parts.filter((p) => p.kind === 'input').map((p) => p.kind === 'input' && p.index)).toEqual([0, 0, 1]);
  });

  it('treats {{ and }} as literal braces', () => {
    expect(parseTemplate('{{买家}}')).toEqual([{ kind: 'text', text: '{买家}' }]);
    expect(parseTemplate('{{{买家}}}')).toEqual([
      { kind: 'text', text: '{' },
      { kind: 'var', name: 'buyer', raw: '{买家}' },
      { kind: 'text', text: '}' },
    ]);
    expect(parseTemplate('a}b}}c')).toEqual([{ kind: 'text', text: 'a}b}c' }]);
  });

  it('keeps unmatched braces as text and reports unknown tokens', () => {
    expect(parseTemplate('{买家')).toEqual([{ kind: 'text', text: '{买家' }]);
    expect(parseTemplate('{买家{店铺}')).toEqual([
      { kind: 'text', text: '{买家' },
      { kind: 'var', name: 'shop', raw: '{店铺}' },
    ]);
    expect(parseTemplate('{买\n家}')).toEqual([{ kind: 'text', text: '{买\n家}' }]);
    expect(parseTemplate('{不存在}{}{输入:}{选择:|}{foo:bar}')).toEqual([
      { kind: 'unknown', raw: '{不存在}' },
      { kind: 'unknown', raw: '{}' },
      { kind: 'unknown', raw: '{输入:}' },
      { kind: 'unknown', raw: '{选择:|}' },
      { kind: 'unknown', raw: '{foo:bar}' },
    ]);
    expect(parseTemplate('{\u202e买家}')).toEqual([{ kind: 'unknown', raw: '{\u202e买家}' }]);
    expect(parseTemplate(`{${'x'.repeat(501)}}`)).toEqual([{ kind: 'text', text: `{${'x'.repeat(501)}}` }]);
  });

  it('leaves HTML as plain text', () => {
    expect(parseTemplate('<script>alert(1)</script><img src=x onerror=alert(1)>{买家}')).toEqual([
      { kind: 'text', text: '<script>alert(1)</script><img src=x onerror=alert(1)>' },
      { kind: 'var', name: 'buyer', raw: '{买家}' },
    ]);
  });

  it('parses hostile 100 KB bodies quickly and caps longer ones', () => {
    const t0 = performance.now();
    const opens = '{'.repeat(MAX_TEMPLATE_LENGTH);
    expect(parseTemplate(opens)).toEqual([{ kind: 'text', text: '{'.repeat(MAX_TEMPLATE_LENGTH / 2) }]);
    const halfOpen = '{a'.repeat(MAX_TEMPLATE_LENGTH / 2);
    expect(parseTemplate(halfOpen)).toEqual([{ kind: 'text', text: halfOpen }]);
    const noClose = '{' + 'a'.repeat(MAX_TEMPLATE_LENGTH - 1);
    expect(parseTemplate(noClose)).toEqual([{ kind: 'text', text: noClose }]);
    const tokens = parseTemplate('{x}'.repeat(40_000));
    // 120 000 characters, cut at 100 000: 33 333 tokens and a lone "{"
    expect(tokens).toHaveLength(33_334);
    expect(tokens.at(-1)).toEqual({ kind: 'text', text: '{' });
    expect(describeTemplate('{x}{y}'.repeat(16_000)).unknown).toEqual(['{x}', '{y}']);
    expect(performance.now() - t0).toBeLessThan(2000);
    const long = parseTemplate('a'.repeat(MAX_TEMPLATE_LENGTH + 10));
    expect(long).toEqual([{ kind: 'text', text: 'a'.repeat(MAX_TEMPLATE_LENGTH) }]);
    // no half surrogate pair at the cut
    const emoji = parseTemplate('a'.repeat(MAX_TEMPLATE_LENGTH - 1) + '😀');
    expect(emoji).toEqual([{ kind: 'text', text: 'a'.repeat(MAX_TEMPLATE_LENGTH - 1) }]);
  });
});

describe('fillTemplate', () => {
  it('fills values and answers, and segments them', () => {
    const filled = fill('{买家}亲，退款{输入:退款金额}元走{选择:顺丰|中通}', { buyer: '小王' }, ['12.5', '顺丰']);
    expect(filled).toEqual({
      text: '小王亲，退款12.5元走顺丰',
      missing: [],
      complete: true,
      segments: [
        { text: '小王', state: 'value' },
        { text: '亲，退款', state: 'text' },
        { text: '12.5', state: 'prompt' },
        { text: '元走', state: 'text' },
        { text: '顺丰', state: 'prompt' },
      ],
    });
  });

  it('keeps missing and unknown tokens as typed and marks the result incomplete', () => {
    const filled = fill('订单{订单号}，{不存在}，再说{订单号}{输入:金额}', { orderId: '   ' }, ['  ']);
    expect(filled.text).toBe('订单{订单号}，{不存在}，再说{订单号}{输入:金额}');
    expect(filled.missing).toEqual(['{订单号}', '{不存在}', '{输入:金额}']);
    expect(filled.complete).toBe(false);
    expect(filled.segments).toEqual([
      { text: '订单', state: 'text' },
      { text: '{订单号}', state: 'missing' },
      { text: '，', state: 'text' },
      { text: '{不存在}', state: 'missing' },
      { text: '，再说', state: 'text' },
      { text: '{订单号}', state: 'missing' },
      { text: '{输入:金额}', state: 'missing' },
    ]);
  });

  it('uses the default of a blank input answer, never of a choice', () => {
    expect(fill('{输入:金额=10}元').text).toBe('10元');
    expect(fill('{输入:金额=10}元', {}, ['20']).text).toBe('20元');
    expect(fill('{选择:a|b}').missing).toEqual(['{选择:a|b}']);
  });

  it('answers identical prompts once', () => {
    expect(fill('{输入:金额}/{输入:金额}/{输入:单号}', {}, ['5', 'SF1']).text).toBe('5/5/SF1');
  });

  it('defaults date and time to now (local MM-DD, HH:mm), unless given', () => {
    expect(fill('{日期} {时间}').text).toBe('01-05 09:07');
    expect(fill('{date} {time}', { date: '明天', time: '下午' }).text).toBe('明天 下午');
    expect(formatDate(new Date(2026, 11, 31, 23, 59))).toBe('12-31');
    expect(formatTime(new Date(2026, 11, 31, 23, 59))).toBe('23:59');
  });

  it('inserts values verbatim (trimmed), never re-parsing them', () => {
    const filled = fill('{买家}', { buyer: ' {店铺}<b>x</b>\u202e ' });
    expect(filled.text).toBe('{店铺}<b>x</b>\u202e');
    expect(filled.complete).toBe(true);
  });

  it('keeps escaped braces literal in the output', () => {
    expect(fill('{{买家}} = {买家}', { buyer: 'A' }).text).toBe('{买家} = A');
  });
});

describe('describeTemplate', () => {
  it('lists variables, prompts and unknown tokens once each, in order', () => {
    expect(describeTemplate('{买家}{buyer}{订单号}{输入:金额=1}{输入:金额=1}{选择:a|b}{不存在}{不存在}{{x}}')).toEqual({
      variables: ['buyer', 'orderId'],
      prompts: [
        { kind: 'input', label: '金额', defaultValue: '1', raw: '{输入:金额=1}', index: 0 },
        { kind: 'choice', label: 'a/b', options: ['a', 'b'], raw: '{选择:a|b}', index: 1 },
      ],
      unknown: ['{不存在}'],
    });
  });
});
