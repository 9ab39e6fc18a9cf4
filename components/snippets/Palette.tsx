import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { Snippet } from '@/utils/snippets/snippet';
import type { VariableName, VariableValues } from '@/utils/snippets/template';
import type { AvoidRule } from '@/utils/snippets/tone';
import { TemplatePreview } from './TemplatePreview';

/** A value the agent must give before a snippet can be inserted: a prompt field, or a variable the page lacks. */
export interface PaletteField {
  label: string;
  /** Choices for a {选择:…} field; a free text field otherwise. */
  options?: string[];
  /** Set when the field supplies a page variable the page did not show (e.g. no order card: {订单号}). */
  variable?: VariableName;
}

export interface PaletteState {
  mode: 'trigger' | 'search';
  query: string;
  hits: Snippet[];
  selected: number;
  values: VariableValues;
  form: { snippet: Snippet; fields: PaletteField[]; answers: string[] } | null;
  error: string | null;
  /** Phrases to avoid, marked in the preview (empty when the tone check is off). */
  avoidRules: readonly AvoidRule[];
  /** Above the box (`bottom`), or below it (`top`) when the box is too near the top; at most `maxHeight` tall. */
  position: { left: number; width: number; maxHeight: number } & ({ bottom: number } | { top: number });
  /** Shown instead of the results: a snippet that could not be inserted (and whether it is on the clipboard). */
  notice?: string;
}

export interface PaletteActions {
  setQuery(query: string): void;
  select(index: number): void;
  choose(snippet: Snippet): void;
  answer(index: number, value: string): void;
  submit(): void;
  close(): void;
}

/** The snippet palette above the reply box: results, a filled preview, and the fields a snippet asks for. */
export function Palette({ state, actions }: { state: PaletteState; actions: PaletteActions }) {
  const searchRef = useRef<HTMLInputElement>(null);
  const firstFieldRef = useRef<HTMLInputElement & HTMLSelectElement>(null);
  useEffect(() => {
    if (state.form) firstFieldRef.current?.focus();
    else if (state.mode === 'search') searchRef.current?.focus();
  }, [state.form, state.mode]);
  const current = state.hits[state.selected];
  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const n = state.hits.length;
      if (n) actions.select((state.selected + (event.key === 'ArrowDown' ? 1 : -1) + n) % n);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current) actions.choose(current);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      actions.close();
    }
  };
  const { left, width, maxHeight } = state.position;
  const vertical = 'top' in state.position ? { top: `${state.position.top}px` } : { bottom: `${state.position.bottom}px` };
  const style = { left: `${left}px`, width: `${width}px`, maxHeight: `${maxHeight}px`, ...vertical };
  if (state.notice) {
    return (
      <div class="palette notice" role="alert" style={style}>
        {state.notice}
      </div>
    );
  }
  return (
    <div class="palette" role="dialog" aria-label={t('paletteTitle')} style={style}>
      {state.mode === 'search' && !state.form && (
        <input
          ref={searchRef}
          class="search"
          type="text"
          placeholder={t('snippetSearchPlaceholder')}
          value={state.query}
          onInput={(e) => actions.setQuery(e.currentTarget.value)}
          onKeyDown={onSearchKey}
        />
      )}
      {state.mode === 'trigger' && !state.form && <div class="query">{state.query ? `/${state.query}` : t('paletteTypeToSearch')}</div>}
      {!state.form && (
        <>
          <ul class="hits" role="listbox">
            {state.hits.map((snippet, i) => (
              <li
                key={snippet.id}
                role="option"
                aria-selected={i === state.selected}
                data-snippet={snippet.id}
                onMouseEnter={() => actions.select(i)}
                onMouseDown={(e) => {
                  // Keep the reply box's focus and caret.
                  e.preventDefault();
                  actions.choose(snippet);
                }}
              >
                <span class="title">{snippet.title}</span>
                {snippet.shortcut && <code>/{snippet.shortcut}</code>}
                <span class="category">{snippet.category}</span>
              </li>
            ))}
          </ul>
          {state.hits.length === 0 && <div class="empty">{t('snippetNone')}</div>}
          {current && <TemplatePreview body={current.body} values={state.values} avoidRules={state.avoidRules} />}
        </>
      )}
      {state.form && (
        <form
          class="fields"
          onSubmit={(e) => {
            e.preventDefault();
            actions.submit();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              actions.close();
            }
          }}
        >
          <div class="form-title">{state.form.snippet.title}</div>
          {state.form.fields.map((field, i) => (
            <label key={i}>
              <span>{field.label}</span>
              {field.options ? (
                <select
                  ref={i === 0 ? firstFieldRef : undefined}
                  name={`field-${i}`}
                  value={state.form!.answers[i] ?? ''}
                  onChange={(e) => actions.answer(i, e.currentTarget.value)}
                >
                  <option value="">—</option>
                  {field.options.map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  ref={i === 0 ? firstFieldRef : undefined}
                  type="text"
                  name={`field-${i}`}
                  value={state.form!.answers[i] ?? ''}
                  onInput={(e) => actions.answer(i, e.currentTarget.value)}
                />
              )}
            </label>
          ))}
          <TemplatePreview
            body={state.form.snippet.body}
            values={formValues(state.form, state.values)}
            answers={promptAnswers(state.form)}
            avoidRules={state.avoidRules}
          />
          <div class="form-actions">
            <button type="submit" class="primary" name="insert-snippet">{t('paletteInsert')}</button>
            <button type="button" onClick={actions.close}>{t('stockCancel')}</button>
          </div>
        </form>
      )}
      {state.error && <div class="error" role="alert">{state.error}</div>}
      <div class="keys">{t('paletteKeys')}</div>
    </div>
  );
}

type Form = NonNullable<PaletteState['form']>;

/** Answers of the template's own prompt fields, in their order. */
export function promptAnswers(form: Form): string[] {
  return form.fields.flatMap((field, i) => (field.variable ? [] : [form.answers[i] ?? '']));
}

/** Page values completed with what the agent typed for the variables the page lacked. */
export function formValues(form: Form, values: VariableValues): VariableValues {
  const typed = form.fields.flatMap((field, i) => (field.variable && form.answers[i]?.trim() ? [[field.variable, form.answers[i]!.trim()]] : []));
  return { ...values, ...Object.fromEntries(typed) };
}
