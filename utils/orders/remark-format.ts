// The standard order remark (备注): every change an agent makes to an order is
// written into the remark as one line — reason, detail, agent id (工号), time —
// from a template kept in settings, default `[{原因}] {内容} /工号{工号} {时间}`:
//   [改地址] 新地址：浙江省杭州市… /工号1023 11-24 14:03
//
// Templates are parsed in one linear pass (no regular expressions over the
// template, no eval), like snippet templates (utils/snippets/template.ts), but
// simpler: there are no prompt fields and no `{{`/`}}` escapes.
//
// Syntax
//   {原因} {reason}     the reason picked by the agent (改地址, 退款, …)
//   {内容} {detail}     the detail typed by the agent
//   {工号} {agentId}    the agent's id
//   {时间} {time}       `MM-DD HH:mm`, China time (UTC+8, see ./china-time.ts)
//   {日期} {date}       `MM-DD`, China time
//   anything else in braces is kept literally (validateTemplate lists it).
// A `{` with no `}` before the next `{`, line break or MAX_TOKEN_LENGTH characters
// is literal text, and so is a lone `}`. Names are matched after NFKC, trimming and
// lower-casing, so `{ 原因 }` and `{Reason}` work too.
//
// Values are substituted once and never parsed again: a detail that contains
// `{内容}` or `<b>` stays that text. The result is plain text (render it as text).

import { findTokenEnd } from '../text/brace-token';
import { formatChinaDate, formatChinaDateTime } from './china-time';

export type RemarkFlagValue = 1 | 2 | 3 | 4 | 5;
export type RemarkFlagName = 'red' | 'yellow' | 'green' | 'blue' | 'purple';

/** Remark flags (旗帜) as the consoles number them; 0 is "no flag". Red is the default for a change. */
export const REMARK_FLAGS: { value: RemarkFlagValue; name: RemarkFlagName; zh: string }[] = [
  { value: 1, name: 'red', zh: '红' },
  { value: 2, name: 'yellow', zh: '黄' },
  { value: 3, name: 'green', zh: '绿' },
  { value: 4, name: 'blue', zh: '蓝' },
  { value: 5, name: 'purple', zh: '紫' },
];
export const DEFAULT_REMARK_FLAG: RemarkFlagValue = 1;

export const DEFAULT_REMARK_REASONS: string[] = ['改地址', '改颜色/尺码', '加赠品', '延迟发货', '开发票', '催发货', '退款', '其他'];

export const DEFAULT_REMARK_TEMPLATE = '[{原因}] {内容} /工号{工号} {时间}';

/** Taobao's seller memo holds at most 500 characters (counted here as UTF-16 code units, so an emoji counts 2 — the safe side). */
export const REMARK_MAX_LENGTH = 500;

/** Between two entries of one remark; consoles show the remark on one line. */
export const REMARK_SEPARATOR = ' | ';

/** Longest brace token (characters between `{` and `}`); a longer one is literal text. */
export const MAX_TOKEN_LENGTH = 50;
/** Longest template that is parsed; the rest is ignored (a real one is ~30 characters). */
export const MAX_REMARK_TEMPLATE_LENGTH = 1000;

export interface RemarkInput {
  reason: string;
  detail: string;
  agentId: string;
  at: Date;
}

export type RemarkVariable = 'reason' | 'detail' | 'agentId' | 'time' | 'date';

export const REMARK_VARIABLES: { name: RemarkVariable; zh: string; en: string; description: string }[] = [
  { name: 'reason', zh: '原因', en: 'reason', description: '修改原因（改地址、退款…）' },
  { name: 'detail', zh: '内容', en: 'detail', description: '修改内容' },
  { name: 'agentId', zh: '工号', en: 'agentId', description: '客服工号' },
  { name: 'time', zh: '时间', en: 'time', description: '时间（月-日 时:分，北京时间）' },
  { name: 'date', zh: '日期', en: 'date', description: '日期（月-日，北京时间）' },
];

export type RemarkTemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'var'; name: RemarkVariable; raw: string }
  /** A brace token that is not a remark variable: written literally. */
  | { kind: 'unknown'; raw: string };

