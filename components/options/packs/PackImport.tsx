import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import type { FeedValidators } from '@/utils/feeds/fetch-feed';
import type { Pack } from '@/utils/packs/pack-format';
import type { PackPreview } from '@/utils/packs/pack-merge';
import { readSnippetInput, type SnippetInput } from '@/utils/packs/read-snippet-input';
import type { SheetImportPreview } from '@/utils/packs/sheet-import';
import type { SheetSnippet } from '@/utils/packs/snippet-sheet';
import { feedUrlProblem, originPattern } from '@/utils/stock/feed-url';
import { PackPreviewView } from './PackPreviewView';
import { SheetPreviewView } from './SheetPreviewView';

export type Staged =
  | { kind: 'pack'; pack: Pack; preview: PackPreview; subscribe?: { url: string; intervalMinutes: number } & FeedValidators }
  | { kind: 'sheet'; rows: SheetSnippet[]; format: string; notes?: string[]; preview: SheetImportPreview };

/** Import a team pack or a sheet from a file, pasted text or a URL (optionally subscribing); always previewed first. */
export function PackImport({ staged, setStaged }: { staged: Staged | null; setStaged: (s: Staged | null) => void }) {
  const [pasted, setPasted] = useState('');
  const [url, setUrl] = useState('');
  const [subscribe, setSubscribe] = useState(true);
  const [interval, setIntervalMinutes] = useState(60);
  const [status, setStatus] = useState<{ busy?: boolean; ok?: string; error?: string }>({});

  const stage = async (input: SnippetInput, extra?: Pick<Extract<Staged, { kind: 'pack' }>, 'subscribe'>) => {
    if (input.kind === 'pack') {
      const preview = await sendToWorker({ type: 'packs.preview', pack: input.pack });
      setStaged({ kind: 'pack', pack: input.pack, preview, ...extra });
    } else {
      const preview = await sendToWorker({ type: 'snippets.importSheet', rows: input.rows, commit: false });
      setStaged({ kind: 'sheet', rows: input.rows, format: input.format, notes: input.notes, preview });
    }
  };
  /** Runs one step; a new read drops the staged import, applying keeps it shown until it succeeded. */
  const run = async (work: () => Promise<void>, fresh = true) => {
    setStatus({ busy: true });
    if (fresh) setStaged(null);
    try {
      setStatus({});
      await work();
      setStatus((s) => ({ ...s, busy: false }));
    } catch (error) {
      setStatus({ error: (error as Error).message });
    }
  };
  const readFile = (file: File) =>
    run(async () => stage(await readSnippetInput({ bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name })));
  const readPaste = () => run(async () => stage(await readSnippetInput({ text: pasted })));
  const readUrl = () =>
    run(async () => {
      const problem = feedUrlProblem(url);
      if (problem) throw new Error(problem);
      // Must run in the click's user gesture: the browser asks the agent.
      if (!(await browser.permissions.request({ origins: [originPattern(url)] }))) throw new Error(t('stockFeedPermissionDenied', originPattern(url)));
      const fetched = await sendToWorker({ type: 'packs.fetch', url });
      if (fetched.kind === 'sheet') {
        if (subscribe) throw new Error(t('packSubscribeNeedsPack'));
        return setStaged(fetched);
      }
      setStaged({ kind: 'pack', pack: fetched.pack, preview: fetched.preview, subscribe: subscribe ? { url, intervalMinutes: interval, ...fetched.validators } : undefined });
    });

  const apply = (takeTeam: string[]) =>
    staged?.kind === 'pack' &&
    run(async () => {
      // The hosts of the adapters the pack carries, asked for first thing in the click (the browser needs the
      // gesture), as when the agent saves an adapter of their own; a refused host leaves its adapter waiting.
      const origins = [...new Set((staged.preview.adapters ?? []).flatMap((a) => a.origins))];
      if (origins.length) await browser.permissions.request({ origins }).catch(() => false);
      const done = await sendToWorker({ type: 'packs.apply', pack: staged.pack, takeTeam, subscribe: staged.subscribe });
      setStaged(null);
      setStatus({ ok: t('packApplied', [done.name, String(done.version)]) });
    }, false);
  const importRows = () =>
    staged?.kind === 'sheet' &&
    run(async () => {
      const done = await sendToWorker({ type: 'snippets.importSheet', rows: staged.rows, commit: true });
      setStaged(null);
      setStatus({ ok: t('sheetImported', [String(done.added.length), String(done.changed.length)]) });
    }, false);

  return (
    <div class="pack-import">
      <div class="import-row">
        <label class="file-button">
          {t('packChooseFile')}
          <input
            type="file"
            name="pack-file"
            accept=".json,.csv,.tsv,.txt,.xlsx,application/json,text/csv"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void readFile(file);
              e.currentTarget.value = '';
            }}
          />
        </label>
        <span class="muted small">{t('packFileHint')}</span>
      </div>
      <details class="paste">
        <summary>{t('packPasteSummary')}</summary>
        <textarea name="pack-paste" rows={5} placeholder={t('packPastePlaceholder')} value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} />
        <button type="button" name="pack-paste-preview" disabled={!pasted.trim() || status.busy} onClick={readPaste}>{t('stockPastePreview')}</button>
      </details>
      <div class="url-row">
        <input type="text" name="pack-url" placeholder="https://example.com/team-pack.json" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        <label class="inline">
          <input type="checkbox" name="pack-subscribe" checked={subscribe} onChange={(e) => setSubscribe(e.currentTarget.checked)} />
          {t('packSubscribe')}
        </label>
        <label class="inline">
          {t('packInterval')}
          <input type="number" name="pack-interval" min={5} max={10080} value={interval} onInput={(e) => setIntervalMinutes(Math.max(5, Number(e.currentTarget.value) || 60))} />
        </label>
        <button type="button" name="pack-url-fetch" disabled={!url.trim() || status.busy} onClick={readUrl}>{t('packFetch')}</button>
      </div>
      {status.error && <p class="error" role="alert" data-testid="pack-error">{status.error}</p>}
      {status.ok && <p class="ok" role="status" data-testid="pack-done">{status.ok}</p>}
      {staged?.kind === 'pack' && (
        <PackPreviewView key={`${staged.pack.id}@${staged.pack.version}`} preview={staged.preview} busy={!!status.busy} onApply={apply} onCancel={() => setStaged(null)} />
      )}
      {staged?.kind === 'sheet' && (
        <SheetPreviewView preview={staged.preview} format={staged.format} notes={staged.notes} busy={!!status.busy} onImport={importRows} onCancel={() => setStaged(null)} />
      )}
    </div>
  );
}
