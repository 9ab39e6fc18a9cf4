import { describe, expect, it } from 'vitest';
import { DEFAULT_SNIPPETS } from '@/utils/snippets/default-pack';
import { SNIPPET_CATEGORIES } from '@/utils/snippets/snippet';
import { describeTemplate, fillTemplate, parseTemplate, VARIABLES } from '@/utils/snippets/template';
import { DEFAULT_AVOID_RULES, findToneIssues } from '@/utils/snippets/tone';

describe('DEFAULT_SNIPPETS', () => {
  it('has about forty snippets with unique kebab-case ids', () => {
    expect(DEFAULT_SNIPPETS.length).toBeGreaterThanOrEqual(35);
    expect(DEFAULT_SNIPPETS.length).toBeLessThanOrEqual(50);
    const ids = DEFAULT_SNIPPETS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('has unique short lower-case shortcuts', () => {
    const shortcuts = DEFAULT_SNIPPETS.map((s) => s.shortcut).filter((s): s is string => !!s);
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
    for (const s of shortcuts) expect(s).toMatch(/^[a-z0-9]{1,5}$/);
    expect(shortcuts).toEqual(expect.arrayContaining(['hy', 'tk', 'dz']));
  });

  it('covers every category, in conversation order', () => {
    const categories = [...new Set(DEFAULT_SNIPPETS.map((s) => s.category))];
    expect(categories).toEqual([...SNIPPET_CATEGORIES]);
  });

  it('parses every body with no unknown variables', () => {
    for (const s of DEFAULT_SNIPPETS) {
      expect(describeTemplate(s.body).unknown, s.id).toEqual([]);
      expect(s.title.trim(), s.id).toBe(s.title);
      expect(s.body.trim(), s.id).toBe(s.body);
      expect(s.tags.length, s.id).toBeGreaterThan(0);
    }
  });

  it('fills completely when every variable and prompt has a value', () => {
    const values = Object.fromEntries(VARIABLES.map((v) => [v.name, `<${v.zh}>`]));
    for (const s of DEFAULT_SNIPPETS) {
      const parts = parseTemplate(s.body);
      const answers = describeTemplate(s.body).prompts.map(() => '答');
      const filled = fillTemplate(parts, values, answers);
      expect(filled.complete, s.id).toBe(true);
      expect(filled.text, s.id).not.toMatch(/[{}]/);
    }
  });

  it('uses the variables the feature is about', () => {
    const body = (id: string) => DEFAULT_SNIPPETS.find((s) => s.id === id)!.body;
    expect(describeTemplate(body('consult-stock')).variables).toContain('stock');
    expect(describeTemplate(body('address-verify')).variables).toEqual(['receiver', 'address']);
    expect(describeTemplate(body('address-courier')).prompts[0]).toMatchObject({ kind: 'choice', options: ['顺丰', '中通', '圆通', '韵达'] });
    expect(describeTemplate(body('after-refund')).prompts[0]).toMatchObject({ kind: 'input', label: '退款金额' });
    expect(describeTemplate(body('pay-remind')).variables).toContain('orderId');
  });

  it('never uses a phrase to avoid', () => {
    for (const s of DEFAULT_SNIPPETS) expect(findToneIssues(s.body, DEFAULT_AVOID_RULES), s.id).toEqual([]);
  });
});
