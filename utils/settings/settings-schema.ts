import { z } from 'zod';
import { DEFAULT_SETTINGS, FEATURE_IDS, normalizeSettings, settingsItem, type FeatureId } from './settings';

/** The full check of settings, used where they are written (popup, options). */
export const settingsSchema = z.object({
  enabled: z.boolean(),
  /** Hosts where the agent switched Xiaoer off. */
  disabledHosts: z.array(z.string().max(253)).max(500),
  agentId: z.string().trim().max(32),
  agentName: z.string().trim().max(32),
  shopName: z.string().trim().max(64),
  features: z.object(Object.fromEntries(FEATURE_IDS.map((id) => [id, z.boolean()])) as Record<FeatureId, z.ZodBoolean>),
  stock: z.object({
    /** At or below this, real stock is marked low. */
    lowThreshold: z.number().int().min(0).max(100_000),
    /** Stock data older than this is marked stale. */
    staleAfterMinutes: z.number().int().min(1).max(7 * 24 * 60),
  }),
  snippets: z.object({
    /** Typed in the reply box, opens the palette. */
    trigger: z.enum(['/', '、', ';', '#']),
    /** Fills {快递} when the page does not say. */
    defaultCourier: z.string().trim().max(20),
    /** Mark phrases to avoid while the agent types. */
    toneCheck: z.boolean(),
    avoidRules: z.array(z.object({ phrase: z.string().trim().min(1).max(50), suggestion: z.string().trim().max(200) })).max(200),
  }),
  orders: z.object({
    /** How remarks are written, e.g. `[{原因}] {内容} /工号{工号} {时间}`. */
    remarkTemplate: z.string().trim().min(1).max(200),
    reasons: z.array(z.string().trim().min(1).max(20)).min(1).max(30),
    /** Unpaid orders close this long after they were placed (the platform's rule). */
    unpaidCloseHours: z.number().int().min(1).max(24 * 30),
    /** Press the page's save button right after writing a remark, instead of asking first. */
    saveWithoutAsking: z.boolean(),
    /** How a new remark line joins the order's existing remark: on its own line, or after ` | ` on the same line. */
    remarkJoin: z.enum(['newline', 'separator']),
  }),
  clock: z.object({
    /** First-reply target: a waiting buyer turns amber at this many seconds. */
    targetSeconds: z.number().int().min(1).max(3600),
    /** Second threshold: red. */
    redSeconds: z.number().int().min(1).max(24 * 3600),
    /** Count of buyers past the target on the extension icon. */
    badge: z.boolean(),
    /** One quiet tone when a buyer passes the target (once per buyer per wait). */
    sound: z.boolean(),
    /** Day figures are deleted after this many days. */
    keepDays: z.number().int().min(1).max(365),
  }),
});
export type Settings = z.infer<typeof settingsSchema>;

/**
 * Stored settings as a valid whole: the merge over the defaults (settings.ts), then every field the full check refuses
 * (a value of the right type but out of range, an empty template, a trigger no longer offered — a damaged or
 * hand-edited storage.local) takes its default. `repaired` names those fields, for the log.
 */
export function repairSettings(stored: unknown): { settings: Settings; repaired: string[] } {
  const settings = normalizeSettings(stored) as Record<string, any>;
  const repaired = wrongKinds(stored);
  for (let pass = 0; pass < 50; pass++) {
    const checked = settingsSchema.safeParse(settings);
    if (checked.success) return { settings: checked.data, repaired };
    // The field an issue is about: its first two levels (`orders.remarkTemplate`; `disabledHosts` for a bad entry).
    const path = checked.error.issues[0]!.path.filter((key): key is string => typeof key === 'string').slice(0, 2);
    if (!path.length) break;
    let target = settings;
    let fallback: any = DEFAULT_SETTINGS;
    for (const key of path.slice(0, -1)) [target, fallback] = [target[key], fallback[key]];
    target[path[path.length - 1]!] = structuredClone(fallback[path[path.length - 1]!]);
    repaired.push(path.join('.'));
  }
  return { settings: structuredClone(DEFAULT_SETTINGS), repaired: ['(all)'] };
}

/** Fields stored with another type than their default's (the merge replaced them silently): damage, not age. */
function wrongKinds(stored: unknown, defaults: unknown = DEFAULT_SETTINGS, path: string[] = []): string[] {
  const kind = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  if (stored === undefined) return [];
  if (kind(stored) !== kind(defaults)) return [path.join('.') || '(all)'];
  if (kind(defaults) !== 'object' || path.length >= 2) return [];
  return Object.keys(defaults as object).flatMap((key) => wrongKinds((stored as any)[key], (defaults as any)[key], [...path, key]));
}

let pendingUpdate: Promise<unknown> = Promise.resolve();

/** Read-modify-write, one at a time, so fast typing in the popup cannot lose a keystroke. */
export function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const result = pendingUpdate.then(async () => {
    // From the repaired settings: one damaged field must not make every later change fail.
    const next = settingsSchema.parse(change(repairSettings(await settingsItem.getValue()).settings));
    await settingsItem.setValue(next);
    return next;
  });
  pendingUpdate = result.catch(() => {});
  return result;
}

