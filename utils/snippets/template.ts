// Snippet templates: `{买家}`-style variables and `{输入:金额}` / `{选择:a|b}`
// prompt fields. Bodies are untrusted text: they are parsed in one linear pass
// (no regular expressions over the body, no eval) and never turned into HTML.
//
// Syntax
//   {买家} {buyer} …        context variable (Chinese name or English alias, see VARIABLES)
//   {输入:金额} {input:amount}          free-text prompt, label 金额
//   {输入:金额=10}                      … with a default used when the answer is blank
//   {选择:顺丰|中通} {choose:a|b}       choice prompt (label = options joined by "/")
//   {选择:快递:顺丰|中通}               … with an explicit label 快递
//   {{ and }}                           literal { and }
//   anything else in braces             unknown variable (kept as typed, reported missing)
// A `{` with no `}` before the next `{`, line break or end of text is literal text,
// and so is a lone `}`. Full-width `：｜＝` work like `:|=` (Chinese IMEs type them).

import { MAX_SNIPPET_BODY } from './limits';
import { findTokenEnd } from '../text/brace-token';
import { clock } from '@/utils/clock';

export type VariableName =
  | 'buyer'
  | 'shop'
  | 'agent'
  | 'agentId'
  | 'orderId'
  | 'receiver'
  | 'address'
  | 'product'
  | 'stock'
  | 'courier'
  | 'date'
  | 'time';

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'var'; name: VariableName; raw: string }
  | { kind: 'input'; label: string; defaultValue?: string; raw: string; index: number }
  | { kind: 'choice'; label: string; options: string[]; raw: string; index: number }
  /** A brace token that is neither a variable nor a prompt field. */
  | { kind: 'unknown'; raw: string };

export type PromptPart = Extract<TemplatePart, { kind: 'input' | 'choice' }>;

export const VARIABLES: { name: VariableName; zh: string; en: string; description: string }[] = [
  { name: 'buyer', zh: '买家', en: 'buyer', description: '买家昵称' },
  { name: 'shop', zh: '店铺', en: 'shop', description: '店铺名称' },
  { name: 'agent', zh: '客服', en: 'agent', description: '客服昵称' },
  { name: 'agentId', zh: '工号', en: 'agentId', description: '客服工号' },
  { name: 'orderId', zh: '订单号', en: 'orderId', description: '当前订单号' },
  { name: 'receiver', zh: '收货人', en: 'receiver', description: '收货人姓名' },
  { name: 'address', zh: '收货地址', en: 'address', description: '收货地址（含电话）' },
  { name: 'product', zh: '商品', en: 'product', description: '当前咨询或下单的商品' },
  { name: 'stock', zh: '实际库存', en: 'stock', description: 'ERP 中的实际可用库存' },
  { name: 'courier', zh: '快递', en: 'courier', description: '快递公司' },
  { name: 'date', zh: '日期', en: 'date', description: '今天的日期（月-日），未提供时取当前时间' },
  { name: 'time', zh: '时间', en: 'time', description: '当前时间（时:分），未提供时取当前时间' },
];

/** Longest body that is parsed (characters, = MAX_SNIPPET_BODY); longer bodies are cut here (the store refuses them anyway). */
export const MAX_TEMPLATE_LENGTH = MAX_SNIPPET_BODY;
/** Longest brace token (characters between `{` and `}`); a longer one is literal text. */
export const MAX_TOKEN_LENGTH = 500;

const VARIABLE_BY_KEY = new Map<string, VariableName>();
for (const v of VARIABLES) {
  VARIABLE_BY_KEY.set(v.zh, v.name);
  VARIABLE_BY_KEY.set(v.en.toLowerCase(), v.name);
}
const INPUT_KEYS = new Set(['输入', 'input']);
const CHOICE_KEYS = new Set(['选择', 'choose']);

