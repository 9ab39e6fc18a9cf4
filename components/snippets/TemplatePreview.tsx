import { fillTemplate, parseTemplate, type VariableValues } from '@/utils/snippets/template';
import { t } from '@/utils/i18n';

/**
 * A snippet as it would be inserted, rendered as text segments: values filled in, variables without a value and
 * unknown ones highlighted. Never parsed as HTML, whatever the snippet contains.
 */
export function TemplatePreview({ body, values, answers = [] }: { body: string; values: VariableValues; answers?: string[] }) {
  const filled = fillTemplate(parseTemplate(body), values, answers);
  return (
    <div class="template-preview" data-complete={String(filled.complete)} data-testid="template-preview">
      {filled.segments.map((segment, i) => (
        <span key={i} class={`seg-${segment.state}`}>
          {segment.text}
        </span>
      ))}
      {!filled.complete && <div class="missing-note">{t('snippetMissing', filled.missing.join(' '))}</div>}
    </div>
  );
}
