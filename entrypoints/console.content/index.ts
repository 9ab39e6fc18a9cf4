import { BUILTIN_CONSOLE_MATCHES } from '@/utils/adapters/builtin';
import { startConsoleSession } from './console-session';

export default defineContentScript({
  // Only the hosts of the built-in adapters.
  matches: BUILTIN_CONSOLE_MATCHES,
  // At the end of parsing rather than at idle: badges and the palette are ready as soon as the console renders.
  runAt: 'document_end',
  main(ctx) {
    startConsoleSession(ctx).catch((error) => console.debug('[Xiaoer] could not start', error));
  },
});
