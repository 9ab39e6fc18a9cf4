// CPU profiles for `npm run bench -- --profile DIR`: V8 sampling profiles taken over CDP, written as .cpuprofile
// (open in Chrome DevTools › Performance, or VS Code) and summarised as the functions with the most self time.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Starts profiling on a page or worker target's CDP session; returns stop() → the profile. */
export async function startProfile(session) {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 250 });
  await session.send('Profiler.start');
  return async () => {
    const { profile } = await session.send('Profiler.stop');
    await session.send('Profiler.disable');
    return profile;
  };
}

/** Self time per function (ms), largest first. */
export function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url ? url.replace(/^.*\//, '') : '';
    const key = `${functionName || '(anonymous)'} ${file}${file ? `:${lineNumber + 1}` : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self.entries()].sort((a, b) => b[1] - a[1]);
}

export function saveAndSummarise(dir, name, profile, top = 12) {
  const file = join(dir, `${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const total = (profile.endTime - profile.startTime) / 1000;
  const lines = selfTimes(profile)
    .slice(0, top)
    .map(([fn, ms]) => `      ${ms.toFixed(0).padStart(6)} ms  ${fn}`);
  console.log(`  ${name}: ${total.toFixed(0)} ms profiled → ${file}\n${lines.join('\n')}`);
}

const TRACE_NAMES = [
  'RunTask', 'FunctionCall', 'EvaluateScript', 'v8.evaluateModule', 'v8.compile', 'RunMicrotasks', 'TimerFire', 'UpdateLayoutTree', 'Layout',
  'PrePaint', 'Paint', 'Layerize', 'Commit', 'ParseHTML', 'MajorGC', 'MinorGC',
];

/**
 * Main-thread time of the page's renderer by trace event name, in the window between two performance.mark()s the
 * probe set (xiaoer-rows → xiaoer-painted) and before it (the page's own load). Names nest (a Layout forced inside
 * a FunctionCall counts in both); RunTask is the main thread's busy time.
 */
export function summariseTrace(buffer, fromMark = 'xiaoer-rows', toMark = 'xiaoer-painted') {
  const { traceEvents } = JSON.parse(Buffer.from(buffer).toString("utf8"));
  const mark = (name) => traceEvents.find((e) => e.name === name && e.cat?.includes('blink.user_timing'));
  const from = mark(fromMark);
  const to = mark(toMark);
  if (!from || !to) return null;
  const mainThread = traceEvents.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === from.pid && e.args?.name === 'CrRendererMain');
  const tid = mainThread?.tid ?? from.tid;
  const sums = { before: {}, window: {} };
  for (const e of traceEvents) {
    if (e.pid !== from.pid || e.tid !== tid || e.ph !== 'X' || !TRACE_NAMES.includes(e.name)) continue;
    const part = e.ts >= from.ts && e.ts < to.ts ? 'window' : e.ts < from.ts ? 'before' : null;
    if (part) sums[part][e.name] = (sums[part][e.name] ?? 0) + (e.dur ?? 0) / 1000;
  }
  return { windowMs: (to.ts - from.ts) / 1000, ...sums };
}
