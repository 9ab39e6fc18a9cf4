import { describe, expect, it } from 'vitest';
import { findNonstandardRemarks, isStandardRemark, remarkMatcher, splitRemarkEntries } from '@/utils/orders/remark-audit';
import { DEFAULT_REMARK_REASONS, appendRemark, formatRemark, DEFAULT_REMARK_TEMPLATE } from '@/utils/orders/remark-format';

// Remarks of the demo shop (test/demo/public/app/data.js).
const DEMO = {
  address: '[改地址] 新地址：浙江省 杭州市 余杭区 五常街道 西溪八方城3幢1502 /工号1023 11-24 14:03',
  cod: '货到付款，发货前电话确认 /工号1007 11-24 21:40',
  friday: '买家要求周五发',
  gift: '送小样×2 /工号1007 11-23 20:15',
  address2: '[改地址] 新地址：湖南省 长沙市 岳麓区 麓谷街道 岳麓大道233号 /工号1023 11-23 16:47',
};

describe('isStandardRemark', () => {
  it('judges the demo remarks', () => {
    expect(isStandardRemark(DEMO.address)).toBe(true);
    expect(isStandardRemark(DEMO.address2)).toBe(true);
    expect(isStandardRemark(DEMO.cod)).toBe(false);
    expect(isStandardRemark(DEMO.friday)).toBe(false);
    expect(isStandardRemark(DEMO.gift)).toBe(false);
  });

  it('an empty remark is standard (nothing to flag)', () => {
    expect(isStandardRemark('')).toBe(true);
    expect(isStandardRemark('  \n ')).toBe(true);
    expect(findNonstandardRemarks('')).toEqual({ standard: true, entries: [] });
  });

  it('accepts every line formatRemark writes, whatever the detail', () => {
    const at = new Date('2026-01-05T09:07:00+08:00');
    const details = ['', '新地址：\n杭州', '{内容} /工号9 01-01 00:00', 'S | M', '|', '[x] y', '<b>急</b>', 'x'.repeat(600), '😀'.repeat(300), '一；[二]'];
    for (const reason of DEFAULT_REMARK_REASONS) {
      for (const detail of details) {
        const line = formatRemark(DEFAULT_REMARK_TEMPLATE, { reason, detail, agentId: 'A1023', at });
        expect(findNonstandardRemarks(line).entries.every((e) => e.standard), line).toBe(true);
      }
    }
  });

  it('tolerates extra whitespace but not a different shape', () => {
    expect(isStandardRemark('  [改地址]   新地址  /工号1023   11-24 14:03 ')).toBe(true);
    expect(isStandardRemark('[改地址] /工号1023 11-24 14:03')).toBe(true); // empty detail
    expect(isStandardRemark('[] 新地址 /工号1023 11-24 14:03')).toBe(false); // empty reason
    expect(isStandardRemark('[ ] 新地址 /工号1023 11-24 14:03')).toBe(false);
    expect(isStandardRemark('【改地址】 新地址 /工号1023 11-24 14:03')).toBe(false);
    expect(isStandardRemark('[改地址] 新地址 /工号张三 11-24 14:03')).toBe(false);
    expect(isStandardRemark('[改地址] 新地址 /工号 11-24 14:03')).toBe(false);
    expect(isStandardRemark('[改地址] 新地址 /工号1023 11-24 4:03')).toBe(false);
    expect(isStandardRemark('[改地址] 新地址 /工号1023 2026-11-24 14:03')).toBe(false);
    expect(isStandardRemark('[改地址] 新地址 /工号1023')).toBe(false);
    expect(isStandardRemark('[改地址] 新地址 /工号1023 11-24 14:03 补充')).toBe(false);
    expect(isStandardRemark('[改地址] 新地址 /工号1023 11-2414:03')).toBe(false);
  });
});

