// Runs a command with the machine's clock moved (libfaketime, Debian package `faketime`), for every process it starts:
//   node test/run-at.mjs "+40d 09:50" -- npm test     40 days from now, at 09:50 Beijing time
//   node test/run-at.mjs "+365d 23:59" -- npm test    a year from now, a minute before a Beijing midnight
//   node test/run-at.mjs "00:01" -- npm test          today (Beijing) at 00:01
// The clock then runs on from that instant. Prints the instant it chose.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { faketimeSpec, findFaketime } from './support/fake-time.mjs';

const BEIJING = 8 * 3600_000;
const DAY = 24 * 3600_000;

/** The instant (ms) a spec like "+40d 09:50" names: the Beijing date N days from `now`, at that Beijing time of day. */
export function instantOf(spec, now = Date.now()) {
  const m = /^\s*(?:\+(\d+)d)?\s*(?:(\d{1,2}):(\d{2}))?\s*$/.exec(spec);
  if (!m || (!m[1] && !m[2])) throw new Error(`"${spec}": expected "+Nd", "HH:MM" or "+Nd HH:MM" (Beijing time), e.g. "+40d 09:50"`);
  const days = Number(m[1] ?? 0);
  const shifted = now + days * DAY;
  if (m[2] == null) return shifted;
  const [hours, minutes] = [Number(m[2]), Number(m[3])];
  if (hours > 23 || minutes > 59) throw new Error(`"${spec}": ${m[2]}:${m[3]} is not a time of day`);
  const beijingMidnight = Math.floor((shifted + BEIJING) / DAY) * DAY - BEIJING;
  return beijingMidnight + (hours * 60 + minutes) * 60_000;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [spec, dashes, ...command] = process.argv.slice(2);
  if (!spec || dashes !== '--' || command.length === 0) {
    console.error('usage: node test/run-at.mjs "+40d 09:50" -- <command> [args…]');
    process.exit(2);
  }
  let at, faketime;
  try {
    at = instantOf(spec);
    faketime = findFaketime();
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
  const offset = faketimeSpec(at);
  // faketime sets LD_PRELOAD, FAKETIME and FAKETIME_SHARED itself; ones inherited from an outer faketime would only confuse it.
  const { FAKETIME: _outer, FAKETIME_SHARED: _shared, LD_PRELOAD: _preload, ...env } = process.env;
  console.log(`▶ at ${new Date(at).toISOString()} (${new Date(at + BEIJING).toISOString().slice(0, 16).replace('T', ' ')} Beijing): ${command.join(' ')}`);
  const result = spawnSync(faketime, ['-f', offset, ...command], { stdio: 'inherit', env });
  process.exit(result.status ?? 1);
}
