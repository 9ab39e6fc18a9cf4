// Moving the clock of a browser (or any command) with libfaketime (Debian package `faketime`): the suite's own proof
// that nothing is pinned to a date or hour, and the seam e2e tests use to run the browser at a chosen instant.
// The clock is moved by a relative offset ("+31536000" seconds), never by an absolute start ("@2027-…"): an absolute
// start is read in each process's own time zone (the test runner in UTC, the browser in Beijing time would be eight
// hours apart) and restarts in every child process, while an offset is the same for all of them.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The faketime binary, or a clear error that says how to get it. */
export function findFaketime() {
  try {
    return execFileSync('sh', ['-c', 'command -v faketime'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('faketime not found: install it (Debian/Ubuntu: `sudo apt-get install -y faketime`) to run tests at another time.');
  }
}

/** libfaketime's units for a relative offset ("+40d", "-2h", "+3600" seconds). */
const UNIT_SECONDS = { '': 1, s: 1, m: 60, h: 3600, d: 86_400, y: 365 * 86_400 };

/** Seconds this process's clock is moved by an outer faketime offset (0 when it runs on the machine's clock). */
export function outerOffsetSeconds(env) {
  if (!env.FAKETIME) return 0;
  const m = /^([+-]\d+(?:\.\d+)?)([smhdy]?)$/.exec(env.FAKETIME.trim());
  if (!m) throw new Error(`FAKETIME="${env.FAKETIME}": only relative offsets like "+40d" or "+3600" can be moved again (e.g. faketime -f '+40d' npm test, or test/run-at.mjs)`);
  return Number(m[1]) * UNIT_SECONDS[m[2]];
}

/** faketime's spec that puts a command's clock at `at` (ms) now: the offset from the machine's real clock. */
export function faketimeSpec(at, env = process.env) {
  const realNow = Date.now() - outerOffsetSeconds(env) * 1000;
  const seconds = Math.ceil((at - realNow) / 1000); // a moment after `at` rather than before it
  return seconds >= 0 ? `+${seconds}` : `${seconds}`;
}

/**
 * An executable that runs `executable` with its clock at `at` (ms) when it starts, running on from there: for
 * launchers that take a binary path (puppeteer's executablePath). The script lives in a fresh temporary folder.
 */
export function executableAt(executable, at, env = process.env) {
  const faketime = findFaketime();
  const quote = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;
  const script = join(mkdtempSync(join(tmpdir(), 'xiaoer-faketime-')), 'browser-at');
  // An outer faketime's variables (a suite run at another time) are dropped: this offset replaces theirs.
  writeFileSync(script, `#!/bin/sh\nexec env -u FAKETIME -u FAKETIME_SHARED -u LD_PRELOAD ${quote(faketime)} -f ${quote(faketimeSpec(at, env))} ${quote(executable)} "$@"\n`);
  chmodSync(script, 0o755);
  return script;
}
