/**
 * Which hosts a match pattern needs beyond the ones Xiaoer already has (the built-in consoles' hosts).
 * Chrome match patterns ignore the port, so `http://localhost/*` covers every loopback port of localhost.
 */
interface Parts {
  scheme: string;
  host: string;
}

function split(pattern: string): Parts | null {
  const match = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
  return match ? { scheme: match[1]!, host: match[2]! } : null;
}

function hostCovers(outer: string, inner: string): boolean {
  if (outer === '*' || outer === inner) return true;
  if (!outer.startsWith('*.')) return false;
  const base = outer.slice(2);
  const innerBase = inner.startsWith('*.') ? inner.slice(2) : inner;
  return innerBase === base || innerBase.endsWith('.' + base);
}

/** Whether every URL `inner` matches is also matched by `outer` (host and scheme; paths are treated as "any"). */
export function patternCovers(outer: string, inner: string): boolean {
  const o = split(outer);
  const i = split(inner);
  if (!o || !i) return false;
  const schemeOk = o.scheme === i.scheme || (o.scheme === '*' && i.scheme !== '*');
  return schemeOk && hostCovers(o.host, i.host);
}

/** The patterns among `wanted` that none of `granted` covers: these need an optional permission and a registration. */
export function uncoveredPatterns(wanted: readonly string[], granted: readonly string[]): string[] {
  return [...new Set(wanted)].filter((pattern) => !granted.some((g) => patternCovers(g, pattern)));
}

/** The origin pattern Chrome's permission API takes for a match pattern: same scheme and host, any path. */
export function originOf(pattern: string): string {
  const parts = split(pattern);
  return parts ? `${parts.scheme}://${parts.host}/*` : pattern;
}

/**
 * Custom adapters may name https hosts, or http on this machine only (a console served locally): the optional
 * permissions the manifest declares are exactly these.
 */
export function customPatternProblem(pattern: string): string | null {
  const parts = split(pattern);
  if (!parts) return 'is not a match pattern like https://*.example.com/*';
  if (parts.host === '*' || parts.host === '*.') return 'must name a host, not every host';
  if (parts.scheme === 'https') return null;
  if (parts.scheme === 'http' && (parts.host === 'localhost' || parts.host === '127.0.0.1')) return null;
  return 'use https (http only for localhost or 127.0.0.1)';
}
