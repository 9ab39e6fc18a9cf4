import type { Adapter } from '../adapter-schema';
import { demoConsoleAdapter } from './demo-console';
import { taobaoSellerAdapter } from './taobao-seller';
import { jdShopAdapter } from './jd-shop';
import { dongdongAdapter } from './dongdong';
import { pinduoduoAdapter } from './pinduoduo';
import { douyinAdapter } from './douyin';
import { withDemoConsole } from './demo-build';

/** The real consoles Xiaoer knows out of the box: what every build ships. */
export const CONSOLE_ADAPTERS: readonly Adapter[] = [taobaoSellerAdapter, jdShopAdapter, dongdongAdapter, pinduoduoAdapter, douyinAdapter];

/**
 * Adapters built in: the real consoles, and in the build the demo and the tests use (XIAOER_DEMO_CONSOLE=1) the demo
 * console on 127.0.0.1 too. Their match patterns decide where the content script runs.
 */
export const BUILTIN_ADAPTERS: readonly Adapter[] = withDemoConsole ? [demoConsoleAdapter, ...CONSOLE_ADAPTERS] : CONSOLE_ADAPTERS;

/** The hosts of the consoles Xiaoer knows out of the box: content script matches and host permissions. */
export const BUILTIN_CONSOLE_MATCHES: string[] = [...new Set(BUILTIN_ADAPTERS.flatMap((adapter) => adapter.matches))];
