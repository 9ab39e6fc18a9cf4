// Moving the clock of a browser (or any command) with libfaketime (Debian package `faketime`): the suite's own proof
// that nothing is pinned to a date or hour, and the seam e2e tests use to run the browser at a chosen instant.
// FAKETIME_DONT_RESET=1: with an absolute start ("@…") every child process would otherwise start the clock again
// at that instant, and a browser's renderers, started later, would each tell a different time.
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

/**
 * faketime's start spec for the instant `at` (ms): "@YYYY-MM-DD HH:MM:SS" in the zone of the process it starts, which
 * reads it as local time (`timeZone`: that process's TZ; default this process's zone).
 */
export function faketimeSpec(at, timeZone = process.env.TZ || undefined) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  return `@${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** Environment that starts a command's clock at `at` (ms) and keeps one clock for all its children. */
export function fakeTimeEnv(at, env = process.env) {
  return { FAKETIME: faketimeSpec(at, env.TZ || undefined), FAKETIME_DONT_RESET: '1' };
}

/**
 * An executable that runs `executable` with its clock starting at `at` (ms): for launchers that take a binary path
 * (puppeteer's executablePath). The script lives in a fresh temporary folder.
 */
export function executableAt(executable, at, env = process.env) {
  const faketime = findFaketime();
  const { FAKETIME, FAKETIME_DONT_RESET } = fakeTimeEnv(at, env);
  const script = join(mkdtempSync(join(tmpdir(), 'xiaoer-faketime-')), 'browser-at');
  const quote = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;
  // An outer faketime's FAKETIME, FAKETIME_SHARED and LD_PRELOAD (a suite run at another time) are dropped: this clock replaces it.
  writeFileSync(script, `#!/bin/sh\nexec env -u FAKETIME -u FAKETIME_SHARED -u LD_PRELOAD FAKETIME_DONT_RESET=${FAKETIME_DONT_RESET} ${quote(faketime)} -f ${quote(FAKETIME)} ${quote(executable)} "$@"\n`);
  chmodSync(script, 0o755);
  return script;
}
