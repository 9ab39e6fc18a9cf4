// `node test/bench/profile-import.mjs ROWS [DIR]`: a V8 CPU profile of one ROWS-row import through the options page of
// the bench build (build it first: `XIAOER_DEMO_CONSOLE=1 node test/bench/build-bench.mjs --no-minify`), written to
// DIR (default .output/profiles) and summarised by self time — where the reading, checking and committing go.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchWithExtension } from '../support/chromium.mjs';
import { importThroughOptions } from './import-ui.mjs';
import { saveAndSummarise } from './profile.mjs';
import { makeStockCsv } from './stock-data.mjs';

const rows = Number(process.argv[2] ?? 1_000_000);
const dir = resolve(process.argv[3] ?? '.output/profiles');
mkdirSync(dir, { recursive: true });
const data = mkdtempSync(join(tmpdir(), 'xiaoer-profile-import-'));
const file = join(data, `stock-${rows}.csv`);
writeFileSync(file, makeStockCsv(rows).bytes);
const { browser, extensionId, close } = await launchWithExtension({ extensionDir: resolve(import.meta.dirname, '../../.output/bench/chrome-mv3') });
try {
  let profiled;
  const run = await importThroughOptions(browser, extensionId, file, {
    onPage: async (session) => {
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 500 });
      await session.send('Profiler.start');
      profiled = async () => (await session.send('Profiler.stop')).profile;
    },
    beforeClose: async () => saveAndSummarise(dir, `import-${rows}-options-page`, await profiled(), 30),
  });
  console.log(`${rows} rows: ${run.ms.toFixed(0)} ms (read ${run.readMs.toFixed(0)}, commit ${run.commitMs.toFixed(0)}), peak ${run.peakMiB.toFixed(0)} MiB`);
} finally {
  await close();
  rmSync(data, { recursive: true, force: true });
}
