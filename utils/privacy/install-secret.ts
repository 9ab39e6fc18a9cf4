import { sendToWorker } from '../messaging/send-to-worker';
import { storedInstallKey } from './install-key';

/** In a tab: this install's secret, read from storage.local; on first use the worker creates it. */
export async function installSecret(): Promise<string> {
  const stored = await storedInstallKey();
  if (stored) return stored.secret;
  await sendToWorker({ type: 'install.key' });
  const created = await storedInstallKey();
  if (!created) throw new Error('Xiaoer: the install key was not created');
  return created.secret;
}
