import { parseAdapter, type AdapterParse } from '../adapter-schema';
import { customPatternProblem } from '../host-coverage';

/** Validates a custom adapter: the schema, plus hosts a custom adapter may ask for (https, or http on loopback). */
export function parseCustomAdapter(input: unknown): AdapterParse {
  const parsed = parseAdapter(input);
  // Host problems are listed together with the schema's, so one check shows everything to fix.
  const matches = (input as { matches?: unknown } | null)?.matches;
  const hostErrors = (Array.isArray(matches) ? matches : []).flatMap((pattern, i) => {
    const problem = typeof pattern === 'string' ? customPatternProblem(pattern) : null;
    return problem ? [`matches.${i}: ${problem}`] : [];
  });
  const schemaErrors = parsed.ok ? [] : parsed.errors;
  const errors = [...schemaErrors, ...hostErrors.filter((e) => !schemaErrors.some((s) => s.startsWith(e.split(':')[0] + ':')))];
  return errors.length ? { ok: false, errors } : parsed;
}

export type JsonAdapterParse = AdapterParse | { ok: false; errors: string[]; syntax: true };

/** Pasted text → adapter: a JSON syntax error is reported with where it is, schema errors one per field. */
export function parseCustomAdapterText(text: string): JsonAdapterParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, syntax: true, errors: [`JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  return parseCustomAdapter(value);
}
