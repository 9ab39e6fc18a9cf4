import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REMARK_REASONS,
  DEFAULT_REMARK_TEMPLATE,
  REMARK_FLAGS,
  REMARK_MAX_LENGTH,
  appendRemark,
  formatRemark,
  parseRemarkTemplate,
  validateTemplate,
  type RemarkInput,
} from '@/utils/orders/remark-format';

const AT = new Date('2026-11-24T14:03:00+08:00');
const input = (detail: string, more: Partial<RemarkInput> = {}): RemarkInput => ({ reason: '改地址', detail, agentId: '1023', at: AT, ...more });
const fmt = (detail: string, more: Partial<RemarkInput> = {}, template = DEFAULT_REMARK_TEMPLATE) => formatRemark(template, input(detail, more));
const TAIL = ' /工号1023 11-24 14:03';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('constants', () => {
  it('flags, reasons and the default template', () => {
    expect(REMARK_FLAGS.map((f) => `${f.value}${f.name}${f.zh}`)).toEqual(['1red红', '2yellow黄', '3green绿', '4blue蓝', '5purple紫']);
    expect(DEFAULT_REMARK_REASONS).toEqual(['改地址', '改颜色/尺码', '加赠品', '延迟发货', '开发票', '催发货', '退款', '其他']);
    expect(DEFAULT_REMARK_TEMPLATE).toBe('[{原因}] {内容} /工号{工号} {时间}');
    expect(REMARK_MAX_LENGTH).toBe(500);
  });
});

