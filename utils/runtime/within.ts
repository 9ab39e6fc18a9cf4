/**
 * `promise`, or a rejection once `ms` have passed without it settling. For requests that may never answer: Chromium
 * can leave a message sent to a worker that is being stopped unanswered, rather than failing it.
 */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
