import type { Adapter } from '../adapter-schema';
import { parseCustomAdapter } from './custom-adapter-parse';
import { customAdaptersItem } from './stored-adapters';

export { customAdaptersItem };

/** The stored custom adapters, fully re-validated (worker side): anything that no longer passes is left out. */
export function validStored(stored: unknown): Adapter[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((raw) => {
    const parsed = parseCustomAdapter(raw);
    return parsed.ok ? [parsed.adapter] : [];
  });
}

export async function listCustomAdapters(): Promise<Adapter[]> {
  return validStored(await customAdaptersItem.getValue());
}

/** Adds or replaces (same id) a custom adapter; refuses an invalid one with every field's error. */
export async function saveCustomAdapter(input: unknown): Promise<Adapter> {
  const parsed = parseCustomAdapter(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const others = (await listCustomAdapters()).filter((a) => a.id !== parsed.adapter.id);
  await customAdaptersItem.setValue([...others, parsed.adapter]);
  return parsed.adapter;
}

/** Removes a custom adapter; returns it (for undo), or null when there was none. */
export async function deleteCustomAdapter(id: string): Promise<Adapter | null> {
  const all = await listCustomAdapters();
  const removed = all.find((a) => a.id === id) ?? null;
  if (removed) await customAdaptersItem.setValue(all.filter((a) => a.id !== id));
  return removed;
}

/** Replaces every custom adapter at once, or changes nothing when any is invalid (errors name the adapter). */
export async function replaceCustomAdapters(input: unknown): Promise<Adapter[]> {
  if (!Array.isArray(input)) throw new Error('customAdapters: expected a list of adapters');
  const errors: string[] = [];
  const adapters = input.flatMap((raw, i) => {
    const parsed = parseCustomAdapter(raw);
    if (parsed.ok) return [parsed.adapter];
    errors.push(...parsed.errors.map((e) => `customAdapters.${i}.${e}`));
    return [];
  });
  const ids = adapters.map((a) => a.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) errors.push(`customAdapters: the id "${duplicate}" appears twice`);
  if (errors.length) throw new Error(errors.join('\n'));
  await customAdaptersItem.setValue(adapters);
  return adapters;
}