const isColon = (c: string) => c === ':' || c === '：';
const isBar = (c: string) => c === '|' || c === '｜';
const isEquals = (c: string) => c === '=' || c === '＝';
/** Lookup key for a name: NFKC (full-width letters), trimmed, lower-cased. Token lengths are capped, so this is cheap. */
const keyOf = (s: string) => s.normalize('NFKC').trim().toLowerCase();

function indexWhere(s: string, test: (c: string) => boolean, from = 0): number {
  for (let i = from; i < s.length; i++) if (test(s.charAt(i))) return i;
  return -1;
}

/** Cut at `max` characters without splitting a surrogate pair. */
function cap(body: string, max: number): string {
  if (body.length <= max) return body;
  let end = max;
  const last = body.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return body.slice(0, end);
}

/** Classify the inside of one `{…}` token. `prompts` dedupes identical prompt fields (one answer for both). */
function classify(inner: string, raw: string, prompts: Map<string, number>): TemplatePart {
  const name = VARIABLE_BY_KEY.get(keyOf(inner));
  if (name) return { kind: 'var', name, raw };
  const colon = indexWhere(inner, isColon);
  if (colon < 0) return { kind: 'unknown', raw };
  const head = keyOf(inner.slice(0, colon));
  const rest = inner.slice(colon + 1);
  const promptIndex = (key: string) => {
    let index = prompts.get(key);
    if (index === undefined) {
      index = prompts.size;
      prompts.set(key, index);
    }
    return index;
  };
  if (INPUT_KEYS.has(head)) {
    const eq = indexWhere(rest, isEquals);
    const label = (eq < 0 ? rest : rest.slice(0, eq)).trim();
    const defaultValue = eq < 0 ? '' : rest.slice(eq + 1).trim();
    if (!label) return { kind: 'unknown', raw };
    const index = promptIndex(`input\u0000${label}\u0000${defaultValue}`);
    return defaultValue ? { kind: 'input', label, defaultValue, raw, index } : { kind: 'input', label, raw, index };
  }
  if (CHOICE_KEYS.has(head)) {
    const colon2 = indexWhere(rest, isColon);
    const bar = indexWhere(rest, isBar);
    // `{选择:快递:顺丰|中通}`: a label before a second colon (only if it comes before the first option bar).
    const labelled = colon2 >= 0 && (bar < 0 || colon2 < bar);
    const list = labelled ? rest.slice(colon2 + 1) : rest;
    const options: string[] = [];
    let start = 0;
    for (let i = 0; i <= list.length; i++) {
      if (i === list.length || isBar(list.charAt(i))) {
        const option = list.slice(start, i).trim();
        if (option && !options.includes(option)) options.push(option);
        start = i + 1;
      }
    }
    if (options.length === 0) return { kind: 'unknown', raw };
    const label = (labelled ? rest.slice(0, colon2).trim() : '') || options.join('/');
    const index = promptIndex(`choice\u0000${label}\u0000${options.join('\u0000')}`);
    return { kind: 'choice', label, options, raw, index };
  }
  return { kind: 'unknown', raw };
}

/**
 * Split a snippet body into text, variables, prompt fields and unknown tokens, in order.
 * Adjacent text (including `{{`/`}}` escapes) is merged into one part. Identical prompt
 * fields share one `index` (the agent answers once). Linear in the body length.
 */
export function parseTemplate(body: string): TemplatePart[] {
  const src = cap(String(body ?? ''), MAX_TEMPLATE_LENGTH);
  const parts: TemplatePart[] = [];
  const prompts = new Map<string, number>();
  let text = '';
  const flush = () => {
    if (text) parts.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < src.length) {
    const c = src.charAt(i);
    if (c === '}') {
      text += '}';
      i += src.charAt(i + 1) === '}' ? 2 : 1;
      continue;
    }
    if (c !== '{') {
      // Copy the run of ordinary characters at once.
      let j = i + 1;
      while (j < src.length && src.charAt(j) !== '{' && src.charAt(j) !== '}') j++;
      text += src.slice(i, j);
      i = j;
      continue;
    }
    if (src.charAt(i + 1) === '{') {
      text += '{';
      i += 2;
      continue;
    }
    // The closing brace, if it comes before the next `{`, a line break or the token cap (linear, see findTokenEnd).
    const j = findTokenEnd(src, i, MAX_TOKEN_LENGTH);
    if (j >= 0) {
      const raw = src.slice(i, j + 1);
      flush();
      parts.push(classify(src.slice(i + 1, j), raw, prompts));
      i = j + 1;
    } else {
      text += '{';
      i += 1;
    }
  }
  flush();
  return parts;
}

