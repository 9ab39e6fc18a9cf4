/**
 * Finds the receiver's telephone number inside free text without mistaking
 * house numbers (478号), room numbers or postal codes for it.
 */
import { formatPhone } from './phone-format';

export interface FoundPhone {
  /** As the parser reports it (see formatPhone). */
  readonly phone: string;
  readonly index: number;
  readonly length: number;
}

const SEP = '[-\\s]?';
// Most specific first: a valid mobile anywhere beats a landline-looking run.
const PATTERNS: readonly RegExp[] = [
  // +86 138 0013 8000, 138-0013-8000
  new RegExp(`(?<![\\d*])(?:(?:\\+|00)?86${SEP})?1[3-9]\\d${SEP}\\d{4}${SEP}\\d{4}(?![\\d*])`, 'g'),
  /(?<![\d*])1\d{2}\*{4}\d{4}(?![\d*])/g,
  // +852 9123 4567, +853 6612 3456, +886 912 345 678
  /(?:\+|00)(?:852|853|886)[-\s]?\d(?:[-\s]?\d){7,9}(?!\d)/g,
  // Taiwanese mobile 0912-345-678 before landlines, whose pattern would also take it.
  new RegExp(`(?<!\\d)09\\d{2}${SEP}\\d{3}${SEP}\\d{3}(?!\\d)`, 'g'),
  /(?<!\d)(?:\(0\d{2,3}\)|0\d{2,3})[-\s]?[2-9]\d{6,7}(?:(?:-|转|#)\d{1,5})?(?!\d)/g,
  // Anything else phone-sized, so that a mistyped number is still reported (and judged invalid).
  /(?<![\d*#])\d(?:[-\s]?\d){6,12}(?!\d)/g,
];

// A number followed by these is part of the address (1201室, 3栋, 88号).
const ADDRESS_UNIT_AFTER = /^\s?(号|室|栋|幢|楼|单元|弄|层|座|户|排|组|巷|里|期|区|#|[fF]\b)/;

export function findPhone(text: string): FoundPhone | undefined {
  for (const pattern of PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const after = text.slice(m.index + m[0].length);
      if (ADDRESS_UNIT_AFTER.test(after)) continue;
      return { phone: formatPhone(m[0].trim()), index: m.index, length: m[0].length };
    }
  }
  return undefined;
}
