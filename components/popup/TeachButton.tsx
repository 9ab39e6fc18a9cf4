import { useState } from 'preact/hooks';
import { BUILTIN_CONSOLE_MATCHES } from '@/utils/adapters/builtin';
import { customPatternProblem, originOf, uncoveredPatterns } from '@/utils/adapters/host-coverage';
import { t } from '@/utils/i18n';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import type { TeachKind } from '@/utils/teach/teach-plan';

interface Props {
  tabId: number;
  url: string | undefined;
  /** Re-point only these parts (the ones the health warning names). */
  repoint?: { kind: TeachKind; part: string }[];
  label: string;
}

/**
 * Opens the teach overlay on the tab. A console host Xiaoer has no access to yet is asked for first, in the click
 * (the browser needs the gesture) — the same permission a custom adapter for that host needs when it is saved.
 */
export function TeachButton({ tabId, url, repoint, label }: Props) {
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const start = async () => {
    try {
      const parsed = url ? new URL(url) : null;
      if (!parsed || !/^https?:$/.test(parsed.protocol)) throw new Error(t('teachPopupNoPage'));
      const pattern = `${parsed.protocol}//${parsed.hostname}/*`;
      if (uncoveredPatterns([pattern], BUILTIN_CONSOLE_MATCHES).length) {
        const problem = customPatternProblem(pattern);
        if (problem) throw new Error(`${pattern}: ${problem}`);
        if (!(await browser.permissions.request({ origins: [originOf(pattern)] }))) throw new Error(t('teachPopupDenied', originOf(pattern)));
      }
      await sendToWorker({ type: 'adapters.teach', tabId, ...(repoint ? { repoint } : {}) });
      setNote({ ok: true, text: t('teachPopupStarted') });
    } catch (error) {
      setNote({ ok: false, text: (error as Error).message });
    }
  };
  return (
    <span class="teach">
      <button type="button" name={repoint ? 'popup-repoint' : 'popup-teach'} onClick={start}>{label}</button>
      {note && <span class={note.ok ? 'ok' : 'warn'} data-testid="teach-note"> {note.text}</span>}
    </span>
  );
}
