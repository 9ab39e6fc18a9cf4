import { useState } from 'preact/hooks';
import type { StockSource } from '@/utils/db/schema';
import { t } from '@/utils/i18n';
import { getDb } from '@/utils/db/open-db';
import { appendLog } from '@/utils/log/event-log';
import { clock } from '@/utils/clock';
import { readStockInput, type StockFileRead } from '@/utils/stock-import/read-stock-file';
import { ImportPreview, type ImportInput } from './ImportPreview';
import { ImportProgress } from './ImportProgress';
import { isCancelled, useCancellable } from './use-cancellable';

/** Choose, drop or paste a stock table; then preview it before anything is stored. */
export function ImportPanel({ sources }: { sources: StockSource[] }) {
  const [parsed, setParsed] = useState<(StockFileRead & ImportInput) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [dragging, setDragging] = useState(false);
  const task = useCancellable();
  const read = async (input: ImportInput, describeError: (message: string) => string) => {
    setError(null);
    setCancelled(null);
    setParsed(null);
    try {
      const table = await task.run((signal, onProgress) => readStockInput(input.source, { signal, onProgress }));
      setParsed({ ...table, ...input });
    } catch (e) {
      if (isCancelled(e)) onCancelled(input.name);
      else setError(describeError((e as Error).message));
    }
  };
  const readFile = (file: File) =>
    read({ source: { file, fileName: file.name }, name: file.name.replace(/\.[^.]+$/, ''), kind: 'file' }, (message) => t('stockReadFailed', [file.name, message]));
  const readPaste = () => read({ source: { text: pasted }, name: t('stockPastedName'), kind: 'paste' }, (message) => message);

  /**
   * A step that ended cancelled is said here and in the log (options → 日志), with how far it got. Only then: a
   * 取消 that came too late (the records already committed) leaves the import done, and says so.
   */
  const onCancelled = (name: string) => {
    const progress = task.stoppedAt();
    setCancelled(t('stockImportCancelled'));
    const where = progress?.stage === 'commit' ? `写入 ${progress.done}/${progress.total ?? 0} 条时` : `已读 ${progress?.done ?? 0} 行时`;
    void getDb()
      .then((db) => appendLog(db, { at: clock.now(), level: 'info', scope: 'stock-import', message: `已取消导入“${name}”（${where}），原有库存未改动` }))
      .catch(() => {});
  };

  return (
    <div class="import-panel">
      <div
        class={`dropzone ${dragging ? 'dragging' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer?.files[0];
          if (file && !task.busy) void readFile(file);
        }}
      >
        <p>{t('stockDropHint')}</p>
        <label class="file-button">
          {t('stockChooseFile')}
          <input
            type="file"
            name="stock-file"
            disabled={task.busy}
            accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void readFile(file);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      <details class="paste">
        <summary>{t('stockPasteSummary')}</summary>
        <textarea name="stock-paste" rows={6} placeholder={t('stockPastePlaceholder')} value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} />
        <button type="button" disabled={!pasted.trim() || task.busy} onClick={readPaste}>
          {t('stockPastePreview')}
        </button>
      </details>
      {task.progress && (
        <ImportProgress
          key={task.progress.stage}
          progress={task.progress}
          startedAt={task.startedAt()}
          onCancel={task.cancel}
        />
      )}
      {cancelled && !task.busy && (
        <p class="muted" role="status" data-testid="import-cancelled">
          {cancelled}
        </p>
      )}
      {error && (
        <p class="error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {parsed && (
        <ImportPreview
          key={parsed.name + parsed.check.dataRows}
          table={parsed}
          sources={sources}
          task={task}
          onCancelled={() => onCancelled(parsed.name)}
          onDone={() => setParsed(null)}
        />
      )}
    </div>
  );
}
