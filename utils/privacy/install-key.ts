/**
 * This install's own secret for the keyed hashes of buyer data (receiver fingerprints, buyer keys), and a public id
 * that backups carry. Without a secret, a fingerprint of a name + phone + address, or a key of a buyer's nickname,
 * could be found again by hashing guesses; with one, the hashes mean nothing off this install.
 * Kept in storage.local; only the worker creates it (ensure-install-key.ts), because creating it retires the marks
 * made before. Never backed up, never sent anywhere.
 */
export interface InstallKey {
  /** Public: names the install that made a backup (32 hex). */
  id: string;
  /** 256 random bits (64 hex). */
  secret: string;
  createdAt: number;
}

export const installKeyItem = storage.defineItem<InstallKey | null>('local:installKey', { fallback: null });

const HEX32 = /^[0-9a-f]{32}$/;
const HEX64 = /^[0-9a-f]{64}$/;

/** The stored key if it is whole; anything else (absent, corrupted) counts as no key. */
export async function storedInstallKey(): Promise<InstallKey | null> {
  const value = (await installKeyItem.getValue()) as Partial<InstallKey> | null;
  const whole = !!value && typeof value === 'object' && HEX32.test(String(value.id)) && HEX64.test(String(value.secret));
  return whole ? (value as InstallKey) : null;
}

export function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}
