import type { Adapter } from '../adapter-schema';
import { demoConsoleAdapter } from './demo-console';
import { taobaoSellerAdapter } from './taobao-seller';
import { jdShopAdapter } from './jd-shop';
import { pinduoduoAdapter } from './pinduoduo';
import { douyinAdapter } from './douyin';

/** Adapters shipped with Xiaoer. Their match patterns decide where the content script runs. */
export const BUILTIN_ADAPTERS: readonly Adapter[] = [demoConsoleAdapter, taobaoSellerAdapter, jdShopAdapter, pinduoduoAdapter, douyinAdapter];

/** The hosts of the consoles Xiaoer knows out of the box: content script matches and host permissions. */
export const BUILTIN_CONSOLE_MATCHES: string[] = [...new Set(BUILTIN_ADAPTERS.flatMap((adapter) => adapter.matches))];
