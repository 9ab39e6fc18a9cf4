import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import { downloadFile, today } from './download';

/** A full backup of everything Xiaoer keeps (no secrets), and restoring one: checked whole first, all or nothing. */
export function BackupPanel() {
  const [status, setStatus] = useState<{ busy?: boolean; ok?: string; error?: string }>({});

  const download = async () => {
    setStatus({ busy: true });
    try {
      const backup = await sendToWorker({ type: 'backup.create' });
      downloadFile(`xiaoer-backup-${today()}.json`, JSON.stringify(backup), 'application/json');
      setStatus({ ok: t('backupDownloaded') });
    } catch (e) {
      setStatus({ error: (e as Error).message });
    }
  };
  const restore = async (file: File) => {
    setStatus({ busy: true });
    try {
      let backup: unknown;
      try {
        backup = JSON.parse(await file.text());
      } catch {
        throw new Error(t('backupNotJson', file.name));
      }
      if (!confirm(t('backupRestoreConfirm'))) return setStatus({});
      const { sections, notCarried } = await sendToWorker({ type: 'backup.restore', backup });
      setStatus({ ok: [t('backupRestored', sections.join('、')), ...(notCarried.length ? [t('backupNotCarried')] : [])].join(' ') });
    } catch (e) {
      setStatus({ error: (e as Error).message });
    }
  };

  return (
    <div class="backup-panel">
      <p class="muted small">{t('backupExplain')}</p>
      <div class="commit">
        <button type="button" name="backup-download" disabled={status.busy} onClick={download}>{t('backupDownload')}</button>
        <label class="file-button">
          {t('backupRestore')}
          <input
            type="file"
            name="backup-file"
            accept=".json,application/json"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void restore(file);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      {status.error && <p class="error" role="alert" data-testid="backup-status">{status.error}</p>}
      {status.ok && <p class="ok" role="status" data-testid="backup-status">{status.ok}</p>}
    </div>
  );
}
