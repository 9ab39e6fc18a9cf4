import { afterEach, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { installErrorNet } from '@/utils/runtime/error-net';

const ORIGIN = 'chrome-extension://abcdefghijklmnop';
let ctx: ContentScriptContext;
afterEach(() => ctx?.abort());

function netWith(reported: unknown[]) {
  ctx = new ContentScriptContext('test');
  installErrorNet(ctx, (_scope, error) => reported.push(error), ORIGIN);
}

const withStack = (message: string, file: string) => Object.assign(new Error(message), { stack: `Error: ${message}\n    at paint (${file}:1:2)` });

it("logs uncaught errors and rejections from the extension's own files", () => {
  const reported: unknown[] = [];
  netWith(reported);
  const ours = withStack('ours', `${ORIGIN}/content-scripts/console.js`);
  window.dispatchEvent(new ErrorEvent('error', { error: ours, filename: `${ORIGIN}/content-scripts/console.js` }));
  const rejected = withStack('rejected', `${ORIGIN}/content-scripts/console.js`);
  const event = new Event('unhandledrejection') as Event & { reason: unknown };
  event.reason = rejected;
  window.dispatchEvent(event);
  expect(reported).toEqual([ours, rejected]);
});

it("leaves the page's own errors alone", () => {
  const reported: unknown[] = [];
  netWith(reported);
  const event = new ErrorEvent('error', { error: withStack('page', 'https://myseller.example/app.js'), filename: 'https://myseller.example/app.js', cancelable: true });
  window.dispatchEvent(event);
  const rejection = new Event('unhandledrejection', { cancelable: true }) as Event & { reason: unknown };
  rejection.reason = 'plain string from the page';
  window.dispatchEvent(rejection);
  expect(reported).toEqual([]);
  expect(event.defaultPrevented).toBe(false);
});
