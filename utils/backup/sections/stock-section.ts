import { z } from 'zod';
import { STOCK_FIELDS } from '../../stock-import/columns';
import { defineSection } from '../backup-section';
import { codeTablesFromChunks } from '../../stock/code-table';
import { STOCK_RECORD_MAX } from '../../stock/limits';

const sourceSchema = z.object({
  id: z.string().min(1).max(80),
  kind: z.enum(['file', 'url', 'paste']),
  name: z.string().min(1).max(80),
  mode: z.enum(['replace', 'merge']),
  mapping: z.partialRecord(z.enum(STOCK_FIELDS), z.number().int().min(0).max(500)).optional(),
  url: z.string().url().max(2000).optional(),
  intervalMinutes: z.number().int().min(1).max(24 * 60).optional(),
  /** Only the header's name: its value is a secret and never leaves the machine in a backup. */
  authHeaderName: z.string().max(60).optional(),
  lastSyncAt: z.number().optional(),
  rows: z.number().int().min(0).optional(),
});

const chunkSchema = z.object({
  sourceId: z.string().min(1).max(80),
  chunk: z.number().int().min(0),
  records: z
    .array(
      z.object({
        code: z.string().max(STOCK_RECORD_MAX.code),
        skuCode: z.string().max(STOCK_RECORD_MAX.code).optional(),
        outerCode: z.string().max(STOCK_RECORD_MAX.code).optional(),
        name: z.string().max(STOCK_RECORD_MAX.name).optional(),
        spec: z.string().max(STOCK_RECORD_MAX.spec).optional(),
        available: z.number(),
        warehouses: z.record(z.string().max(STOCK_RECORD_MAX.warehouse), z.number()),
      }),
    )
    .max(10_000),
});

/**
 * Stock sources and their records. No auth header values (secrets), no HTTP validators: a restored feed asks for its
 * header value again (the feed shows its error until then) and fetches afresh.
 */
export const stockSection = defineSection({
  id: 'stock',
  schema: z.object({ sources: z.array(sourceSchema).max(500), chunks: z.array(chunkSchema).max(100_000) }),
  // The lookup tables are not in the file: they are rebuilt from the records.
  stores: ['sources', 'stock', 'stockCodes'],
  async read(db) {
    const sources = (await db.getAll('sources')).map(({ authHeader, etag: _e, lastModified: _l, failures: _f, nextSyncAt: _n, lastError: _x, lastWarning: _w, ...rest }) => ({
      ...rest,
      authHeaderName: authHeader?.name,
    }));
    return { sources, chunks: await db.getAll('stock') };
  },
  write(tx, { sources, chunks }) {
    const sourceStore = tx.objectStore('sources');
    const stockStore = tx.objectStore('stock');
    const codesStore = tx.objectStore('stockCodes');
    return [
      ...codeTablesFromChunks(chunks).map((table) => codesStore.put(table)),
      // The header comes back with an empty value: the feed fails visibly until the agent enters it again.
      ...sources.map(({ authHeaderName, ...s }) =>
        sourceStore.put({ ...s, authHeader: authHeaderName ? { name: authHeaderName, value: '' } : undefined, nextSyncAt: 0 }),
      ),
      ...chunks.map((c) => stockStore.put(c)),
    ];
  },
});
