import { BUILTIN_ADAPTERS } from '@/utils/adapters/builtin';
import { startConsoleSession } from './console-session';

export default defineContentScript({
  // Only the hosts of the built-in adapters; custom adapters register their hosts at runtime.
  matches: [...new Set(BUILTIN_ADAPTERS.flatMap((adapter) => adapter.matches))],
  runAt: 'document_idle',
  main(ctx) {
    startConsoleSession(ctx).catch((error) => console.debug('[Xiaoer] could not start', error));
  },
});
