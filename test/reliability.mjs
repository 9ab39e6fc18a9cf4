#!/usr/bin/env node
/**
 * `npm run reliability` (and the end of `npm test`): sums what the tests noted in .reliability/tried.jsonl — hostile
 * inputs, round trips and injected faults per category, each noted only after it held — and writes the figures into
 * the README between the reliability markers. `--since MS` counts only notes made from that instant on (one run).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const NOTES = '.reliability/tried.jsonl';
const START = '<!-- reliability:start -->';
const END = '<!-- reliability:end -->';
const KINDS = { 'hostile-input': 'hostile inputs', 'round-trip': 'round trips', fault: 'faults injected' };

const sinceAt = process.argv.indexOf('--since');
const since = sinceAt > 0 ? Number(process.argv[sinceAt + 1]) : 0;
const notes = existsSync(NOTES)
  ? readFileSync(NOTES, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)).filter((note) => note.at >= since)
  : [];
if (!notes.length) {
  console.error(`reliability: no notes in ${NOTES}${since ? ' since the run started' : ''}; run the tests first`);
  process.exit(1);
}

const byCategory = new Map();
const totals = Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, 0]));
for (const { kind, category, count } of notes) {
  if (!byCategory.has(category)) byCategory.set(category, Object.fromEntries(Object.keys(KINDS).map((k) => [k, 0])));
  byCategory.get(category)[kind] += count;
  totals[kind] += count;
}
const cell = (n) => (n ? n.toLocaleString('en-US') : '—');
const rows = [...byCategory].sort(([a], [b]) => a.localeCompare(b)).map(([category, counts]) => `| ${category} | ${Object.keys(KINDS).map((k) => cell(counts[k])).join(' | ')} |`);
const section = [
  START,
  `Figures of the last full \`npm test\`, written by \`test/reliability.mjs\` from what the tests noted (each note is`,
  `made only after its case held): ${Object.entries(KINDS).map(([k, label]) => `**${cell(totals[k])}** ${label}`).join(', ')} — every one`,
  `answered or was refused with a clear message, within its time budget, and lost or mixed no data.`,
  '',
  `| category | ${Object.values(KINDS).join(' | ')} |`,
  `|---|${Object.keys(KINDS).map(() => '---:').join('|')}|`,
  ...rows,
  END,
].join('\n');

const readme = readFileSync('README.md', 'utf8');
const from = readme.indexOf(START);
const to = readme.indexOf(END);
if (from < 0 || to < from) {
  console.error(`reliability: README.md has no ${START} … ${END} section`);
  process.exit(1);
}
writeFileSync('README.md', readme.slice(0, from) + section + readme.slice(to + END.length));
console.log(section);
