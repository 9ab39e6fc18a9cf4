import type { DayFigures } from './figures';

const seconds = (ms: number | null) => (ms == null ? '' : (ms / 1000).toFixed(1));
const percent = (value: number | null) => (value == null ? '' : (value * 100).toFixed(1));

/** Column headers, in the team lead's language; `labels` come from the locale files. */
export interface CsvLabels {
  day: string; inquiries: string; served: string; firstResponses: string; medianFirst: string; p90First: string;
  average: string; withinTarget: string; withinShare: string; replies: string; snippetReplies: string;
  ordersSeen: string; ordered: string; conversion: string;
}

/** The days as CSV for Excel: UTF-8 with a BOM (so Chinese opens correctly), CRLF line ends, seconds and percents. */
export function figuresCsv(days: readonly DayFigures[], labels: CsvLabels): string {
  const header = [labels.day, labels.inquiries, labels.served, labels.firstResponses, labels.medianFirst, labels.p90First,
    labels.average, labels.withinTarget, labels.withinShare, labels.replies, labels.snippetReplies, labels.ordersSeen,
    labels.ordered, labels.conversion];
  const rows = days.map((d) => [d.day, d.inquiries, d.served, d.firstResponses, seconds(d.medianFirstMs), seconds(d.p90FirstMs),
    seconds(d.averageMs), d.withinTarget, percent(d.withinShare), d.replies, d.snippetReplies, d.ordersSeen, d.ordered,
    percent(d.conversion)]);
  return '\uFEFF' + [header, ...rows].map((row) => row.map((cell) => csvCell(String(cell))).join(',')).join('\r\n') + '\r\n';
}

function csvCell(text: string): string {
  // A leading = + - @ would be a formula in Excel: quote-prefix it (values here are ours, labels come from locales).
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
