import { BUILTIN_CONSOLE_MATCHES } from '@/utils/adapters/builtin';
import { startConsoleSession } from './console-session';

export default defineContentScript({
  // Only the hosts of the built-in adapters.
  matches: BUILTIN_CONSOLE_MATCHES,
  // At the start, before the page's own scripts: the stock of the codes this console showed lately is asked for
  // while the page loads, so rows its first script renders get their badges in the same frame (see stock-badges).
  runAt: 'document_start',
  main(ctx) {
    startConsoleSession(ctx).catch((error) => console.debug('[Xiaoer] could not start', error));
  },
});
