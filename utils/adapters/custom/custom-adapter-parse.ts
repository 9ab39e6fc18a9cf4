import { parseAdapter, type AdapterParse } from '../adapter-schema';
import { customPatternProblem } from '../host-coverage';

/** Validates a custom adapter: the schema, plus hosts a custom adapter may ask for (https, or http on loopback). */
export function parseCustomAdapter(input: unknown): AdapterParse {
  const parsed = parseAdapter(input);
  if (!parsed.ok) return parsed;
  const errors = parsed.adapter.matches.flatMap((pattern, i) => {
    const problem = customPatternProblem(pattern);
    return problem ? [`matches.${i}: ${problem}`] : [];
  });
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
