import { feedUrlProblem, originPattern } from '@/utils/stock/feed-url';

/**
 * URLs the worker fetches (stock feeds, team packs) follow the feed rule (https, or http on this machine) and need
 * the agent's grant for their origin.
 */
export async function assertMayFetch(url: string): Promise<void> {
  const problem = feedUrlProblem(url);
  if (problem) throw new Error(problem);
  const origin = originPattern(url);
  if (!(await browser.permissions.contains({ origins: [origin] }))) throw new Error(`需要先允许访问 ${origin}`);
}