describe('findNonstandardRemarks', () => {
  it('splits at " | " (what appendRemark writes) and reports each entry', () => {
    let remark = DEMO.friday;
    remark = appendRemark(remark, DEMO.address).text;
    remark = appendRemark(remark, '[退款] 退差价5元 /工号A1 11-25 10:00').text;
    expect(findNonstandardRemarks(remark)).toEqual({
      standard: false,
      entries: [
        { text: '买家要求周五发', standard: false },
        { text: DEMO.address, standard: true },
        { text: '[退款] 退差价5元 /工号A1 11-25 10:00', standard: true },
      ],
    });
  });

  it('splits at line breaks and at ；/; followed by [', () => {
    expect(findNonstandardRemarks(`${DEMO.address}\r\n${DEMO.cod}\n\n${DEMO.address2}；[催发货] 已催 /工号1007 11-25 09:00; [其他] /工号1 11-25 09:01`)).toEqual({
      standard: false,
      entries: [
        { text: DEMO.address, standard: true },
        { text: DEMO.cod, standard: false },
        { text: DEMO.address2, standard: true },
        { text: '[催发货] 已催 /工号1007 11-25 09:00', standard: true },
        { text: '[其他] /工号1 11-25 09:01', standard: true },
      ],
    });
  });

  it('does not split inside a detail', () => {
    expect(splitRemarkEntries('[改颜色/尺码] S|M；红色 /工号1 11-25 09:00')).toEqual(['[改颜色/尺码] S|M；红色 /工号1 11-25 09:00']);
    expect(isStandardRemark('[改颜色/尺码] S|M；红色 /工号1 11-25 09:00')).toBe(true);
  });

  it('all standard entries → standard', () => {
    expect(findNonstandardRemarks(`${DEMO.address} | ${DEMO.address2}`).standard).toBe(true);
  });

  it('follows a custom template', () => {
    const t = '【{原因}】{内容}（{agentId} {日期}）';
    const line = formatRemark(t, { reason: '加赠品', detail: '送小样×2', agentId: '1007', at: new Date('2026-11-23T20:15:00+08:00') });
    expect(line).toBe('【加赠品】送小样×2（1007 11-23）');
    expect(isStandardRemark(line, t)).toBe(true);
    expect(isStandardRemark(DEMO.address, t)).toBe(false);
    // `；` splits before the template's own first character, here 【.
    expect(findNonstandardRemarks(`${line}；【退款】退5元（1 11-24）`, t).entries.map((e) => e.standard)).toEqual([true, true]);
    expect(remarkMatcher(t).lead).toBe('【');
  });

  it('matches unknown template braces literally', () => {
    const t = '[{原因}] {内容} {订单号}';
    expect(isStandardRemark('[改地址] x {订单号}', t)).toBe(true);
    expect(isStandardRemark('[改地址] x 123456', t)).toBe(false);
  });

  it('a template starting with a variable still splits at ；[', () => {
    const t = '{时间} {工号}：{内容}';
    expect(remarkMatcher(t).lead).toBe('');
    expect(findNonstandardRemarks('11-25 09:00 1007：已催；[x] 11-25 09:01 1008：好', t).entries).toEqual([
      { text: '11-25 09:00 1007：已催', standard: true },
      { text: '[x] 11-25 09:01 1008：好', standard: false },
    ]);
  });

  it('stays fast on hostile input and refuses over-long entries', () => {
    const hostile = '[' + '] /工号1 '.repeat(120) + 'x';
    const t = '{原因}{内容}{原因}{内容}{原因}/工号{工号} {时间}';
    const started = performance.now();
    expect(isStandardRemark(hostile)).toBe(false);
    expect(isStandardRemark('a'.repeat(1000), t)).toBe(false);
    expect(isStandardRemark(`[改地址] ${'x'.repeat(1000)} /工号1 11-25 09:00`)).toBe(false); // > 1000 characters
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('splitRemarkEntries', () => {
  it('rejoins ；-pieces that only together make a standard entry', () => {
    const test = remarkMatcher().test;
    expect(splitRemarkEntries('[改地址] 一；[二]；[三] /工号1 11-25 09:00；[急] 买家要求周五发', '[', test)).toEqual([
      '[改地址] 一；[二]；[三] /工号1 11-25 09:00',
      '[急] 买家要求周五发',
    ]);
    expect(splitRemarkEntries('[改地址] 一；[二]', '[', test)).toEqual(['[改地址] 一', '[二]']);
    expect(splitRemarkEntries('a；[b]; [c]；d', '[')).toEqual(['a', '[b]', '[c]；d']);
  });
});
