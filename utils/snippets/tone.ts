// Phrases an agent should not send: blame-shifting and flat refusals, each with a
// kinder way to say it. Matching ignores white space, invisible format characters
// (zero-width, direction marks), letter case and full/half-width differences (NFKC),
// but reports offsets in the text as typed, so the UI can underline the exact words.

export interface AvoidRule {
  phrase: string;
  suggestion: string;
}

export const DEFAULT_AVOID_RULES: AvoidRule[] = [
  { phrase: '那你退款好了', suggestion: '给您带来不便非常抱歉，我们可以为您换货、补发或者办理退款，您看哪种更方便？' },
  { phrase: '不是我们的问题', suggestion: '非常理解您的心情，我们马上帮您查清原因，一定给您一个满意的处理。' },
  { phrase: '这是快递的问题', suggestion: '抱歉让您久等了，我这边立即联系快递核实，有结果第一时间告诉您。' },
  { phrase: '自己去问快递', suggestion: '我这就帮您联系快递核实，您不用自己跑一趟，有进展马上告诉您。' },
  { phrase: '你自己看', suggestion: '我把关键信息给您整理一下：' },
  { phrase: '你没看详情吗', suggestion: '可能详情页写得不够清楚，我来给您详细说明一下：' },
  { phrase: '我也不知道', suggestion: '这个我马上帮您确认，稍等一下给您准确答复。' },
  { phrase: '我不知道', suggestion: '这个我马上帮您确认，稍等一下给您准确答复。' },
  { phrase: '没办法', suggestion: '这个确实有些难处，不过我们可以为您这样处理：' },
  { phrase: '不可能', suggestion: '这种情况确实少见，我马上帮您核实一下。' },
  { phrase: '规定就是这样', suggestion: '抱歉给您添麻烦了，这条规则是为了保障大家的权益，我们看看还能怎么帮您。' },
  { phrase: '爱买不买', suggestion: '您可以再考虑一下，有任何疑问随时找我，我都在。' },
  { phrase: '随便你', suggestion: '您看哪种更合适，我按您的意思来安排。' },
  { phrase: '随便吧', suggestion: '您看哪种更合适，我按您的意思来安排。' },
  { phrase: '系统问题', suggestion: '抱歉给您带来不便，我们已经在加紧处理，处理好马上通知您。' },
  { phrase: '找别人', suggestion: '这个问题我来帮您对接负责的同事，您不用重复描述。' },
  { phrase: '不归我管', suggestion: '这个问题我来帮您对接负责的同事，您不用重复描述。' },
  { phrase: '你买的时候怎么不问', suggestion: '没关系，现在了解也来得及，我来帮您看看怎么处理最合适。' },
];

export interface ToneHit {
  start: number;
  end: number;
  rule: AvoidRule;
}

/** Characters matching skips: white space and invisible format/control characters. */
function ignorable(ch: string): boolean {
  return /^[\s\p{Z}\p{Cc}\p{Cf}]$/u.test(ch);
}

interface Folded {
  text: string;
  /** For each UTF-16 unit of `text`: start and end offsets of the original character it came from. */
  from: number[];
  to: number[];
}

/** NFKC + lower case, character by character, dropping ignorable characters, keeping a map to the original offsets. */
function fold(input: string): Folded {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of input) {
    const start = i;
    i += ch.length;
    for (const out of ch.normalize('NFKC').toLowerCase()) {
      if (ignorable(out)) continue;
      text += out;
      for (let k = 0; k < out.length; k++) {
        from.push(start);
        to.push(i);
      }
    }
  }
  return { text, from, to };
}

/**
 * Where `text` uses an avoided phrase: non-overlapping hits in text order (at one place,
 * the longest phrase wins). Offsets are UTF-16 offsets into `text` as given.
 */
export function findToneIssues(text: string, rules: readonly AvoidRule[]): ToneHit[] {
  if (!text || rules.length === 0) return [];
  const folded = fold(text);
  const candidates: { start: number; end: number; rule: AvoidRule }[] = [];
  for (const rule of rules) {
    const phrase = fold(rule.phrase ?? '').text;
    if (!phrase) continue;
    let at = folded.text.indexOf(phrase);
    while (at >= 0) {
      candidates.push({ start: at, end: at + phrase.length, rule });
      at = folded.text.indexOf(phrase, at + phrase.length);
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const hits: ToneHit[] = [];
  let reached = 0;
  for (const c of candidates) {
    if (c.start < reached) continue;
    reached = c.end;
    hits.push({ start: folded.from[c.start] ?? 0, end: folded.to[c.end - 1] ?? text.length, rule: c.rule });
  }
  return hits;
}
