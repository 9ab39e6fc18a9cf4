import { useEffect, useState } from 'preact/hooks';
import { BUILTIN_ADAPTERS } from '@/utils/adapters/builtin';
import { BUILTIN_NOTES, type AdapterNotes } from '@/utils/adapters/builtin/notes';
import { builtinFixOf } from '@/utils/adapters/builtin-fix';
import type { CustomAdapterEntry } from '@/utils/adapters/custom/adapter-test-report';
import { t } from '@/utils/i18n';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import { CustomAdapterEditor } from './adapters/CustomAdapterEditor';
import { CustomAdapterList } from './adapters/CustomAdapterList';

/** Built-in adapters (read-only, with where their selectors come from) and the shop's own, editable ones. */
export function AdaptersSection() {
  const [entries, setEntries] = useState<CustomAdapterEntry[]>([]);
  const [load, setLoad] = useState<{ text: string; key: number } | null>(null);
  const [error, setError] = useState('');

  const refresh = () =>
    void sendToWorker({ type: 'adapters.list' })
      .then(setEntries)
      .catch((e: Error) => setError(e.message));
  useEffect(refresh, []);

  const edit = (text: string) => setLoad({ text, key: Date.now() });

  const remove = async (entry: CustomAdapterEntry) => {
    const fix = builtinFixOf(entry.adapter);
    if (!confirm(fix ? t('adapterRevertConfirm', fix.builtin.name) : t('adapterDeleteConfirm', entry.adapter.name))) return;
    await sendToWorker({ type: 'adapters.delete', id: entry.adapter.id }).catch((e: Error) => setError(e.message));
    refresh();
  };

  const grant = async (entry: CustomAdapterEntry) => {
    // The click's gesture lets the browser ask; the worker registers the script when the permission is added.
    await browser.permissions.request({ origins: entry.missingOrigins }).catch(() => false);
    await sendToWorker({ type: 'adapters.save', adapter: entry.adapter }).catch((e: Error) => setError(e.message));
    refresh();
  };

  return (
    <div>
      <h3>{t('adaptersCustom')}</h3>
      <p class="muted small">{t('adaptersCustomHelp')}</p>
      {error && <p class="error">{error}</p>}
      <CustomAdapterList entries={entries} onEdit={(e) => edit(JSON.stringify(e.adapter, null, 2))} onDelete={remove} onGrant={grant} />
      <CustomAdapterEditor load={load} onSaved={refresh} />

      <h3>{t('adaptersBuiltin')}</h3>
      <ul class="adapters" data-testid="builtin-adapters">
        {BUILTIN_ADAPTERS.map((adapter) => (
          <li key={adapter.id}>
            <strong>{adapter.name}</strong> <code>{adapter.id}</code> v{adapter.version}
            <div class="muted">{adapter.matches.join('  ')}</div>
            <div class="muted">{t('adapterPages', adapter.pages.map((p) => t(`pageKind_${p.kind}`)).join('、'))}</div>
            {BUILTIN_NOTES[adapter.id] && <BuiltinEvidence notes={BUILTIN_NOTES[adapter.id]!} />}
            <button type="button" class="link" name="adapter-copy" onClick={() => edit(JSON.stringify({ ...adapter, id: `${adapter.id}-custom`, name: `${adapter.name}（自定义）` }, null, 2))}>
              {t('adapterCopyToEditor')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Where each part of a built-in adapter comes from: source and date, or that there is no evidence (optional part). */
function BuiltinEvidence({ notes }: { notes: AdapterNotes }) {
  return (
    <div class="muted" data-testid="adapter-evidence">
      <div>{notes.summary}</div>
      {notes.evidence.length > 0 && (
        <details>
          <summary>{t('adapterEvidence')}</summary>
          <table class="sources-table small">
            <thead>
              <tr>
                <th>{t('adapterEvidenceParts')}</th>
                <th>{t('adapterEvidenceSource')}</th>
                <th>{t('adapterEvidenceDate')}</th>
              </tr>
            </thead>
            <tbody>
              {notes.evidence.map((line) => (
                <tr key={line.parts} class={line.missing ? 'warn' : ''}>
                  <td>{line.parts}</td>
                  <td>{line.missing ? `${t('adapterEvidenceMissing')} ${line.source}` : line.source}</td>
                  <td>{line.date}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
