import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { sendToWorker } from '@/utils/messaging/send-to-worker';

export function AboutSection() {
  const [info, setInfo] = useState<{ version: string; dbVersion: number } | null>(null);
  useEffect(() => {
    sendToWorker({ type: 'ping' }).then(setInfo, () => setInfo(null));
  }, []);
  return (
    <div>
      <p>{t('aboutText')}</p>
      {info && <p class="muted" data-testid="about-version">{t('aboutVersion', [info.version, String(info.dbVersion)])}</p>}
    </div>
  );
}
