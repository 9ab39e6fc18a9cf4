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
  'PrePaint', 'Paint', 'Layerize', 'Commit', 'ParseHTML', 'MajorGC', 'MinorGC', 'ThreadControllerImpl::RunTask',
  'IntersectionObserverController::computeIntersections', 'HitTest', 'UpdateLayer',
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

/**
 * CPU time (trace `tdur`) of the busiest renderer main thread in a trace, ms by event name (nested events count in
 * each; RunTask is the thread's busy CPU time). For a page traced over a stretch of time with no marks in it.
 */
export function mainThreadByEvent(buffer) {
  const { traceEvents } = JSON.parse(Buffer.from(buffer).toString('utf8'));
  const mains = new Set(traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map();
  for (const e of traceEvents) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !mains.has(thread) || !TRACE_NAMES.includes(e.name)) continue;
    const sums = byThread.get(thread) ?? {};
    sums[e.name] = (sums[e.name] ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000;
    byThread.set(thread, sums);
  }
  const busy = (sums) => (sums.RunTask ?? 0) + (sums['ThreadControllerImpl::RunTask'] ?? 0);
  return [...byThread.values()].sort((a, b) => busy(b) - busy(a))[0] ?? {};
}
