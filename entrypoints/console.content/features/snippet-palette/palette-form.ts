import { formValues, promptAnswers, type PaletteField, type PaletteState } from '@/components/snippets/Palette';
import { t } from '@/utils/i18n';
import type { Snippet } from '@/utils/snippets/snippet';
import { fillTemplate, parseTemplate, VARIABLES } from '@/utils/snippets/template';

// The palette's steps from a chosen snippet to the text inserted, as pure functions of its state: the feature
// draws the state they return, or inserts the text.

/** Where a step leads: the palette shows `state`, or `text` goes into the reply box (and the palette closes). */
export type PaletteStep = { state: PaletteState } | { insert: { snippet: Snippet; text: string } };

/**
 * The agent chose a snippet. Inserted at once when the page gave every value it needs; else the form asks for the
 * values the page lacks and the snippet's own fields. A snippet with unknown variables is refused with its error.
 */
export function chooseSnippet(state: PaletteState, snippet: Snippet): PaletteStep {
  const parts = parseTemplate(snippet.body);
  const unknown = parts.filter((part) => part.kind === 'unknown').map((part) => part.raw);
  if (unknown.length) return { state: { ...state, error: t('paletteUnknownVariables', unknown.join(' ')) } };
  const missing = [...new Set(parts.flatMap((part) => (part.kind === 'var' && !state.values[part.name]?.trim() ? [part.name] : [])))];
  const fields: PaletteField[] = [
    ...missing.map((name) => ({ label: `{${VARIABLES.find((variable) => variable.name === name)?.zh ?? name}}`, variable: name })),
    ...parts.flatMap((part) =>
      part.kind === 'input' ? [{ label: part.label }] : part.kind === 'choice' ? [{ label: part.label, options: part.options }] : [],
    ),
  ];
  if (fields.length === 0) {
    const filled = fillTemplate(parts, state.values, []);
    if (filled.complete) return { insert: { snippet, text: filled.text } };
  }
  // Free-text fields start with their default; the others empty.
  const answers = fields.map((field) => {
    const prompt = parts.find((part) => part.kind === 'input' && part.label === field.label);
    return prompt && prompt.kind === 'input' ? (prompt.defaultValue ?? '') : '';
  });
  return { state: { ...state, form: { snippet, fields, answers }, error: null } };
}

/** The agent typed or picked the answer to one of the form's fields. */
export function answerField(state: PaletteState, index: number, value: string): PaletteState {
  if (!state.form) return state;
  const answers = [...state.form.answers];
  answers[index] = value;
  return { ...state, form: { ...state.form, answers } };
}

/** The agent submitted the form: the filled text is inserted, unless a value is still missing (then an error). */
export function submitForm(state: PaletteState): PaletteStep {
  const { form } = state;
  if (!form) return { state };
  const filled = fillTemplate(parseTemplate(form.snippet.body), formValues(form, state.values), promptAnswers(form));
  if (!filled.complete) return { state: { ...state, error: t('snippetMissing', filled.missing.join(' ')) } };
  return { insert: { snippet: form.snippet, text: filled.text } };
}
