import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import { feedUrlProblem, originPattern } from '@/utils/stock/feed-url';

/** Adds a URL feed the worker polls; asks for access to that one origin first. */
export function FeedForm() {
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [interval, setIntervalMinutes] = useState(15);
  const [mode, setMode] = useState<'replace' | 'merge'>('replace');
  const [headerName, setHeaderName] = useState('');
  const [headerValue, setHeaderValue] = useState('');
  const [status, setStatus] = useState<{ busy?: boolean; ok?: string; error?: string }>({});

  const save = async (event: Event) => {
    event.preventDefault();
    const problem = feedUrlProblem(url);
    if (problem) return setStatus({ error: problem });
    setStatus({ busy: true });
    try {
      // Must run in the click's user gesture: the browser asks the agent.
      const granted = await browser.permissions.request({ origins: [originPattern(url)] });
      if (!granted) return setStatus({ error: t('stockFeedPermissionDenied', originPattern(url)) });
      const { outcome } = await sendToWorker({
        type: 'sources.saveFeed',
        name: name.trim() || new URL(url).host,
        url,
        intervalMinutes: interval,
        mode,
        authHeader: headerName ? { name: headerName, value: headerValue } : undefined,
      });
      if (outcome.status === 'failed') setStatus({ error: t('stockFeedSavedButFailed', outcome.error) });
      else setStatus({ ok: t('stockFeedSaved') });
    } catch (error) {
      setStatus({ error: (error as Error).message });
    }
  };

  return (
    <form class="feed-form" onSubmit={save}>
      <label>
        <span>{t('stockSourceName')}</span>
        <input type="text" name="feed-name" value={name} maxLength={80} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        <span>{t('stockFeedUrl')}</span>
        <input type="text" name="feed-url" required placeholder="https://erp.example.com/stock.json" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
      </label>
      <label>
        <span>{t('stockFeedInterval')}</span>
        <input type="number" name="feed-interval" min={1} max={1440} value={interval} onInput={(e) => setIntervalMinutes(Math.max(1, Number(e.currentTarget.value) || 1))} />
      </label>
      <label>
        <span>{t('stockMode')}</span>
        <select name="feed-mode" value={mode} onChange={(e) => setMode(e.currentTarget.value as 'replace' | 'merge')}>
          <option value="replace">{t('stockModeReplace')}</option>
          <option value="merge">{t('stockModeMerge')}</option>
        </select>
      </label>
      <label>
        <span>{t('stockFeedAuth')}</span>
        <span class="pair">
          <input type="text" name="feed-header-name" placeholder="Authorization" value={headerName} onInput={(e) => setHeaderName(e.currentTarget.value)} />
          <input type="password" name="feed-header-value" autocomplete="off" value={headerValue} onInput={(e) => setHeaderValue(e.currentTarget.value)} />
        </span>
      </label>
      <div>
        <button type="submit" class="primary" name="save-feed" disabled={status.busy}>
          {t('stockFeedSave')}
        </button>
      </div>
      {status.ok && <p class="ok" role="status" data-testid="feed-status">{status.ok}</p>}
      {status.error && <p class="error" role="alert" data-testid="feed-status">{status.error}</p>}
    </form>
  );
}
