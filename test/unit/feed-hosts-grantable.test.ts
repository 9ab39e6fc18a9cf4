import { describe, expect, it } from 'vitest';
import { OPTIONAL_HOSTS } from '../../wxt.config';
import { feedUrlProblem, originPattern } from '@/utils/stock/feed-url';

/** Chrome's match-pattern rule for `scheme://host/*` (a leading `*.` wildcard, or `*` for any host). */
function matches(pattern: string, url: string): boolean {
  const [, scheme, host] = /^(\w+):\/\/([^/]+)\/\*$/.exec(pattern)!;
  const target = new URL(url);
  if (`${scheme}:` !== target.protocol) return false;
  return host === '*' || host === target.hostname || (host!.startsWith('*.') && target.hostname.endsWith(host!.slice(1)));
}

const manifest = { optional_host_permissions: OPTIONAL_HOSTS };

describe('feed URLs and the host permissions the extension can ask for', () => {
  it.each([
    'https://erp.example.com/stock.json',
    'http://localhost:8080/stock.csv',
    'http://127.0.0.1:8080/stock.csv',
    'http://127.0.0.2/stock.csv',
    'http://127.1.2.3/stock.csv',
    'http://[::1]:9000/stock.csv',
    'http://192.168.1.5/stock.csv',
  ])('%s is accepted exactly when its origin can be granted', (url) => {
    const grantable = manifest.optional_host_permissions.some((pattern) => matches(pattern, url));
    expect(feedUrlProblem(url) === null).toBe(grantable);
    if (grantable) expect(manifest.optional_host_permissions.some((pattern) => matches(pattern, originPattern(url).replace('/*', '/')))).toBe(true);
  });
});
