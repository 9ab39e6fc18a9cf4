/** What one poll of a stock feed did. */
export type FeedOutcome =
  | { sourceId: string; status: 'updated'; rows: number }
  | { sourceId: string; status: 'unchanged' }
  | { sourceId: string; status: 'failed'; error: string };
