import type { ComponentChildren } from 'preact';
import { fillTemplate, parseTemplate, type VariableValues } from '@/utils/snippets/template';
import { findToneIssues, type AvoidRule, type ToneHit } from '@/utils/snippets/tone';
import { t } from '@/utils/i18n';
import { looksLikeMarkup } from '@/utils/snippets/markup';

interface Props {
  body: string;
  values: VariableValues;
  answers?: string[];
  /** Phrases to avoid: marked where they occur, with the suggested wording below. */
  avoidRules?: readonly AvoidRule[];
}

/**
 * A snippet as it would be inserted, rendered as text segments: values filled in, variables without a value and
 * unknown ones highlighted, phrases to avoid marked. Never parsed as HTML, whatever the snippet contains.
 */
export function TemplatePreview({ body, values, answers = [], avoidRules = [] }: Props) {
  const filled = fillTemplate(parseTemplate(body), values, answers);
  const tone = avoidRules.length ? findToneIssues(filled.segments.map((s) => s.text).join(''), avoidRules) : [];
  let offset = 0;
  return (
    <div class="template-preview" data-complete={String(filled.complete)} data-testid="template-preview">
      {filled.segments.map((segment, i) => {
        const start = offset;
        offset += segment.text.length;
        return (
          <span key={i} class={`seg-${segment.state}`}>
            {markTone(segment.text, start, tone)}
          </span>
        );
      })}
      {looksLikeMarkup(body) && <div class="markup-note" data-testid="markup-note">{t('snippetMarkupNote')}</div>}
      {!filled.complete && <div class="missing-note">{t('snippetMissing', filled.missing.join(' '))}</div>}
      {tone.length > 0 && (
        <ul class="tone-note" data-testid="tone-issues">
          {tone.map((hit, i) => (
            <li key={i}>
              {t('toneHint', hit.rule.phrase)}
              {hit.rule.suggestion && ` ${t('toneSuggestion', hit.rule.suggestion)}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The text of one segment (starting at `start` in the whole) with the parts inside tone hits wrapped in <mark>. */
function markTone(text: string, start: number, hits: ToneHit[]): ComponentChildren {
  const end = start + text.length;
  const inside = hits.filter((hit) => hit.start < end && hit.end > start);
  if (!inside.length) return text;
  const pieces: ComponentChildren[] = [];
  let at = start;
  for (const hit of inside) {
    const from = Math.max(hit.start, start);
    const to = Math.min(hit.end, end);
    if (from > at) pieces.push(text.slice(at - start, from - start));
    pieces.push(<mark class="tone">{text.slice(from - start, to - start)}</mark>);
    at = to;
  }
  if (at < end) pieces.push(text.slice(at - start));
  return pieces;
}
