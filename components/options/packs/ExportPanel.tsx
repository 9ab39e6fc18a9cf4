import { useMemo, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { libraryAsPack, timeVersion } from '@/utils/packs/export-library';
import { snippetSheetCsv } from '@/utils/packs/snippet-sheet';
import type { Snippet } from '@/utils/snippets/snippet';
import { downloadFile, today } from './download';

/** Export the whole library or chosen categories, as a team pack (JSON) or a sheet (CSV for Excel). */
export function ExportPanel({ snippets, shopName }: { snippets: Snippet[]; shopName: string }) {
  const categories = useMemo(() => [...new Set(snippets.map((s) => s.category))], [snippets]);
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const [format, setFormat] = useState<'csv' | 'pack'>('csv');
  const [packId, setPackId] = useState('team');
  const [packName, setPackName] = useState(shopName ? `${shopName}团队话术` : '团队话术');
  const [error, setError] = useState<string | null>(null);
  const selected = chosen ?? new Set(categories);
  const toggle = (category: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(category);
    else next.delete(category);
    setChosen(next);
  };
  const picked = snippets.filter((s) => selected.has(s.category));

  const exportNow = () => {
    setError(null);
    try {
      if (format === 'csv') {
        downloadFile(`xiaoer-snippets-${today()}.csv`, snippetSheetCsv(picked), 'text/csv;charset=utf-8');
      } else {
        const pack = libraryAsPack(picked, { id: packId, name: packName, version: timeVersion() });
        downloadFile(`${pack.id}-v${pack.version}.json`, JSON.stringify(pack, null, 2) + '\n', 'application/json');
      }
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div class="export-panel">
      <fieldset class="export-categories">
        <legend>{t('exportCategories')}</legend>
        {categories.map((c) => (
          <label key={c} class="inline">
            <input type="checkbox" name="export-category" value={c} checked={selected.has(c)} onChange={(e) => toggle(c, e.currentTarget.checked)} />
            {c}
          </label>
        ))}
      </fieldset>
      <div class="commit">
        <label>
          <span>{t('exportFormat')}</span>
          <select name="export-format" value={format} onChange={(e) => setFormat(e.currentTarget.value as 'csv' | 'pack')}>
            <option value="csv">{t('exportFormatCsv')}</option>
            <option value="pack">{t('exportFormatPack')}</option>
          </select>
        </label>
        {format === 'pack' && (
          <>
            <label>
              <span>{t('exportPackId')}</span>
              <input type="text" name="export-pack-id" value={packId} onInput={(e) => setPackId(e.currentTarget.value.trim())} />
            </label>
            <label>
              <span>{t('exportPackName')}</span>
              <input type="text" name="export-pack-name" value={packName} onInput={(e) => setPackName(e.currentTarget.value)} />
            </label>
          </>
        )}
        <button type="button" class="primary" name="export-library" disabled={!picked.length} onClick={exportNow}>
          {t('exportButton', String(picked.length))}
        </button>
      </div>
      {error && <p class="error" role="alert" data-testid="export-error">{error}</p>}
    </div>
  );
}
