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
  return '只支持 https 网址（本机 127.0.0.1/localhost 可用 http）';
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** The origin pattern to ask host permission for. */
export function originPattern(raw: string): string {
  const url = new URL(raw);
  return `${url.protocol}//${url.hostname}/*`;
}
