import { MatchPattern } from 'wxt/utils/match-patterns';

/**
 * What is wrong with a match pattern, said as what to write instead (`http://127.0.0.1:5317/*` → "a match pattern
 * covers every port: write http://127.0.0.1/*"); null when the browser takes it. Only http(s) pages are consoles.
 */
export function matchPatternProblem(pattern: string): string | null {
  const trimmed = pattern.trim();
  if (trimmed !== pattern) return `has spaces around it: write ${trimmed}`;
  const parts = /^([a-z*]+):\/\/([^/]*)(\/.*)?$/i.exec(pattern);
  if (!parts) {
    // No scheme at all (`*.taobao.com/*`, `shop.jd.com`): say the whole pattern.
    const bare = pattern.replace(/^\/+/, '');
    const [host = '', ...rest] = bare.split('/');
    return /^[\w*.-]+$/.test(host) ? `needs a scheme: write https://${host}/${rest.length ? rest.join('/') || '*' : '*'}` : 'is not a match pattern like https://*.example.com/*';
  }
  const [, scheme = '', hostPort = '', path] = parts;
  if (!/^(https?|\*)$/.test(scheme)) return `only http and https pages can be consoles: write https://${hostPort || 'example.com'}/*`;
  const portMatch = /^(.*):(\d+|\*)$/.exec(hostPort);
  const host = portMatch ? portMatch[1]! : hostPort;
  const suggestedPath = path ?? '/*';
  if (portMatch) return `a match pattern covers every port: write ${scheme}://${host}${suggestedPath}`;
  if (!host) return `needs a host: write ${scheme}://example.com/*`;
  if (host.includes('*') && !/^(\*|\*\.[^*]+)$/.test(host)) {
    return `a * in the host may only stand first, before a dot: write ${scheme}://*.${host.replace(/^.*\*\.?/, '') || 'example.com'}${suggestedPath}`;
  }
  if (path === undefined) return `needs a path: write ${scheme}://${host}/*`;
  try {
    new MatchPattern(pattern);
    return null;
  } catch {
    return 'is not a match pattern like https://*.example.com/*';
  }
}
