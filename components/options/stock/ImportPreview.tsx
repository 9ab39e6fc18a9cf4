import { useEffect, useState } from 'preact/hooks';
import type { StockSource } from '@/utils/db/schema';
import { t, type MessageKey } from '@/utils/i18n';
import { getDb } from '@/utils/db/open-db';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import { importStock } from '@/utils/stock/stock-store';
import { canCommit, describeDropped, describeWarnings } from '@/utils/stock-import/check';
import { detectMapping, STOCK_FIELDS, type ColumnMapping, type StockField } from '@/utils/stock-import/columns';
import { readStockInput, type StockFileRead } from '@/utils/stock-import/read-stock-file';
import { isCancelled, type Cancellable } from './use-cancellable';
import { SourceChangedSincePreview, StorageFull } from '@/utils/stock/stock-commit-errors';
import { retry } from '@/utils/runtime/retry';
import { within } from '@/utils/runtime/within';

const PREVIEW_ROWS = 8;
/** Telling the worker after a commit: tried again while a stopped worker starts anew. */
const NOTIFY_TRIES = { delayMs: 200, tries: 5 };
const NOTIFY_WAIT_MS = 3000;
const SHOWN_ERRORS = 20;

/** What is imported: the file (kept, to be read again for another mapping) or the pasted text. */
export interface ImportInput {
  source: { file: File; fileName: string } | { text: string };
  name: string;
  kind: 'file' | 'paste';
}

interface Props {
  table: StockFileRead & ImportInput;
  sources: StockSource[];
  /** The panel's step runner: re-reading and committing show their progress there and can be cancelled. */
  task: Cancellable;
  /** A re-read or the commit ended cancelled (the panel says so and logs it). */
  onCancelled: () => void;
  onDone: () => void;
}

/**
 * Detected mapping (correctable), sample rows, every problem with its line and value (utils/stock-import/check.ts):
 * errors block the import; warnings (informative values that would be dropped) need "仍然导入", which says what is
 * dropped. Into an existing source: its name and mapping are kept, and the preview says what it replaces.
 * The file is never held whole: another mapping reads it again (utils/stock-import/read-stock-file.ts).
 */
