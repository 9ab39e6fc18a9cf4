import { useEffect, useState } from 'preact/hooks';
import { tabHealthSchema } from '@/utils/runtime/tab-health-schema';
import type { TabHealth } from '@/utils/runtime/tab-messages';

/** `url`: the tab's address where Xiaoer may see it (its host is granted, or the popup was opened on it). */
export type TabStatus = { state: 'loading' } | { state: 'none'; tabId?: number; url?: string } | { state: 'ok'; tabId: number; url?: string; health: TabHealth };

/**
 * Asks the console tab's content script what it found. The popup acts on the active tab;
 * `?tabId=` names another one when the popup is opened as a page (tests, pinned window).
 */
export function useTabHealth(refreshKey: unknown): TabStatus {
  const [status, setStatus] = useState<TabStatus>({ state: 'loading' });
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const tabId = await targetTabId();
      const reply = tabId == null ? null : await browser.tabs.sendMessage(tabId, { type: 'tab.health' }).catch(() => null);
      const parsed = tabHealthSchema.safeParse(reply);
      const url = tabId == null ? undefined : (await browser.tabs.get(tabId).catch(() => null))?.url;
      if (cancelled) return;
      setStatus(parsed.success && tabId != null ? { state: 'ok', tabId, url, health: parsed.data } : { state: 'none', tabId, url });
    })();
    return () => {
      cancelled = true;
    };
  }, [refreshKey]);
  return status;
}

async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
