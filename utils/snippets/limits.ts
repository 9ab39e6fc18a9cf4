/** A snippet body longer than this is refused: no real reply is that long, and a hostile one must stay cheap. */
export const MAX_SNIPPET_BODY = 100_000;
/** The library holds at most this many snippets (a big team's library is a few thousand). */
export const MAX_SNIPPETS = 20_000;