describe('formatRemark', () => {
  it('writes the demo shop remark', () => {
    expect(fmt('新地址：浙江省 杭州市 余杭区 五常街道 西溪八方城3幢1502')).toBe(
      '[改地址] 新地址：浙江省 杭州市 余杭区 五常街道 西溪八方城3幢1502 /工号1023 11-24 14:03',
    );
  });

  it('understands English names, {日期}, and spaced / full-width / upper-case names', () => {
    expect(fmt('送小样×2', { reason: '加赠品', agentId: '1007' }, '{reason}:{detail} #{agentId} {date} {time}')).toBe(
      '加赠品:送小样×2 #1007 11-24 11-24 14:03',
    );
    expect(fmt('x', {}, '{ 原因 }/{Detail}/{ＡｇｅｎｔＩｄ}')).toBe('改地址/x/1023');
  });

  it('formats the time in China time (UTC+8) whatever the machine zone', () => {
    // 2026-12-31 16:05 UTC is 2027-01-01 00:05 in Beijing.
    expect(fmt('x', { at: new Date(Date.UTC(2026, 11, 31, 16, 5)) }, '{日期}|{时间}')).toBe('01-01|01-01 00:05');
    expect(fmt('x', { at: new Date(Date.UTC(2026, 2, 9, 1, 2)) }, '{时间}')).toBe('03-09 09:02');
  });

  it('an empty detail leaves one space, not two', () => {
    expect(fmt('')).toBe('[改地址] /工号1023 11-24 14:03');
    expect(fmt('   \n\t ')).toBe('[改地址] /工号1023 11-24 14:03');
  });

  it('puts a multi-line detail on one line and collapses whitespace', () => {
    expect(fmt('新地址：\n浙江省\t杭州市   西湖区\r\n电话\u3000138\u0000')).toBe(`[改地址] 新地址： 浙江省 杭州市 西湖区 电话 138${TAIL}`);
    expect(fmt('x', { reason: ' 改\n地址 ', agentId: ' 1023\n' })).toBe(`[改 地址] x${TAIL}`);
    expect(fmt('x', {}, '  [{原因}]\n{内容}  \t/工号{工号} {时间}\n')).toBe(`[改地址] x${TAIL}`);
  });

  it('keeps braces in values as text: a value is never expanded again', () => {
    expect(fmt('{内容}{工号} {时间} {{x}} {')).toBe(`[改地址] {内容}{工号} {时间} {{x}} {${TAIL}`);
    expect(fmt('x', { reason: '{内容}' })).toBe(`[{内容}] x${TAIL}`);
  });

  it('keeps HTML-ish text as it is', () => {
    expect(fmt('<img src=x onerror=alert(1)> &amp; <b>加急</b>')).toBe(`[改地址] <img src=x onerror=alert(1)> &amp; <b>加急</b>${TAIL}`);
  });

  it('keeps unknown and malformed braces literally', () => {
    expect(fmt('x', {}, '[{原因}] {内容} {订单号} {} { } {原因')).toBe('[改地址] x {订单号} {} { } {原因');
    expect(fmt('x', {}, '{原因}}} {{内容}')).toBe('改地址}} {x');
    expect(fmt('x', {}, `{${'a'.repeat(51)}}{内容}`)).toBe(`{${'a'.repeat(51)}}x`);
  });

  it('drops the spaces around | in values (" | " separates remark entries)', () => {
    expect(fmt('颜色 | 尺码 ｜ 款式|')).toBe(`[改地址] 颜色|尺码｜款式${TAIL}`);
  });

  it('cuts a 600-character detail so the line is 500, keeping reason, agent id and time', () => {
    const out = fmt('x'.repeat(600));
    expect(out).toBe(`[改地址] ${'x'.repeat(473)}…${TAIL}`);
    expect(out.length).toBe(500);
  });

  it('a 500-character line is not cut; 501 is', () => {
    const fits = 500 - '[改地址] '.length - TAIL.length;
    expect(fmt('y'.repeat(fits))).toBe(`[改地址] ${'y'.repeat(fits)}${TAIL}`);
    expect(fmt('y'.repeat(fits + 1))).toBe(`[改地址] ${'y'.repeat(fits - 1)}…${TAIL}`);
  });

  it('never splits an emoji at the cut point', () => {
    // 473 units are free for the detail: the emoji would take units 473–474 (or 473–480).
    for (const emoji of ['😀', '👨‍👩‍👧', '👍🏽', '🇨🇳']) {
      const out = fmt(`${'x'.repeat(472)}${emoji}${'y'.repeat(100)}`);
      expect(out).toBe(`[改地址] ${'x'.repeat(472)}…${TAIL}`);
      expect(LONE_SURROGATE.test(out)).toBe(false);
    }
    // An emoji that fits is kept whole.
    expect(fmt(`${'x'.repeat(470)}😀${'y'.repeat(100)}`)).toBe(`[改地址] ${'x'.repeat(470)}😀y…${TAIL}`);
  });

  it('does not leave a space before the ellipsis', () => {
    expect(fmt(`${'x'.repeat(472)} yyyy${'z'.repeat(100)}`)).toBe(`[改地址] ${'x'.repeat(472)}…${TAIL}`);
  });

  it('handles a huge pasted detail quickly', () => {
    const started = performance.now();
    const out = fmt('长'.repeat(1_000_000));
    expect(out.length).toBe(500);
    expect(out.endsWith(`…${TAIL}`)).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('honours maxLength, and cuts the whole line only when reason/agent/time alone cannot fit', () => {
    expect(fmt('abcdefghij', {}, DEFAULT_REMARK_TEMPLATE)).toBe(`[改地址] abcdefghij${TAIL}`);
    expect(formatRemark(DEFAULT_REMARK_TEMPLATE, input('abcdefghij'), 30)).toBe(`[改地址] abc…${TAIL}`);
    const hugeReason = fmt('x', { reason: '原'.repeat(600) });
    expect(hugeReason).toBe(`[${'原'.repeat(498)}…`);
    expect(fmt('x'.repeat(600), {}, '{原因} {工号}')).toBe('改地址 1023'); // no {内容}: nothing to cut
  });

  it('an invalid date gives an empty time', () => {
    expect(fmt('x', { at: new Date(NaN) })).toBe('[改地址] x /工号1023');
  });
});

describe('parseRemarkTemplate', () => {
  it('splits text, variables and unknown tokens', () => {
    expect(parseRemarkTemplate('[{原因}] {x}')).toEqual([
      { kind: 'text', text: '[' },
      { kind: 'var', name: 'reason', raw: '{原因}' },
      { kind: 'text', text: '] ' },
      { kind: 'unknown', raw: '{x}' },
    ]);
  });
});

describe('appendRemark', () => {
  const line = `[改地址] 新地址${TAIL}`;

  it('an empty remark becomes the line', () => {
    expect(appendRemark('', line)).toEqual({ text: line, truncated: false });
    expect(appendRemark(' \n ', line)).toEqual({ text: line, truncated: false });
  });

  it('appends after " | ", keeping what was there', () => {
    expect(appendRemark('买家要求周五发', line)).toEqual({ text: `买家要求周五发 | ${line}`, truncated: false });
    expect(appendRemark('  缺货待调拨，已和买家沟通\n\n', line).text).toBe(`  缺货待调拨，已和买家沟通 | ${line}`);
    expect(appendRemark('a | b', line).text).toBe(`a | b | ${line}`);
  });

  it('does not double the separator', () => {
    expect(appendRemark('顺丰发 | ', line).text).toBe(`顺丰发 | ${line}`);
    expect(appendRemark('顺丰发｜', line).text).toBe(`顺丰发｜ ${line}`);
  });

  it('puts the new line on one line; a blank line changes nothing', () => {
    expect(appendRemark('a', 'b\nc').text).toBe('a | b c');
    expect(appendRemark('a \n', '  ')).toEqual({ text: 'a', truncated: false });
  });

  it('reports an over-long result and never cuts the existing text', () => {
    const existing = '老'.repeat(480);
    const r = appendRemark(existing, line);
    expect(r.truncated).toBe(true);
    expect(r.text).toBe(`${existing} | ${line}`);
    expect(appendRemark('a'.repeat(497), 'b')).toEqual({ text: `${'a'.repeat(497)} | b`, truncated: true });
    expect(appendRemark('a'.repeat(496), 'b')).toEqual({ text: `${'a'.repeat(496)} | b`, truncated: false });
    expect(appendRemark('a', 'b', 4)).toEqual({ text: 'a | b', truncated: true });
  });
});

describe('validateTemplate', () => {
  it('accepts the default and reasonable custom templates', () => {
    expect(validateTemplate(DEFAULT_REMARK_TEMPLATE)).toEqual([]);
    expect(validateTemplate('{原因}：{内容}（{agentId} {date}）')).toEqual([]);
    expect(validateTemplate('{内容}')).toEqual([]);
  });

  it('reports problems in Chinese', () => {
    expect(validateTemplate('')).toEqual(['模板不能为空']);
    expect(validateTemplate('  \n')).toEqual(['模板不能为空']);
    expect(validateTemplate('/工号{工号} {时间}')).toEqual(['模板必须包含 {原因} 或 {内容}']);
    expect(validateTemplate('[{原因}] {内容} {订单号} {买家} {订单号}')).toEqual(['未知变量：{订单号}、{买家}（会按原样写入备注）']);
    expect(validateTemplate('{foo}')).toEqual(['模板必须包含 {原因} 或 {内容}', '未知变量：{foo}（会按原样写入备注）']);
    expect(validateTemplate('{原因} | {内容}')).toEqual(['模板不能包含“ | ”：它用于分隔多条备注']);
    expect(validateTemplate('{原因}|{内容}')).toEqual([]);
    expect(validateTemplate(`${'说'.repeat(450)}{内容}`)).toEqual(['模板固定文字过长：备注最多 500 字，留给内容的不到 100 字']);
  });
});