export type VariableValues = Partial<Record<VariableName, string>>;

export interface FilledSegment {
  text: string;
  /** text: the snippet's own words; value: a filled variable; prompt: an answered field; missing: a raw token still to resolve. */
  state: 'text' | 'value' | 'missing' | 'prompt';
}

export interface Filled {
  /** The text to insert (missing tokens stay as typed, e.g. `{订单号}`). */
  text: string;
  /** Raw tokens with no value, unanswered prompts and unknown variables, first occurrence order, no duplicates. */
  missing: string[];
  /** True when nothing is missing: only then may the text be inserted. */
  complete: boolean;
  /** The text piece by piece, for a preview that highlights values and gaps (render as text, never HTML). */
  segments: FilledSegment[];
}

const pad2 = (n: number) => String(n).padStart(2, '0');
/** `MM-DD` in local time. */
export const formatDate = (d: Date) => `${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
/** `HH:mm` in local time. */
export const formatTime = (d: Date) => `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;

/**
 * Fill a parsed template. A variable whose value is undefined or blank, an unknown token
 * and a blank answer to a prompt without a default are missing: they stay in the text as
 * their raw token and make `complete` false. `{日期}`/`{时间}` fall back to `now`.
 * Values and answers are trimmed and used as plain text (never parsed again).
 */
export function fillTemplate(
  parts: readonly TemplatePart[],
  values: VariableValues,
  answers: readonly (string | undefined)[] = [],
  now: Date = clock.date(),
): Filled {
  const segments: FilledSegment[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const push = (text: string, state: FilledSegment['state']) => {
    if (!text) return;
    const last = segments[segments.length - 1];
    if (last && last.state === state && state !== 'missing') last.text += text;
    else segments.push({ text, state });
  };
  const miss = (raw: string) => {
    if (!seen.has(raw)) missing.push(raw);
    seen.add(raw);
    push(raw, 'missing');
  };
  for (const part of parts) {
    switch (part.kind) {
      case 'text':
        push(part.text, 'text');
        break;
      case 'var': {
        let value = String(values[part.name] ?? '').trim();
        if (!value && part.name === 'date') value = formatDate(now);
        if (!value && part.name === 'time') value = formatTime(now);
        if (value) push(value, 'value');
        else miss(part.raw);
        break;
      }
      case 'input':
      case 'choice': {
        const answer = String(answers[part.index] ?? '').trim() || (part.kind === 'input' ? (part.defaultValue ?? '') : '');
        if (answer) push(answer, 'prompt');
        else miss(part.raw);
        break;
      }
      case 'unknown':
        miss(part.raw);
        break;
    }
  }
  return { text: segments.map((s) => s.text).join(''), missing, complete: missing.length === 0, segments };
}

/** What a body uses, for the snippet editor: variables, prompt fields (one per index) and unknown tokens, each once, in order. */
export function describeTemplate(body: string): { variables: VariableName[]; prompts: PromptPart[]; unknown: string[] } {
  const variables = new Set<VariableName>();
  const prompts = new Map<number, PromptPart>();
  const unknown = new Set<string>();
  for (const part of parseTemplate(body)) {
    if (part.kind === 'var') variables.add(part.name);
    else if (part.kind === 'input' || part.kind === 'choice') {
      if (!prompts.has(part.index)) prompts.set(part.index, part);
    } else if (part.kind === 'unknown') unknown.add(part.raw);
  }
  return { variables: [...variables], prompts: [...prompts.values()], unknown: [...unknown] };
}
