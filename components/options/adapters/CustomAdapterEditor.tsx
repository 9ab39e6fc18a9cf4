import { useEffect, useState } from 'preact/hooks';
import type { Adapter } from '@/utils/adapters/adapter-schema';
import { BUILTIN_CONSOLE_MATCHES } from '@/utils/adapters/builtin';
import { parseCustomAdapterText } from '@/utils/adapters/custom/custom-adapter-parse';
import type { AdapterTestReport, ConsoleTab } from '@/utils/adapters/custom/adapter-test-report';
import { EXAMPLE_ADAPTER } from '@/utils/adapters/custom/adapter-example';
import { originOf, uncoveredPatterns } from '@/utils/adapters/host-coverage';
import { t } from '@/utils/i18n';
import { sendToWorker } from '@/utils/messaging/send-to-worker';

interface Props {
  /** Text to load into the editor (an existing adapter to edit), with a key that changes per request. */
  load: { text: string; key: number } | null;
  onSaved(): void;
}

/** `asking`: the browser's permission prompt is open, and nothing is saved or tried until it is answered. */
type Status = { kind: 'ok' | 'error' | 'asking'; lines: string[] } | null;

/** Paste or write an adapter as JSON; check it per field, try it on an open tab, save it (asking for its host). */
export function CustomAdapterEditor({ load, onSaved }: Props) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const [tabs, setTabs] = useState<ConsoleTab[]>([]);
  const [tabId, setTabId] = useState<number | null>(null);
  const [report, setReport] = useState<AdapterTestReport | null>(null);

  useEffect(() => {
    if (load) {
      setText(load.text);
      setStatus(null);
      setReport(null);
    }
  }, [load?.key]);

  const refreshTabs = () =>
    void sendToWorker({ type: 'adapters.tabs' })
      .then((list) => {
        setTabs(list);
        setTabId((current) => (list.some((tab) => tab.id === current) ? current : (list[0]?.id ?? null)));
      })
      .catch(() => setTabs([]));
  useEffect(refreshTabs, []);

  const check = (): Adapter | null => {
    const parsed = parseCustomAdapterText(text);
    if (parsed.ok) return parsed.adapter;
    setStatus({ kind: 'error', lines: parsed.errors });
    return null;
  };

  /** Asks for the adapter's hosts Xiaoer cannot reach yet. Called first thing in a click: the browser needs the gesture. */
  const requestHosts = (adapter: Adapter): Promise<boolean> => {
    const origins = [...new Set(uncoveredPatterns(adapter.matches, BUILTIN_CONSOLE_MATCHES).map(originOf))];
    if (!origins.length) return Promise.resolve(true);
    setStatus({ kind: 'asking', lines: [t('adapterAskingAccess', origins.join(' '))] });
    return browser.permissions.request({ origins });
  };

  const validate = () => {
    const adapter = check();
    if (adapter) setStatus({ kind: 'ok', lines: [t('adapterValid', [adapter.name, String(adapter.pages.length)])] });
  };

  const save = async () => {
    const adapter = check();
    if (!adapter) return;
    try {
      const granted = await requestHosts(adapter);
      const entry = await sendToWorker({ type: 'adapters.save', adapter });
      setStatus(
        granted && !entry.missingOrigins.length
          ? { kind: 'ok', lines: [t('adapterSaved', adapter.name)] }
          : { kind: 'error', lines: [t('adapterSavedNoAccess', entry.missingOrigins.join(' '))] },
      );
      onSaved();
      refreshTabs();
    } catch (error) {
      setStatus({ kind: 'error', lines: String((error as Error).message).split('\n') });
    }
  };

  const test = async () => {
    const adapter = check();
    if (!adapter || tabId == null) return;
    try {
      await requestHosts(adapter);
      const result = await sendToWorker({ type: 'adapters.test', tabId, adapter });
      setReport(result);
      setStatus(null);
    } catch (error) {
      setReport(null);
      setStatus({ kind: 'error', lines: String((error as Error).message).split('\n') });
    }
  };

  const clear = () => {
    if (tabId != null) void sendToWorker({ type: 'adapters.clearHighlights', tabId }).catch(() => {});
  };

  return (
    <div class="adapter-editor">
      <textarea
        name="adapter-json"
        spellcheck={false}
        rows={16}
        placeholder={t('adapterJsonPlaceholder')}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <div class="toolbar">
        <button type="button" name="adapter-example" onClick={() => setText(JSON.stringify(EXAMPLE_ADAPTER, null, 2))}>
          {t('adapterInsertExample')}
        </button>{' '}
        <button type="button" name="adapter-validate" onClick={validate}>
          {t('adapterValidate')}
        </button>{' '}
        <button type="button" class="primary" name="adapter-save" onClick={save}>
          {t('adapterSave')}
        </button>
      </div>
      {status && (
        <div
          class={status.kind === 'ok' ? 'ok' : status.kind === 'asking' ? 'muted' : 'problems'}
          role={status.kind === 'error' ? 'alert' : 'status'}
          data-kind={status.kind}
          data-testid="adapter-status"
        >
          <ul>
            {status.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      <h4>{t('adapterTestTitle')}</h4>
      <div class="toolbar adapter-test-bar">
        <select name="adapter-tab" value={tabId ?? ''} onChange={(e) => setTabId(Number(e.currentTarget.value))} onFocus={refreshTabs}>
          {tabs.length === 0 && <option value="">{t('adapterNoTabs')}</option>}
          {tabs.map((tab) => (
            <option key={tab.id} value={tab.id}>
              {(tab.title || tab.url).slice(0, 60)} — {tab.url.slice(0, 80)}
            </option>
          ))}
        </select>{' '}
        <button type="button" name="adapter-test" disabled={tabId == null} onClick={test}>
          {t('adapterTestOnTab')}
        </button>{' '}
        <button type="button" name="adapter-clear" disabled={tabId == null} onClick={clear}>
          {t('adapterClearHighlights')}
        </button>
      </div>
      {report && <TestReport report={report} />}
    </div>
  );
}

function TestReport({ report }: { report: AdapterTestReport }) {
  const matched = report.pages.filter((p) => p.matched);
  return (
    <div class="adapter-report" data-testid="adapter-report">
      <p class={matched.length ? 'ok' : 'warn'}>
        {matched.length
          ? t('adapterTestPage', [matched.map((p) => `${p.index + 1}（${t(`pageKind_${p.kind}`)}）`).join('、')])
          : t('adapterTestNoPage', report.url)}{' '}
        {t('adapterTestHighlighted', String(report.highlighted))}
      </p>
      {report.pages.map((page) => (
        <table key={page.index} class="sources-table small" data-page={page.index} data-matched={String(page.matched)}>
          <caption class={page.matched ? '' : 'muted'}>
            {t('adapterTestEntry', [String(page.index + 1), t(`pageKind_${page.kind}`)])} ·{' '}
            {page.matched ? t('adapterTestEntryMatched') : t('adapterTestEntryOther')}
          </caption>
          <thead>
            <tr>
              <th>{t('adapterTestPart')}</th>
              <th class="num">{t('adapterTestCount')}</th>
              <th>{t('adapterTestValues')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {page.parts.map((part) => (
              <tr key={part.name} data-part={part.name} data-count={part.count} data-unread={String(part.unread)}>
                <td>
                  <code>{part.name}</code>
                </td>
                <td class="num">{part.count}</td>
                <td class="values">{part.values.join(' | ')}</td>
                <td class={part.unread ? 'warn' : part.count ? 'ok' : part.optional ? 'muted' : 'warn'}>
                  {part.unread
                    ? t('adapterTestUnread')
                    : part.count
                      ? '✓'
                      : part.optional
                        ? t('adapterTestOptionalNone')
                        : t('adapterTestMissing')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
