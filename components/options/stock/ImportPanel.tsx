import { useState } from 'preact/hooks';
import type { StockSource } from '@/utils/db/schema';
import { t } from '@/utils/i18n';
import { parseStockInput, type ParsedTable } from '@/utils/stock/parse-stock-input';
import { ImportPreview } from './ImportPreview';

/** Choose, drop or paste a stock table; then preview it before anything is stored. */
export function ImportPanel({ sources }: { sources: StockSource[] }) {
  const [parsed, setParsed] = useState<(ParsedTable & { name: string; kind: 'file' | 'paste' }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [dragging, setDragging] = useState(false);

  const readFile = async (file: File) => {
    setError(null);
    setParsed(null);
    try {
      const table = await parseStockInput({ bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name });
      setParsed({ ...table, name: file.name.replace(/\.[^.]+$/, ''), kind: 'file' });
    } catch (e) {
      setError(t('stockReadFailed', [file.name, (e as Error).message]));
    }
  };
  const readPaste = async () => {
    setError(null);
    try {
      const table = await parseStockInput({ text: pasted });
      setParsed({ ...table, name: t('stockPastedName'), kind: 'paste' });
    } catch (e) {
      setError((e as Error).message);
    }
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
          if (file) void readFile(file);
        }}
      >
        <p>{t('stockDropHint')}</p>
        <label class="file-button">
          {t('stockChooseFile')}
          <input
            type="file"
            name="stock-file"
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
        <button type="button" disabled={!pasted.trim()} onClick={readPaste}>
          {t('stockPastePreview')}
        </button>
      </details>
      {error && (
        <p class="error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {parsed && <ImportPreview key={parsed.name + parsed.rows.length} table={parsed} sources={sources} onDone={() => setParsed(null)} />}
    </div>
  );
}
