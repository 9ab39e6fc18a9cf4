/** What one refresh of a subscribed pack did. */
export type PackCheck =
  | { packId: string; status: 'unchanged' | 'pending' }
  | { packId: string; status: 'failed'; error: string };
