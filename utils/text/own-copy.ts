/**
 * A copy of `text` that holds only its own characters. V8 makes a substring of 13 or more characters a view into
 * the string it was cut from; a value kept from a big file (an imported record's code or name) would keep that whole
 * piece of the file alive. Shorter substrings are copies already.
 */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/**
 * ownCopy for one column's values, row after row: a value equal to the previous row's is given that same copy, so a
 * value an export repeats on consecutive rows (an item's name and outer code on each of its SKUs) is kept once.
 */
export function ownCopies(): (text: string) => string {
  let copy = '';
  return (text) => (text === copy ? copy : (copy = ownCopy(text)));
}
