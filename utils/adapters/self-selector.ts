/**
 * The selector that names the container itself (a row whose id is its own attribute, a cell found by `column`).
 * Its own module: the content script needs it, and importing it from the schema would bring zod (≈ 87 KiB) along.
 */
export const SELF_SELECTOR = ':scope';
