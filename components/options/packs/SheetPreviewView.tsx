import { t } from '@/utils/i18n';
import type { SheetImportPreview } from '@/utils/packs/sheet-import';

/** What importing a sheet into the agent's own library would do (it adds and updates; it never deletes). */
export function SheetPreviewView({ preview, format, busy, onImport, onCancel }: {
  preview: SheetImportPreview;
  format: string;
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
