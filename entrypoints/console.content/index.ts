import { BUILTIN_CONSOLE_MATCHES } from '@/utils/adapters/builtin';
import { startConsoleSession } from './console-session';

export default defineContentScript({
  // Only the hosts of the built-in adapters; custom adapters register their hosts at runtime.
  matches: BUILTIN_CONSOLE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    startConsoleSession(ctx).catch((error) => console.debug('[Xiaoer] could not start', error));
  },
});
