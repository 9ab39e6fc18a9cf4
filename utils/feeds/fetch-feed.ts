/**
 * The conditional, size-capped GET that stock feeds and pack subscriptions share: validators (ETag/Last-Modified)
 * so an unchanged feed costs a 304, a timeout, and a byte limit enforced while reading, whatever Content-Length says.
 */
import { feedUrlProblem } from '../stock/feed-url';

export interface FeedValidators {
  etag?: string;
  lastModified?: string;
}

export type FeedFetch =
  | { status: 'unchanged' }
  | { status: 'ok'; bytes: Uint8Array; contentType: string | null; validators: FeedValidators };

export interface FeedFetchOptions extends FeedValidators {
  maxBytes: number;
  timeoutMs: number;
  accept: string;
  /** Extra request headers (a stock feed's auth header). */
  headers?: Record<string, string>;
  /** How errors name the thing fetched, e.g. 数据源 or 话术包. */
  label: string;
}

export async function fetchFeed(url: string, options: FeedFetchOptions): Promise<FeedFetch> {
  const urlProblem = feedUrlProblem(url);
  if (urlProblem) throw new Error(urlProblem);
  const headers = new Headers({ accept: options.accept, ...options.headers });
  if (options.etag) headers.set('if-none-match', options.etag);
  if (options.lastModified) headers.set('if-modified-since', options.lastModified);
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  try {
    response = await fetchSameOrigin(url, headers, signal, options.label);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') throw new Error(`${options.label}超时未响应`);
    throw error;
  }
  if (response.status === 304) return { status: 'unchanged' };
  if (!response.ok) throw new Error(`${options.label}返回 HTTP ${response.status}`);
  const bytes = await readCapped(response, options.maxBytes, options.label);
  return {
    status: 'ok',
    bytes,
    contentType: response.headers.get('content-type'),
    validators: { etag: response.headers.get('etag') ?? undefined, lastModified: response.headers.get('last-modified') ?? undefined },
  };
}

const MAX_REDIRECTS = 5;

/**
 * Follows redirects only within the feed's own origin: a browser's automatic follow would carry the auth header to
 * any host, and down from https to http.
 */
async function fetchSameOrigin(url: string, headers: Headers, signal: AbortSignal, label: string): Promise<Response> {
  const origin = new URL(url).origin;
  let current = url;
  for (let hop = 0; ; hop++) {
    const response = await fetch(current, { headers, signal, cache: 'no-store', credentials: 'omit', redirect: 'manual' });
    const isRedirect = response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.status !== 304);
    if (!isRedirect) return response;
    if (hop === MAX_REDIRECTS) throw new Error(`${label}重定向次数过多`);
    const target = await redirectTarget(response, current, headers.get('accept') ?? '*/*', signal, label);
    if (new URL(target).origin !== origin) throw new Error(`${label}重定向到其他网址 ${target}，已拒绝（只跟随同一网站内的重定向）`);
    current = target;
  }
}

/**
 * Where a redirect points. A service worker's manual redirect is opaque (no Location): a second request without
 * our headers, left to follow, shows its final address and carries nothing secret.
 */
async function redirectTarget(response: Response, from: string, accept: string, signal: AbortSignal, label: string): Promise<string> {
  const location = response.headers.get('location');
  if (location) return new URL(location, from).href;
  try {
    const probe = await fetch(from, { headers: { accept }, signal, cache: 'no-store', credentials: 'omit', redirect: 'follow' });
    await probe.body?.cancel();
    return probe.url;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') throw error;
    throw new Error(`${label}重定向后无法访问（${error instanceof Error ? error.message : String(error)}），已拒绝`);
  }
}

/** Reads the body but stops (and fails) as soon as it passes `limit` bytes, whatever Content-Length claims. */
export async function readCapped(response: Response, limit: number, label: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > limit) {
    await response.body?.cancel();
    throw new Error(`${label}内容过大（${formatMb(declared)}，上限 ${formatMb(limit)}）`);
  }
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new Error(`${label}内容过大（超过 ${formatMb(limit)}）`);
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

const formatMb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
