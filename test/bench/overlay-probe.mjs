// Injected into the demo items page with page.evaluateOnNewDocument(overlayProbe, 2000): main world, before the
// page's scripts. Puppeteer sends the function's source, so it must stay self-contained.
// Records, with performance.now() (0 = navigation start):
//   rowsAt     the first moment the document holds `want` item rows (tr.next-table-row)
//   badgesAt   the first moment every row in view (the rows the agent sees without scrolling; counted right after
//              the first frame after rowsAt) has its Xiaoer stock badge (xiaoer-stock) with its text — Xiaoer paints
//              badges as rows come near the view, so rows far below get theirs when scrolled to
//   paintedAt  the next frame after badgesAt (requestAnimationFrame, then a user-blocking task: the frame is out);
//              when the badges are already there in the animation-frame callbacks of the frame that renders the
//              rows, that same frame (= rowsPaintedAt; badgesAt is then that frame's animation-frame time)
// The probe reads no geometry inside the frame it measures (that would force the frame's style and layout early).
// (each also as a performance.mark: xiaoer-rows, xiaoer-badges, xiaoer-painted, for traces)
// plus every long task (PerformanceObserver 'longtask', buffered) and long animation frame ('long-animation-frame').
// Observes with live collections only, so the probe itself costs next to nothing per mutation.
export function overlayProbe(want) {
  const SNAPSHOT_ROWS = 40;
  const r = { want, inView: null, rowsAt: null, rowsPaintedAt: null, badgesAt: null, paintedAt: null, polls: 0, longTasks: [], frames: [] };
  window.__xiaoerOverlayProbe = r;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) r.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        r.frames.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration,
          renderStart: e.renderStart,
          styleAndLayoutStart: e.styleAndLayoutStart,
          scripts: e.scripts.map((s) => ({
            start: s.startTime,
            duration: s.duration,
            invoker: s.invoker,
            source: s.sourceURL,
            fn: s.sourceFunctionName,
            forcedLayout: s.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}

  const rows = document.getElementsByClassName('next-table-row');
  const badges = document.getElementsByTagName('xiaoer-stock');
  // Runs `then` as soon as the current frame is out: a user-blocking task goes before timers and messages other
  // scripts queued meanwhile (a message-channel task would wait behind them and count their time as the frame's).
  const afterFrame = (then) => {
    if (globalThis.scheduler?.postTask) {
      scheduler.postTask(then, { priority: 'user-blocking' });
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = then;
    channel.port2.postMessage(0);
  };
  const hasBadge = (row) => !!row.querySelector('xiaoer-stock')?.shadowRoot?.querySelector('button')?.textContent;
  const painted = () => {
    for (let i = 0; i < r.inView; i++) if (!hasBadge(rows[i])) return false;
    return true;
  };
  const finish = () => {
    requestAnimationFrame(() =>
      afterFrame(() => {
        r.paintedAt = performance.now();
        performance.mark('xiaoer-painted');
      }),
    );
  };
  const check = () => {
    if (r.rowsAt === null && rows.length >= want) {
      r.rowsAt = performance.now();
      performance.mark('xiaoer-rows');
      // In the frame that renders the rows (its animation-frame callbacks, before it paints), note which of the
      // first rows have their badge with text — without reading any geometry, which would force this frame's
      // style and layout early. Which rows are in view is read after the frame, when layout is clean.
      requestAnimationFrame(() => {
        const frameAt = performance.now();
        const badged = [];
        for (let i = 0; i < Math.min(rows.length, SNAPSHOT_ROWS); i++) badged.push(hasBadge(rows[i]));
        afterFrame(() => {
          // The frame is out: the page has painted its own rows, and what Xiaoer adds starts from here.
          r.rowsPaintedAt = performance.now();
          let n = 0;
          while (n < rows.length && rows[n].getBoundingClientRect().top < innerHeight) n++;
          r.inView = n;
          if (r.badgesAt === null && n <= badged.length && badged.slice(0, n).every(Boolean)) {
            r.badgesAt = frameAt;
            r.paintedAt = r.rowsPaintedAt;
            performance.mark('xiaoer-badges');
            performance.mark('xiaoer-painted');
            observer.disconnect();
          } else {
            check();
          }
        });
      });
    }
    if (r.rowsAt === null || r.inView === null || r.badgesAt !== null || badges.length < r.inView) return;
    if (!painted()) {
      // Text inside the badges' shadow roots is not visible to this observer: poll until it is there.
      r.polls++;
      setTimeout(check, 0);
      return;
    }
    r.badgesAt = performance.now();
    performance.mark('xiaoer-badges');
    observer.disconnect();
    finish();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
}
