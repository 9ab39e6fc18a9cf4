import { z } from 'zod';
import { DEFAULT_AVOID_RULES } from '../snippets/tone';

/** Features the agent can switch on and off; each feature issue fills one in. */
export const FEATURE_IDS = ['stock', 'snippets', 'address', 'remarks', 'timer'] as const;
export type FeatureId = (typeof FEATURE_IDS)[number];

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
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledHosts: [],
  agentId: '',
  agentName: '',
  shopName: '',
  features: { stock: true, snippets: true, address: true, remarks: true, timer: true },
  stock: { lowThreshold: 5, staleAfterMinutes: 24 * 60 },
  snippets: { trigger: '/', defaultCourier: '', toneCheck: true, avoidRules: DEFAULT_AVOID_RULES },
};

/**
 * Versioned so later releases can migrate stored settings (add `migrations` with the next version).
 * Read by the popup, options and every content script; changes reach them through storage.onChanged.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Stored settings merged over the defaults, so a value saved by an older version never breaks a newer one. */
export function normalizeSettings(stored: unknown): Settings {
  const base = stored && typeof stored === 'object' ? (stored as Partial<Settings>) : {};
  const merged = {
    ...DEFAULT_SETTINGS,
    ...base,
    features: { ...DEFAULT_SETTINGS.features, ...(base.features ?? {}) },
    stock: { ...DEFAULT_SETTINGS.stock, ...(base.stock ?? {}) },
    snippets: { ...DEFAULT_SETTINGS.snippets, ...(base.snippets ?? {}) },
  };
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

let pendingUpdate: Promise<unknown> = Promise.resolve();

/** Read-modify-write, one at a time, so fast typing in the popup cannot lose a keystroke. */
export function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const result = pendingUpdate.then(async () => {
    const next = settingsSchema.parse(change(await loadSettings()));
    await settingsItem.setValue(next);
    return next;
  });
  pendingUpdate = result.catch(() => {});
  return result;
}

/** Whether Xiaoer runs on this host at all. */
export function isActiveOn(settings: Settings, host: string): boolean {
  return settings.enabled && !settings.disabledHosts.includes(host);
}
