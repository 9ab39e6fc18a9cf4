import type { Adapter } from './adapter-schema';
import { changedParts } from './adapter-diff';
import { BUILTIN_ADAPTERS } from './builtin';

/** The id of the agent's fix of a built-in adapter (what re-pointing one of its parts saves): `<built-in id>-local`. */
export const localFixId = (builtinId: string) => `${builtinId}-local`.slice(0, 63);

/**
 * When a custom adapter is the agent's fix of a built-in one: that built-in and the parts the fix changed. Deleting
 * the fix gives the built-in back.
 */
export function builtinFixOf(adapter: Adapter): { builtin: Adapter; parts: string[] } | null {
  const builtin = BUILTIN_ADAPTERS.find((b) => localFixId(b.id) === adapter.id);
  return builtin ? { builtin, parts: changedParts(builtin, adapter) } : null;
}
