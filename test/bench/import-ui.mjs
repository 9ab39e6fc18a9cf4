// The stock import as an agent does it: the options page of the built extension, the file chosen in its input,
// 导入 clicked, until it says 已导入. Wall-clock time in node (upload → done seen, polled every 20 ms) and the peak
// JS heap of the extension's processes (the options page, where the import runs, plus the service worker, sampled
// every 100 ms: CDP Performance.getMetrics JSHeapUsedSize of the page, Runtime.getHeapUsage of the worker), and the
// page's main-thread CPU time over the import (ThreadTime): on a shared machine the wall-clock time grows with the
// other processes' load, the CPU time much less (IndexedDB's own work, in the browser process, is not in it).

/**
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} extensionId
 * @param {string} file path of the export to import
 * @param {{ onPage?: (session: import('puppeteer-core').CDPSession) => Promise<void>, beforeClose?: () => Promise<void> }} [hooks]
 *   for a profile (test/bench/profile-import.mjs): called with the options page's CDP session before the upload, and
 *   after the import, before the page closes
 * @returns {Promise<{ ms: number, readMs: number, commitMs: number, cpuMs: number, readCpuMs: number, peakMiB: number, pagePeakMiB: number, workerPeakMiB: number, done: string }>}
 */
export async function importThroughOptions(browser, extensionId, file, hooks = {}) {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#stock`, { waitUntil: 'load' });
  await page.bringToFront();
  const pageCdp = await page.createCDPSession();
  await pageCdp.send('Performance.enable');
  const workerTarget = browser.targets().find((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`));
  // A service worker target has no Performance domain: its heap comes from Runtime.getHeapUsage.
  const workerCdp = workerTarget ? await workerTarget.createCDPSession() : null;
  const pageMetric = async (name) => {
    const { metrics } = await pageCdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === name)?.value ?? 0;
  };
  const pageHeap = () => pageMetric('JSHeapUsedSize');
  const pageCpuMs = async () => (await pageMetric('ThreadTime')) * 1000;
  const workerHeap = async () => (workerCdp ? (await workerCdp.send('Runtime.getHeapUsage')).usedSize : 0);
  let pagePeak = 0;
  let workerPeak = 0;
  let sumPeak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const [p, w] = await Promise.all([pageHeap().catch(() => 0), workerHeap().catch(() => 0)]);
      pagePeak = Math.max(pagePeak, p);
      workerPeak = Math.max(workerPeak, w);
      sumPeak = Math.max(sumPeak, p + w);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    const input = await page.waitForSelector('input[name="stock-file"]');
    await hooks.onPage?.(pageCdp);
    const cpu0 = await pageCpuMs();
    const t0 = performance.now();
    await input.uploadFile(file);
    await page.waitForSelector('[data-testid="import-preview"], [data-testid="import-error"]', { timeout: 300_000, polling: 20 });
    const read = performance.now();
    const readCpu = await pageCpuMs();
    const error = await page.$eval('[data-testid="import-error"]', (el) => el.textContent).catch(() => null);
    if (error) throw new Error(`The import was refused: ${error}`);
    await page.click('button[name="import"]');
    await page.waitForSelector('[data-testid="import-done"], [data-testid="import-error"]', { timeout: 300_000, polling: 20 });
    const t1 = performance.now();
    const cpu1 = await pageCpuMs();
    const done = await page.$eval('[data-testid="import-done"], [data-testid="import-error"]', (el) => el.textContent);
    if (!done.startsWith('已导入')) throw new Error(`The import failed: ${done}`);
    await hooks.beforeClose?.();
    return { ms: t1 - t0, readMs: read - t0, commitMs: t1 - read, cpuMs: cpu1 - cpu0, readCpuMs: readCpu - cpu0, peakMiB: sumPeak / 1048576, pagePeakMiB: pagePeak / 1048576, workerPeakMiB: workerPeak / 1048576, done };
  } finally {
    sampling = false;
    await sampler;
    await page.close();
  }
}
