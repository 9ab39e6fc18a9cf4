// Bench figures on the re-rendering test pages (test/rerender): Xiaoer's cost on a table a framework re-renders
// every second, and on a 100,000-row virtual list scrolled end to end. Used by run-bench.mjs.

/**
 * The page's renderer main thread: its busy time (CDP Performance metric TaskDuration: wall-clock time inside tasks)
 * and its CPU time (ThreadTime), ms.
 */
async function mainThreadMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return {
    busy: metric('TaskDuration'),
    cpu: metric('ThreadTime'),
    script: metric('ScriptDuration'),
    layout: metric('LayoutDuration'),
    style: metric('RecalcStyleDuration'),
    other: metric('TaskOtherDuration'),
  };
}

/**
 * Loads `url` once, then measures its arms in turn, `rounds` times over: each arm's `enter(page)` sets the page up
 * (Xiaoer switched on or off for the host, the plain badges' script on or off), the page settles `settleMs`, and the
 * renderer main thread's time per second over `seconds` is read. One load for all: a page loaded
 * again varies more than one page from window to window (the page alone measured 23–38 CPU ms a second from one
 * load to the next on this table), and that variance would be read as the arms' difference. Returns, per arm name,
 * its windows in order; `after(page)` of an arm runs at the end of each of its windows (to count the badges).
 * Per second: the CPU time (`cpu`, ThreadTime) and the busy time (`busy`, TaskDuration), with the split of the time
 * (`script`, `layout`, `style`, `other`). The busy
 * time counts a task's wall-clock time, also while the thread waits for a core: on a machine shared with other work
 * it grows with their load (30–160 busy ms a second within a few minutes, at 19–41 CPU ms), so the CPU time is the
 * figure compared.
 */
export async function windowsInOneLoad(page, url, arms, { rounds, seconds, settleMs = 2500 }) {
  await page.goto(url, { waitUntil: 'load' });
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  const windows = Object.fromEntries(arms.map((arm) => [arm.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const arm of arms) {
      await arm.enter(page);
      await new Promise((r) => setTimeout(r, settleMs));
      const from = await mainThreadMs(cdp);
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, seconds * 1000));
      const to = await mainThreadMs(cdp);
      const elapsed = (performance.now() - t0) / 1000;
      const extra = (await arm.after?.(page)) ?? {};
      windows[arm.name].push({ ...Object.fromEntries(Object.keys(to).map((key) => [key, (to[key] - from[key]) / elapsed])), ...extra });
    }
  }
  await cdp.detach();
  return windows;
}

/**
 * Scrolls the virtual list (already loaded in `page`) from top to bottom in `frames` animation frames (a new screen
 * of rows at every frame, as when the agent drags the scroll bar), traced. Returns the frames dropped (each frame
 * interval longer than one 60 Hz frame counts the frames it skipped) and, from the trace, Xiaoer's longest task:
 * per main-thread task, the time spent in functions of the content script (chrome-extension://…/content-scripts/).
 */
export { longestContentScriptTask };
export async function flingEndToEnd(page, frames) {
  await page.tracing.start({ categories: ['devtools.timeline', 'toplevel'] });
  const deltas = await page.evaluate(
    (n) =>
      new Promise((done) => {
        const pane = window.__virtualPane;
        const max = pane.scrollHeight - pane.clientHeight;
        const times = [];
        let k = 0;
        const step = (now) => {
          times.push(now);
          if (k > n) return done(times.slice(1).map((t, i) => t - times[i]));
          pane.scrollTop = (k++ / n) * max;
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    frames,
  );
  const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
  const frame = 1000 / 60;
  const dropped = deltas.reduce((sum, d) => sum + Math.max(0, Math.round(d / frame) - 1), 0);
  const longest = longestContentScriptTask(trace.traceEvents);
  return { dropped, longestOursMs: longest.cpu, longestOursWallMs: longest.wall, frames: deltas.length };
}

/**
 * The longest time one main-thread task spent in the content script's functions (nested calls counted once), ms:
 * `cpu` by the thread's CPU time in them (trace `tdur`), `wall` by the clock (`dur`). On a machine shared with other
 * work the clock also counts the time the thread waited for a core: the longest by the clock was 137 ms with 0.6 ms
 * of CPU (load average 13 on 2 cores), so `cpu` is Xiaoer's work and `wall` what the agent would have waited there.
 */
function longestContentScriptTask(events) {
  const ours = (e) => e.name === 'FunctionCall' && /^chrome-extension:\/\/[^/]+\/content-scripts\//.test(e.args?.data?.url ?? '');
  const tasks = events.filter((e) => (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && e.ph === 'X');
  const calls = events.filter((e) => e.ph === 'X' && ours(e)).sort((a, b) => a.ts - b.ts);
  const longest = { cpu: 0, wall: 0 };
  for (const [key, time] of [['wall', (e) => e.dur], ['cpu', (e) => e.tdur ?? e.dur]]) {
    for (const task of tasks) {
      let sum = 0;
      let end = -Infinity;
      for (const call of calls) {
        if (call.tid !== task.tid || call.pid !== task.pid || call.ts < task.ts || call.ts >= task.ts + task.dur) continue;
        // Nested calls once: the part of a call past the end of the ones before it, by the clock, scaled to its CPU.
        const callEnd = call.ts + call.dur;
        const part = call.ts >= end ? call.dur : callEnd > end ? callEnd - end : 0;
        if (call.dur > 0) sum += (part / call.dur) * time(call);
        end = Math.max(end, callEnd);
      }
      longest[key] = Math.max(longest[key], sum / 1000);
    }
  }
  return longest;
}

/**
 * Stops at `stops` screens spread over the whole list, top to bottom: at each, how long until every visible row has
 * its badge with the right stock (the page's own per-frame check, badge-watch.js), and whether any frame ever showed
 * a wrong badge or a row losing its badge. A screen not right within `timeoutMs` counts as not right.
 */
export async function screensRight(page, stops, timeoutMs = 3000) {
  const results = [];
  for (let k = 0; k < stops; k++) {
    results.push(
      await page.evaluate(
        (fraction, timeout) =>
          new Promise((done) => {
            const pane = window.__virtualPane;
            const w = window.__badgeWatch;
            const t0 = performance.now();
            pane.scrollTop = fraction * (pane.scrollHeight - pane.clientHeight);
            const from = w.frames;
            const wait = () => {
              if (w.frames > from && w.lastRight) return done({ right: true, ms: performance.now() - t0 });
              if (performance.now() - t0 > timeout) return done({ right: false, ms: timeout });
              requestAnimationFrame(wait);
            };
            requestAnimationFrame(wait);
          }),
        stops === 1 ? 0 : k / (stops - 1),
        timeoutMs,
      ),
    );
  }
  const watch = await page.evaluate(() => window.__badgeWatch);
  return { screens: results.length, right: results.filter((r) => r.right).length, maxMs: Math.max(...results.map((r) => r.ms)), wrong: watch.wrong.length, flicker: watch.flicker.length };
}
