/**
 * Where the `{…}` token starting at `open` (the index of a `{`) closes: the index of its `}`, or -1 when none comes
 * before the next `{`, a line break, the end, or `maxLength` characters. Looks at each character at most once per `{`,
 * so a template parse that calls it stays linear on hostile input.
 */
export function findTokenEnd(src: string, open: number, maxLength: number): number {
  const limit = Math.min(src.length, open + 1 + maxLength + 1);
  for (let j = open + 1; j < limit; j++) {
    const c = src.charAt(j);
    if (c === '}') return j;
    if (c === '{' || c === '\n' || c === '\r') return -1;
  }
  return -1;
}
