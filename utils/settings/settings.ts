import { DEFAULT_AVOID_RULES } from '../snippets/tone';
import { DEFAULT_REMARK_REASONS, DEFAULT_REMARK_TEMPLATE } from '../orders/remark-format';
import type { Settings } from './settings-schema';

/** Features the agent can switch on and off; each feature issue fills one in. */
export const FEATURE_IDS = ['stock', 'snippets', 'address', 'remarks', 'timer'] as const;
export type FeatureId = (typeof FEATURE_IDS)[number];

export type { Settings } from './settings-schema';

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledHosts: [],
  agentId: '',
  agentName: '',
  shopName: '',
  features: { stock: true, snippets: true, address: true, remarks: true, timer: true },
  stock: { lowThreshold: 5, staleAfterMinutes: 24 * 60 },
  snippets: { trigger: '/', defaultCourier: '', toneCheck: true, avoidRules: DEFAULT_AVOID_RULES },
  orders: {
    remarkTemplate: DEFAULT_REMARK_TEMPLATE,
    reasons: DEFAULT_REMARK_REASONS,
    unpaidCloseHours: 72,
    saveWithoutAsking: false,
    remarkJoin: 'newline',
  },
  clock: { targetSeconds: 10, redSeconds: 30, badge: true, sound: false, keepDays: 30 },
};

/**
 * Versioned so later releases can migrate stored settings (add `migrations` with the next version).
 * Read by the popup, options and every content script; changes reach them through storage.onChanged.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/**
 * Stored settings merged over the defaults, so a value saved by an older version never breaks a newer one: a field
 * missing, or of another type than its default, takes the default. No zod here: this runs in every console tab
 * (bundle size), and only our own validated writers (see settings-schema.ts) store settings.
 */
export function normalizeSettings(stored: unknown): Settings {
  return mergeShape(DEFAULT_SETTINGS, stored) as Settings;
}

function mergeShape(defaults: unknown, stored: unknown): unknown {
  if (stored === undefined || kindOf(stored) !== kindOf(defaults)) return defaults;
  if (kindOf(defaults) !== 'object') return stored;
  const base = defaults as Record<string, unknown>;
  const given = stored as Record<string, unknown>;
  return Object.fromEntries(Object.keys(base).map((key) => [key, mergeShape(base[key], given[key])]));
}

function kindOf(value: unknown): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
}

export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

/** Whether Xiaoer runs on this host at all. */
export function isActiveOn(settings: Settings, host: string): boolean {
  return settings.enabled && !settings.disabledHosts.includes(host);
}