export function ImportPreview({ table, sources, task, onCancelled, onDone }: Props) {
  const importable = sources.filter((s) => s.kind !== 'url');
  const [target, setTarget] = useState<string>('new');
  // The chosen source's stock as the agent saw it when choosing it: an import made meanwhile (another tab) is not
  // overwritten unseen.
  const [seenSyncAt, setSeenSyncAt] = useState<number | undefined>(undefined);
  const chooseTarget = (id: string) => {
    setTarget(id);
    setSeenSyncAt(importable.find((s) => s.id === id)?.lastSyncAt);
  };
  const [name, setName] = useState(table.name);
  const [mode, setMode] = useState<StockSource['mode']>('replace');
  const [mapping, setMapping] = useState<ColumnMapping | undefined>(undefined);
  const [status, setStatus] = useState<{ done?: string; skipped?: string[]; error?: string }>({});
  const [checked, setChecked] = useState<{ check: StockFileRead['check'] }>({ check: table.check });
  const check = checked.check;

  // The mapping remembered for the chosen source applies when it fits this table's header.
  const existing = importable.find((s) => s.id === target);
  const remembered = existing?.mapping;
  const header = check.header;
  const fits = remembered && Object.values(remembered).every((i) => i! < header.length);
  const wanted = mapping ?? (fits ? remembered : undefined);
  // The check shown was read with another mapping than the one chosen: read the file again (a remembered mapping that
  // is the detected one needs no second read). Until then, the check is not what would commit.
  const stale = !sameMapping(wanted ?? detectMapping(header), check.mapping);
  useEffect(() => {
    if (!stale || task.busy) return;
    setStatus({});
    task
      .run((signal, onProgress) => readStockInput(table.source, { mapping: wanted, signal, onProgress }))
      .then((read) => setChecked({ check: read.check }))
      // Cancelled: the mapping goes back to the one the shown check was read with.
      .catch((error) => {
        if (!isCancelled(error)) return setStatus({ error: t('stockImportFailed', (error as Error).message) });
        setMapping(check.mapping);
        onCancelled();
      });
  }, [stale, JSON.stringify(wanted)]);
  const usedColumns = new Set(Object.values(check.mapping));
  const blocked = !canCommit(check) || stale;
  const dropped = describeDropped(check);

  const setField = (field: StockField, column: string) => {
    const next: ColumnMapping = { ...check.mapping };
    if (column === '') delete next[field];
    else {
      // A column feeds one field only.
      for (const key of STOCK_FIELDS) if (next[key] === Number(column)) delete next[key];
      next[field] = Number(column);
    }
    setMapping(next);
  };

  const commit = async () => {
    setStatus({});
    try {
      // Committed here, in one transaction, then the worker is told (it drops its cache and updates open tabs).
      // An existing source keeps its name and the mapping it remembers, unless the agent corrected the mapping here.
      // 取消 aborts the transaction: the previous stock stays as it was.
      const keptMapping = existing && mapping === undefined && remembered ? remembered : check.mapping;
      const saved = await task.run(async (signal, onProgress) =>
        importStock(
          await getDb(),
          {
            sourceId: existing?.id,
            seenSyncAt,
            kind: existing?.kind ?? table.kind,
            name: existing ? existing.name : name.trim() || table.name,
            mapping: keptMapping,
            lastWarning: describeWarnings(check) ?? undefined,
          },
          check.records,
          mode,
          { signal, onProgress: (done, total) => onProgress({ stage: 'commit', done, total }) },
        ),
      );
      // The stock is in: said at once. Telling the worker only refreshes open tabs (a worker that stopped meanwhile
      // answers from the database anyway), so the page does not wait for it, its failure must not read as a failed
      // import, and a message a stopping worker never answers is sent again to the next one.
      setStatus({
        done: t('stockImported', [String(saved.rows ?? 0), saved.name]),
        skipped: check.warningCount ? check.warnings.map((w) => w.reason) : undefined,
      });
      void retry(() => within(sendToWorker({ type: 'stock.changed' }), NOTIFY_WAIT_MS, 'stock.changed'), NOTIFY_TRIES).catch(() => {});
    } catch (error) {
      if (isCancelled(error)) onCancelled();
      else setStatus({ error: importFailure(error) });
    }
  };

  if (status.done) {
    return (
      <div class="preview">
        <p class="ok" role="status" data-testid="import-done">{status.done}</p>
        {status.skipped && (
          <div class="warnings" data-testid="import-skipped">
            <strong>{t('stockSkipped', [String(check.warningCount), dropped ?? ''])}</strong>
            <ul>
              {status.skipped.slice(0, SHOWN_ERRORS).map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            {check.warningCount > SHOWN_ERRORS && <p class="muted">{t('stockMoreProblems', String(check.warningCount - SHOWN_ERRORS))}</p>}
          </div>
        )}
        <button type="button" onClick={onDone}>{t('stockImportAnother')}</button>
      </div>
    );
  }

  return (
    <div class="preview" data-testid="import-preview">
      <p class="muted">{t('stockPreviewSummary', [table.format, String(check.dataRows)])}</p>

      <h4>{t('stockMapping')}</h4>
      <div class="mapping">
        {STOCK_FIELDS.map((field) => (
          <label key={field}>
            <span>{t(`stockField_${field}` as MessageKey)}</span>
            <select name={`map-${field}`} value={check.mapping[field] ?? ''} disabled={task.busy} onChange={(e) => setField(field, e.currentTarget.value)}>
              <option value="">{t('stockFieldUnused')}</option>
              {header.map((title, index) => (
                <option key={index} value={index}>
                  {title || `#${index + 1}`}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>

      <div class="sample-wrap">
        <table class="sample">
          <thead>
            <tr>
              {header.map((title, i) => (
                <th key={i} class={usedColumns.has(i) ? 'used' : ''}>{title}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.slice(check.headerIndex + 1, check.headerIndex + PREVIEW_ROWS + 1).map((row, r) => (
              <tr key={r}>
                {header.map((_, i) => (
                  <td key={i} class={usedColumns.has(i) ? 'used' : ''}>{row[i] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {(check.fileErrors.length > 0 || check.errorCount > 0) && (
        <div class="problems" role="alert" data-testid="import-problems">
          <strong>{t('stockProblems', String(check.fileErrors.length + check.errorCount))}</strong>
          <ul>
            {check.fileErrors.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
            {check.rowErrors.slice(0, SHOWN_ERRORS).map((e) => (
              <li key={e.line + e.reason} data-line={e.line}>{e.reason}</li>
            ))}
          </ul>
          {check.errorCount > SHOWN_ERRORS && <p class="muted">{t('stockMoreProblems', String(check.errorCount - SHOWN_ERRORS))}</p>}
          <p class="muted">{t('stockNothingChanged')}</p>
        </div>
      )}
      {check.warningCount > 0 && (
        <div class="warnings" data-testid="import-warnings">
          <strong>{t('stockWarnings', [String(check.warningCount), dropped ?? ''])}</strong>
          <ul>
            {check.warnings.slice(0, SHOWN_ERRORS).map((w) => (
              <li key={w.line + w.reason} data-line={w.line}>{w.reason}</li>
            ))}
          </ul>
          {check.warningCount > SHOWN_ERRORS && <p class="muted">{t('stockMoreProblems', String(check.warningCount - SHOWN_ERRORS))}</p>}
        </div>
      )}

      <div class="commit">
        <label>
          <span>{t('stockImportInto')}</span>
          <select name="target" value={target} onChange={(e) => chooseTarget(e.currentTarget.value)}>
            <option value="new">{t('stockNewSource')}</option>
            {importable.map((s) => (
              <option key={s.id} value={s.id}>{s.name}</option>
            ))}
          </select>
        </label>
        {existing && (
          <p class="replaces" data-testid="import-replaces">
            {mode === 'replace'
              ? t('stockReplaces', [existing.name, String(existing.rows ?? 0)])
              : t('stockMergesInto', [existing.name, String(existing.rows ?? 0)])}
            {remembered && mapping === undefined && (fits ? t('stockKeepsMapping') : t('stockMappingNotFit'))}
          </p>
        )}
        {target === 'new' && (
          <label>
            <span>{t('stockSourceName')}</span>
            <input type="text" name="source-name" value={name} maxLength={80} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
        )}
        <label>
          <span>{t('stockMode')}</span>
          <select name="mode" value={mode} onChange={(e) => setMode(e.currentTarget.value as StockSource['mode'])}>
            <option value="replace">{t('stockModeReplace')}</option>
            <option value="merge">{t('stockModeMerge')}</option>
          </select>
        </label>
        {check.warningCount > 0 && !blocked ? (
          // Dropping values is the agent's call: the button says what goes.
          <button type="button" class="primary warn" name="import-anyway" disabled={task.busy} onClick={commit}>
            {task.busy ? '…' : t('stockImportAnyway', [String(check.records.length), dropped ?? ''])}
          </button>
        ) : (
          <button type="button" class="primary" name="import" disabled={blocked || task.busy} onClick={commit}>
            {task.busy ? '…' : blocked && check.records.length === 0 && (check.errorCount > 0 || check.fileErrors.length > 0) ? t('stockImportBlocked') : t('stockImportButton', String(check.records.length))}
          </button>
        )}
        <button type="button" disabled={task.busy} onClick={onDone}>{t('stockCancel')}</button>
      </div>
      {status.error && <p class="error" role="alert" data-testid="import-error">{status.error}</p>}
    </div>
  );
}

/** What the agent reads when a commit wrote nothing: the reason, and that the stock is as it was. */
function importFailure(error: unknown): string {
  if (error instanceof SourceChangedSincePreview) return t('stockImportConflict', error.sourceName);
  if (error instanceof StorageFull) return t('stockImportStorageFull');
  const message = error instanceof Error ? error.message || error.name : String(error);
  return t('stockImportFailed', message);
}

const sameMapping = (a: ColumnMapping, b: ColumnMapping) => STOCK_FIELDS.every((field) => a[field] === b[field]);