const VARIABLE_BY_KEY = new Map<string, RemarkVariable>();
for (const v of REMARK_VARIABLES) {
  VARIABLE_BY_KEY.set(v.zh, v.name);
  VARIABLE_BY_KEY.set(v.en.toLowerCase(), v.name);
}
const keyOf = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/** Split a remark template into text, variables and unknown tokens, in order (adjacent text merged). Linear. */
export function parseRemarkTemplate(template: string): RemarkTemplatePart[] {
  const src = String(template ?? '').slice(0, MAX_REMARK_TEMPLATE_LENGTH);
  const parts: RemarkTemplatePart[] = [];
  let text = '';
  const flush = () => {
    if (text) parts.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < src.length) {
    const c = src.charAt(i);
    if (c !== '{') {
      let j = i + 1;
      while (j < src.length && src.charAt(j) !== '{') j++;
      text += src.slice(i, j);
      i = j;
      continue;
    }
    const j = findTokenEnd(src, i, MAX_TOKEN_LENGTH);
    const inner = j < 0 ? '' : src.slice(i + 1, j);
    if (j >= 0 && inner.trim()) {
      const raw = src.slice(i, j + 1);
      const name = VARIABLE_BY_KEY.get(keyOf(inner));
      flush();
      parts.push(name ? { kind: 'var', name, raw } : { kind: 'unknown', raw });
      i = j + 1;
    } else {
      text += '{';
      i += 1;
    }
  }
  flush();
  return parts;
}

/**
 * One line: line breaks, tabs, other control characters and any whitespace run
 * (including the ideographic space U+3000) become a single space; trimmed.
 */
export function toOneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return String(text ?? '').replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
}

/** Split into user-perceived characters (emoji with ZWJ / skin tone stay whole); code points where Intl.Segmenter is missing. */
function graphemes(s: string): string[] {
  if (typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function') {
    return Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s), (x) => x.segment);
  }
  return Array.from(s);
}

const ELLIPSIS = '…';

