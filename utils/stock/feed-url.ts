/**
 * Feeds are fetched over https, or plain http only on this machine (loopback): stock and auth headers must not
 * travel the network in clear text.
 */
export function feedUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '不是有效的网址';
  }
  if (url.username || url.password) return '网址中不能包含用户名或密码，请使用认证请求头';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return null;
  return '只支持 https 网址（本机 localhost、127.0.0.1、[::1] 可用 http）';
}

/**
 * The loopback hosts the extension can be granted (optional_host_permissions in wxt.config.ts): a match pattern
 * cannot name 127.0.0.0/8, so other 127.x addresses would pass here and then never get their permission.
 */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

export function isLoopback(hostname: string): boolean {
  return (LOOPBACK_HOSTS as readonly string[]).includes(hostname);
}

/** The origin pattern to ask host permission for. */
export function originPattern(raw: string): string {
  const url = new URL(raw);
  return `${url.protocol}//${url.hostname}/*`;
}
