import type { IDBPDatabase } from 'idb';
import { z } from 'zod';
import type { XiaoerDB } from '../db/schema';
import type { BackupSection, XiaoerStore } from './backup-section';
import { ordersSection, remarksSection } from './sections/orders-section';
import { packsSection } from './sections/packs-section';
import { settingsSection } from './sections/settings-section';
import { snippetsSection } from './sections/snippets-section';
import { stockSection } from './sections/stock-section';
import { customAdaptersSection } from './sections/custom-adapters-section';
import { clockSection } from './sections/clock-section';
import { clock } from '@/utils/clock';
import { newId } from '../new-id';
import { ensureInstallKey } from '@/utils/privacy/ensure-install-key';

export const BACKUP_FORMAT = 'xiaoer-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** Everything Xiaoer keeps, one section per store or setting. The event log is diagnostics and is not backed up. */
export const BACKUP_SECTIONS: readonly BackupSection<any>[] = [
  settingsSection,
  snippetsSection,
  packsSection,
  remarksSection,
  ordersSection,
  stockSection,
  clockSection,
  customAdaptersSection,
];

export class BackupError extends Error {}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  createdAt: string;
  /** Extension version that wrote it (information only). */
  appVersion: string;
  /** The install that wrote it (its public id): its hashed buyer data carries over only to the same install. */
  installId: string;
  sections: Record<string, unknown>;
}

const envelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { error: '不是小二的备份文件' }),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION, { error: `不支持的备份格式版本（本版本只能读取 ${BACKUP_FORMAT_VERSION}）` }),
  createdAt: z.string({ error: '备份的 createdAt 无效' }).max(40, '备份的 createdAt 无效'),
  appVersion: z.string({ error: '备份的 appVersion 无效' }).max(40, '备份的 appVersion 无效'),
  // Absent in backups written before install keys: their hashes are unsalted and carry over nowhere.
  installId: z.string({ error: '备份的 installId 无效' }).max(40, '备份的 installId 无效').optional(),
  sections: z.record(z.string(), z.unknown(), { error: '备份缺少 sections（各部分的数据）' }),
}, { error: '不是小二的备份文件' });

export async function createBackup(db: IDBPDatabase<XiaoerDB>, appVersion: string, sections = BACKUP_SECTIONS): Promise<Backup> {
  const data: Record<string, unknown> = {};
  const { id: installId } = await ensureInstallKey(db);
  for (const section of sections) data[section.id] = await section.read(db);
  return { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, createdAt: clock.date().toISOString(), appVersion, installId, sections: data };
}

export interface RestoreResult {
  /** The sections restored. */
  sections: string[];
  /** Sections restored without their hashed buyer data: the backup came from another install (or an older version). */
  notCarried: string[];
}

/** Checks a whole backup file; returns each present section's checked data, or throws naming the first problem. */
export function validateBackup(raw: unknown, sections = BACKUP_SECTIONS): { installId?: string; checked: Map<BackupSection<any>, unknown> } {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) throw new BackupError(envelope.error.issues[0]!.message);
  const checked = new Map<BackupSection<any>, unknown>();
  for (const [id, data] of Object.entries(envelope.data.sections)) {
    const section = sections.find((s) => s.id === id);
    if (!section) throw new BackupError(`备份里有本版本不认识的部分“${id}”（请先更新小二）`);
    const parsed = section.schema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new BackupError(`备份的“${id}”部分无效：${issue.path.join('.') || '(整体)'} ${issue.message}`);
    }
    checked.set(section, parsed.data);
  }
  // A file that holds no part would "restore" nothing and say it succeeded (found by the property test).
  if (!checked.size) throw new BackupError('备份里没有任何部分可恢复（sections 为空）：请选择小二导出的完整备份文件');
  return { installId: envelope.data.installId, checked };
}

/**
 * Replaces what the backup holds: the whole file is checked first (and, from another install, stripped of what
 * does not carry over), then every database store it covers is cleared
 * and written in ONE transaction (all or nothing); settings are written after that transaction committed.
 * A section the file lacks is left as it is.
 */
export async function restoreBackup(db: IDBPDatabase<XiaoerDB>, raw: unknown, sections = BACKUP_SECTIONS): Promise<RestoreResult> {
  const { installId, checked } = validateBackup(raw, sections);
  const notCarried: string[] = [];
  if (installId !== (await ensureInstallKey(db)).id) {
    for (const [section, data] of checked) {
      if (!section.fromAnotherInstall) continue;
      checked.set(section, section.fromAnotherInstall(data));
      notCarried.push(section.id);
    }
  }
  // What is kept outside the database (settings, custom adapters) is noted before the transaction, and the
  // transaction logs the restore with the same token: a worker stopped after the commit but before those writes
  // finishes them at its next start (finishPendingRestore), one stopped before the commit drops the note.
  const outside = [...checked].filter(([section]) => section.afterCommit);
  const token = newId('restore');
  const ids = [...checked.keys()].map((s) => s.id);
  const stores = [...new Set([...checked.keys()].flatMap((s) => s.stores))] as XiaoerStore[];
  restoring++;
  try {
    if (outside.length) await pendingRestoreItem.setValue({ token, sections: Object.fromEntries(outside.map(([section, data]) => [section.id, data])) });
    const tx = db.transaction([...stores, 'events'], 'readwrite');
    tx.done.catch(() => {});
    try {
      const writes: Promise<unknown>[] = stores.map((name) => tx.objectStore(name).clear());
      for (const [section, data] of checked) writes.push(...section.write(tx, data));
      writes.push(tx.objectStore('events').add({ at: clock.now(), level: 'info', scope: 'backup', message: `${RESTORED_LOG}${ids.join('、')}（${token}）` }));
      await Promise.all(writes);
      await tx.done;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already finished.
      }
      if (outside.length) await pendingRestoreItem.removeValue();
      throw new BackupError(`恢复失败，未做任何更改：${error instanceof Error ? error.message : String(error)}`);
    }
    for (const [section, data] of outside) await section.afterCommit!(data);
    if (outside.length) await pendingRestoreItem.removeValue();
  } finally {
    restoring--;
  }
  return { sections: [...checked.keys()].map((s) => s.id), notCarried };
}

const RESTORED_LOG = '已从备份恢复：';

/** The part of a restore kept outside the database, noted until it is written (see restoreBackup). */
const pendingRestoreItem = storage.defineItem<{ token: string; sections: Record<string, unknown> } | null>('local:restorePending', { fallback: null });
let restoring = 0;

/**
 * At the worker's start: a restore whose database transaction committed but whose settings and custom adapters were
 * not written yet (the worker stopped in between) is finished, so the profile is the backup's whole, never a mix;
 * one whose transaction never committed is dropped. Answers what it did.
 */
export async function finishPendingRestore(db: IDBPDatabase<XiaoerDB>, sections = BACKUP_SECTIONS): Promise<'none' | 'finished' | 'dropped'> {
  const pending = await pendingRestoreItem.getValue();
  if (!pending || restoring) return 'none';
  const committed = (await db.getAll('events')).some((e) => e.scope === 'backup' && e.message.endsWith(`（${pending.token}）`));
  if (committed) {
    for (const [id, data] of Object.entries(pending.sections)) await sections.find((s) => s.id === id)?.afterCommit?.(data);
  }
  await pendingRestoreItem.removeValue();
  return committed ? 'finished' : 'dropped';
}
