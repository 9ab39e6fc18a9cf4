import { describe, expect, it } from 'vitest';
import type { PaletteState } from '@/components/snippets/Palette';
import { answerField, chooseSnippet, submitForm } from '@/entrypoints/console.content/features/snippet-palette/palette-form';
import type { Snippet } from '@/utils/snippets/snippet';

const snippet = (body: string): Snippet => ({ id: 's1', title: 't', body, category: '问候', tags: [], origin: 'local', order: 0, uses: 0, updatedAt: 0 }) as unknown as Snippet;
const opened = (values: PaletteState['values'] = {}): PaletteState => ({
  mode: 'search',
  query: '',
  hits: [],
  selected: 0,
  values,
  form: null,
  error: null,
  avoidRules: [],
  position: { left: 8, bottom: 8, width: 320, maxHeight: 400 },
});

describe('palette form', () => {
  it('inserts at once when the page gives every value', () => {
    const chosen = snippet('亲，{买家}您好');
    expect(chooseSnippet(opened({ buyer: '小王' }), chosen)).toEqual({ insert: { snippet: chosen, text: '亲，小王您好' } });
  });

  it('asks for the values the page lacks and the snippet fields, free text starting with its default', () => {
    const step = chooseSnippet(opened(), snippet('{买家}：{输入:金额=10}{选择:顺丰|中通}'));
    expect('state' in step && step.state.form).toMatchObject({
      fields: [{ label: '{买家}', variable: 'buyer' }, { label: '金额' }, { label: '顺丰/中通', options: ['顺丰', '中通'] }],
      answers: ['', '10', ''],
    });
  });

  it('refuses a snippet with unknown variables, with an error and no form', () => {
    const step = chooseSnippet(opened(), snippet('{不存在}'));
    expect('state' in step && step.state).toMatchObject({ form: null });
    expect('state' in step && step.state.error).toBeTruthy();
  });

  it('fills the answers into the text on submit', () => {
    const chosen = snippet('{买家}：{输入:金额}元，{选择:顺丰|中通}');
    const step = chooseSnippet(opened(), chosen);
    if (!('state' in step)) throw new Error('expected a form');
    let state = answerField(step.state, 0, ' 小李 ');
    state = answerField(state, 1, '25');
    state = answerField(state, 2, '中通');
    expect(step.state.form!.answers).toEqual(['', '', '']);
    expect(submitForm(state)).toEqual({ insert: { snippet: chosen, text: '小李：25元，中通' } });
  });

  it('keeps the form with an error while a value is missing', () => {
    const step = chooseSnippet(opened(), snippet('{买家}：{选择:顺丰|中通}'));
    if (!('state' in step)) throw new Error('expected a form');
    const answered = answerField(step.state, 1, '顺丰');
    const submitted = submitForm(answered);
    if (!('state' in submitted)) throw new Error('expected the form again');
    expect(submitted.state.form).toBe(answered.form);
    expect(submitted.state.error).toBeTruthy();
  });

  it('leaves a palette without a form alone', () => {
    const state = opened();
    expect(answerField(state, 0, 'x')).toBe(state);
    expect(submitForm(state)).toEqual({ state });
  });
});
