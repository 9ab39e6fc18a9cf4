import type { Adapter } from '../adapter-schema';
import { demoConsoleAdapter } from './demo-console';

/** Adapters shipped with Xiaoer. Their match patterns decide where the content script runs. */
export const BUILTIN_ADAPTERS: readonly Adapter[] = [demoConsoleAdapter];