/** Largest k in [0, n] with ok(k) true, given ok(0) is true (ok need not be strictly monotone: a valid k is always returned). */
function largestOk(n: number, ok: (k: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Cut a line to `max` code units on a character boundary, ending in `…`. */
function hardCut(line: string, max: number): string {
  if (line.length <= max) return line;
  if (max <= 0) return '';
  const chars = graphemes(line.slice(0, max + 8));
  let out = '';
  for (const ch of chars) {
    if (out.length + ch.length > max - ELLIPSIS.length) break;
    out += ch;
  }
  return out.trimEnd() + ELLIPSIS;
}

/**
 * A value on one line, with the spaces around `|` and a `|` at either end dropped (`颜色 | 尺码` → `颜色|尺码`):
 * ` | ` separates remark entries (appendRemark, remark-audit) and must not appear inside one.
 */
const valueOf = (value: string) =>
  toOneLine(toOneLine(value).replace(/ ?([|｜]) ?/g, '$1').replace(/^[|｜]+|[|｜]+$/g, ''));

/**
 * Fill a remark template. Values are put on one line, and spaces around a `|`
 * in them are dropped (see valueOf). The result is one line (see toOneLine) of at most
 * `maxLength` (500) characters: when it is longer the detail is cut on a
 * character boundary and ends in `…`; the reason, agent id, time and the
 * template's own text are never cut. (Only if those alone cannot fit — a
 * pathological template or reason — is the whole line cut, so the cap always holds.)
 * An invalid `at` gives an empty time.
 */
export function formatRemark(template: string, input: RemarkInput, maxLength: number = REMARK_MAX_LENGTH): string {
  const parts = parseRemarkTemplate(template);
  const at = input.at instanceof Date ? input.at : new Date(NaN);
  const fixed: Record<Exclude<RemarkVariable, 'detail'>, string> = {
    reason: valueOf(input.reason),
    agentId: valueOf(input.agentId),
    time: formatChinaDateTime(at),
    date: formatChinaDate(at),
  };
  const render = (detail: string) =>
    toOneLine(
      parts
        .map((p) => (p.kind === 'text' ? p.text : p.kind === 'unknown' ? p.raw : p.name === 'detail' ? detail : fixed[p.name]))
        .join(''),
    );

  // A detail pasted from anywhere can be huge: only its head can ever fit.
  const detailSrc = String(input.detail ?? '');
  const detail = valueOf(detailSrc.length > maxLength * 4 + 64 ? detailSrc.slice(0, maxLength * 4 + 64) : detailSrc);
  const full = render(detail);
  if (full.length <= maxLength) return full;

  const usesDetail = parts.some((p) => p.kind === 'var' && p.name === 'detail');
  if (!usesDetail || render(ELLIPSIS).length > maxLength) return hardCut(full, maxLength);

  const chars = graphemes(detail.slice(0, maxLength + 8));
  const withCut = (k: number) => render(chars.slice(0, k).join('').trimEnd() + ELLIPSIS);
  const k = largestOk(chars.length, (n) => withCut(n).length <= maxLength);
  return withCut(k);
}

export interface AppendResult {
  /** The remark with the new line appended (never cut). */
  text: string;
  /** True when `text` is longer than maxLength: do not save it; ask the agent to shorten the detail. */
  truncated: boolean;
}

/** How a new line joins an existing remark: on a line of its own (the default), or after ` | ` on the same line. */
export type RemarkJoin = 'newline' | 'separator';

/**
 * Append one remark line to an existing remark. What was there is kept as it was (only trailing whitespace is
 * dropped); the new entry goes on its own line, or with `join: 'separator'` after ` | ` (just a space when the
 * existing remark already ends with `|`). Nothing is ever cut: when the result is longer than maxLength,
 * `truncated` is true and the caller must refuse (Taobao would cut the memo at 500 characters).
 */
export function appendRemark(existing: string, line: string, maxLength: number = REMARK_MAX_LENGTH, join: RemarkJoin = 'separator'): AppendResult {
  const before = String(existing ?? '').replace(/\s+$/, '');
  const add = toOneLine(line);
  let text: string;
  if (!before) text = add;
  else if (!add) text = before;
  else if (join === 'newline') text = `${before}\n${add}`;
  else if (before.endsWith('|') || before.endsWith('｜')) text = `${before} ${add}`;
  else text = before + REMARK_SEPARATOR + add;
  return { text, truncated: text.length > maxLength };
}

const SAMPLE: Record<RemarkVariable, string> = { reason: '改颜色/尺码', detail: '', agentId: '1023', time: '11-24 14:03', date: '11-24' };
/** A template must leave at least this many characters for the detail. */
const MIN_DETAIL_ROOM = 100;

/** Problems with a remark template, in Chinese, for the settings page (empty = fine). */
export function validateTemplate(template: string): string[] {
  const src = String(template ?? '');
  if (!src.trim()) return ['模板不能为空'];
  const problems: string[] = [];
  const parts = parseRemarkTemplate(src);
  const used = new Set(parts.flatMap((p) => (p.kind === 'var' ? [p.name] : [])));
  if (!used.has('reason') && !used.has('detail')) problems.push('模板必须包含 {原因} 或 {内容}');
  const unknown = [...new Set(parts.flatMap((p) => (p.kind === 'unknown' ? [p.raw] : [])))];
  if (unknown.length) problems.push(`未知变量：${unknown.join('、')}（会按原样写入备注）`);
  // The fixed text with sample values: a ` | ` in it would split every remark in two
  // (see remark-audit), and a long one leaves no room for the detail.
  const sample = toOneLine(
    parts.map((p) => (p.kind === 'text' ? p.text : p.kind === 'unknown' ? p.raw : SAMPLE[p.name])).join(''),
  );
  if (/\s[|｜]|[|｜]\s/.test(sample)) problems.push('模板不能包含“ | ”：它用于分隔多条备注');
  if (sample.length > REMARK_MAX_LENGTH - MIN_DETAIL_ROOM) {
    problems.push(`模板固定文字过长：备注最多 ${REMARK_MAX_LENGTH} 字，留给内容的不到 ${MIN_DETAIL_ROOM} 字`);
  }
  return problems;
}
