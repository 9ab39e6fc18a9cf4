import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReceiver } from '@/utils/address/address-check';
import { parseAddress } from '@/utils/address/parse-address';
import { EXAMPLE_ADAPTER } from '@/utils/adapters/custom/adapter-example';
import { parseCustomAdapter, parseCustomAdapterText } from '@/utils/adapters/custom/custom-adapter-parse';
import { RECEIVER_MAX } from '@/utils/orders/order-limits';
import { formatRemark, MAX_REMARK_TEMPLATE_LENGTH, parseRemarkTemplate, REMARK_MAX_LENGTH, validateTemplate } from '@/utils/orders/remark-format';
import { describeTemplate, fillTemplate, parseTemplate, VARIABLES } from '@/utils/snippets/template';
import { answer, holds, hostileText } from '../../support/properties';

/** Template text with the tokens the parsers look for made common. */
const templateText = (max: number) =>
  fc
    .array(fc.oneof(hostileText(20), fc.constantFrom('{', '}', '{{', '}}', '{原因}', '{内容}', '{工号}', '{时间}', '{日期}', '{买家}', '{订单号}', '{快递}', '{输入:尺码}', '{选择:颜色|红|蓝}', '{选择:}', '{输入:尺码=M}', '{未知}', '{ detail }')), { maxLength: 60 })
    .map((pieces) => pieces.join('').slice(0, max));

describe('templates, adapters and receivers under hostile input (fast-check)', () => {
  it('snippet templates: parse and fill any body; the filled text is its segments, complete exactly when nothing is missing', async () => {
    const values = fc.dictionary(fc.constantFrom(...VARIABLES.map((v) => v.name)), hostileText(30));
    await holds('hostile-input', 'snippet templates', fc.asyncProperty(templateText(3000), values, fc.array(fc.option(hostileText(20), { nil: undefined }), { maxLength: 5 }), async (body, given, answers) => {
      const read = await answer(() => {
        const parts = parseTemplate(body);
        return { parts, filled: fillTemplate(parts, given, answers, new Date(0)), described: describeTemplate(body) };
      });
      if (!('value' in read)) throw read.refused; // nothing here may refuse: a body is text
      const { parts, filled, described } = read.value;
      expect(filled.text).toBe(filled.segments.map((s) => s.text).join(''));
      expect(filled.complete).toBe(filled.missing.length === 0);
      expect(described.variables.every((name) => parts.some((p) => p.kind === 'var' && p.name === name))).toBe(true);
      // With no brace at all, a body is its own text.
      if (!/[{}]/.test(body)) expect(filled.text).toBe(body);
    }), 300);
  });

  it('remark templates: any template and input give one line within the console limit; the parts are the template', async () => {
    const input = fc.record({ reason: hostileText(60), detail: hostileText(3000), agentId: hostileText(40), at: fc.oneof(fc.date(), fc.constant(new Date(NaN))) });
    await holds('hostile-input', 'remark templates', fc.asyncProperty(templateText(1500), input, fc.integer({ min: 1, max: 600 }), async (template, remark, maxLength) => {
      const read = await answer(() => ({ line: formatRemark(template, remark, maxLength), problems: validateTemplate(template), parts: parseRemarkTemplate(template) }));
      if (!('value' in read)) throw read.refused;
      const { line, problems, parts } = read.value;
      expect(line.length).toBeLessThanOrEqual(maxLength);
      expect(line).not.toMatch(/[\r\n]/);
      expect(Array.isArray(problems)).toBe(true);
      expect(parts.map((p) => (p.kind === 'text' ? p.text : p.raw)).join('')).toBe(template.slice(0, MAX_REMARK_TEMPLATE_LENGTH));
    }), 300);
    expect(REMARK_MAX_LENGTH).toBe(500);
  });

  it('receivers: any name, phone and address within the worker limits are parsed and checked, the fingerprint a keyed hash', async () => {
    const address = fc.oneof(
      hostileText(RECEIVER_MAX.address),
      fc.array(fc.constantFrom('浙江省', '杭州市', '西湖区', '文三路', '478号', '13800138000', '张三', '香港', '台北市', '新疆', '驿站', '310012', ' ', '，', '+86 ', '0571-88886666', '中国'), { maxLength: 40 }).map((p) => p.join('').slice(0, RECEIVER_MAX.address)),
    );
    const secret = 'ab'.repeat(32);
    await holds('hostile-input', 'receiver parsing', fc.asyncProperty(fc.option(hostileText(RECEIVER_MAX.name), { nil: undefined }), fc.option(hostileText(RECEIVER_MAX.phone), { nil: undefined }), address, async (name, phone, text) => {
      const read = await answer(() => checkReceiver({ name, phone, address: text }, secret));
      if (!('value' in read)) throw read.refused;
      expect(read.value.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(read.value.parsed).toEqual(parseAddress(text));
      expect(['mainland', 'hk', 'mo', 'tw']).toContain(read.value.parsed.region);
      expect(typeof read.value.parsed.detail).toBe('string');
    }), 300);
  });

  it('adapter JSON: any text or value is an adapter that re-validates to itself, or a list of errors; never a throw', async () => {
    const mutated = fc
      .tuple(fc.constantFrom('id', 'name', 'version', 'matches', 'pages', 'format', 'formatVersion'), fc.jsonValue({ maxDepth: 3 }))
      .map(([key, value]) => ({ ...EXAMPLE_ADAPTER, [key]: value }));
    const partMutated = fc
      .tuple(fc.constantFrom('selector', 'within', 'attribute', 'pattern', 'optional'), fc.oneof(fc.jsonValue({ maxDepth: 1 }), hostileText(60), fc.constantFrom('(a+)+$', '[', 'conversation', 'order', '*', ':has(')))
      .map(([key, value]) => ({ ...EXAMPLE_ADAPTER, pages: [{ ...EXAMPLE_ADAPTER.pages[0]!, parts: { ...EXAMPLE_ADAPTER.pages[0]!.parts, conversation: { selector: '.x', [key]: value } } }] }));
    const text = fc.oneof(hostileText(400), fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)), mutated.map((v) => JSON.stringify(v)), partMutated.map((v) => JSON.stringify(v)));
    await holds('hostile-input', 'adapter JSON', fc.asyncProperty(text, async (json) => {
      const read = await answer(() => parseCustomAdapterText(json));
      if (!('value' in read)) throw read.refused;
      const result = read.value;
      if (result.ok) expect(parseCustomAdapter(JSON.parse(JSON.stringify(result.adapter)))).toEqual(result);
      else expect(result.errors.length).toBeGreaterThan(0);
    }), 300);
  });
});
