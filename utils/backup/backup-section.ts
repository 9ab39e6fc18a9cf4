import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { z } from 'zod';
import type { XiaoerDB } from '../db/schema';

export type XiaoerStore = StoreNames<XiaoerDB>;
export type RestoreTx = IDBPTransaction<XiaoerDB, XiaoerStore[], 'readwrite'>;

/**
 * One part of a backup: what it reads, how its data is checked, and how it is written back. Each store (or setting)
 * is one small module; a feature adds its part by adding a section to BACKUP_SECTIONS.
 */
export interface BackupSection<T = unknown> {
  id: string;
  /** Checks the section's data in an untrusted file before anything is written. */
  schema: z.ZodType<T>;
  /** The database stores the section replaces: cleared and written in the restore's one transaction. */
  stores: XiaoerStore[];
  read(db: IDBPDatabase<XiaoerDB>): Promise<T>;
  /** Writes into the restore transaction (stores already cleared); queue requests only, never await other work. */
  write(tx: RestoreTx, data: T): Promise<unknown>[];
  /**
   * What of the data carries over to another install (or from a backup older than install keys): hashes made under
   * another install's secret never match here and must not be taken for this install's. Absent: all of it.
   */
  fromAnotherInstall?(data: T): T;
  /** Data kept outside the database (extension storage), written after the database commit succeeded. */
  afterCommit?(data: T): Promise<void>;
}

/** Keeps each section's own type while listing them together. */
export const defineSection = <T>(section: BackupSection<T>): BackupSection<T> => section;
