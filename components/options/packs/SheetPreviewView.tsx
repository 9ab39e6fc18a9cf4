import { t } from '@/utils/i18n';
import type { SheetImportPreview } from '@/utils/packs/sheet-import';

/** What importing a sheet into the agent's own library would do (it adds and updates; it never deletes). */
export function SheetPreviewView({ preview, format, notes = [], busy, onImport, onCancel }: {
  preview: SheetImportPreview;
  format: string;
  /** What was read differently from the sheet (e.g. a 快捷编码 kept as a tag). */
  notes?: string[];
  busy: boolean;
  onImport: () => void;
  onCancel: () => void;
}) {
  return (
    <div class="preview" data-testid="sheet-preview">
      <h4>{t('sheetPreviewTitle', format)}</h4>
      <p data-testid="sheet-counts">{t('sheetCounts', [String(preview.added.length), String(preview.changed.length), String(preview.unchanged.length)])}</p>
      {preview.shortcutClashes.length > 0 && (
        <p class="muted small">{t('packShortcutClash', [String(preview.shortcutClashes.length), preview.shortcutClashes.map((c) => `${c.shortcut}（${c.usedBy}）`).join('、')])}</p>
      )}
      {(preview.defaultsYield?.length ?? 0) > 0 && (
        <p class="muted small" data-testid="sheet-defaults-yield">
          {t('sheetDefaultsYield', [String(preview.defaultsYield.length), preview.defaultsYield.map((d) => `${d.shortcut}（${d.title} → ${d.to}）`).join('、')])}
        </p>
      )}
      {(preview.markup?.length ?? 0) > 0 && (
        <p class="muted small markup-note" data-testid="sheet-markup">
          {t('sheetMarkup', [String(preview.markup.length), preview.markup.join('、')])}
        </p>
      )}
      {notes.length > 0 && (
        <ul class="muted small" data-testid="sheet-notes">
          {notes.slice(0, 20).map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {preview.added.length + preview.changed.length > 0 && (
        <p class="small">{[...preview.added, ...preview.changed].slice(0, 30).join('、')}{preview.added.length + preview.changed.length > 30 ? '…' : ''}</p>
      )}
      <div class="commit">
        <button type="button" class="primary" name="import-sheet" disabled={busy || preview.added.length + preview.changed.length === 0} onClick={onImport}>
          {t('sheetImport')}
        </button>
        <button type="button" name="cancel-sheet" onClick={onCancel}>{t('packCancel')}</button>
      </div>
    </div>
  );
}
