import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TOOL_NAMES } from '@/utils/tools/tool-scripts';

// The packages `npm run build` / `npm run zip` make, built here from the sources (never reused from an earlier run):
// they carry only the product. The demo console's adapter, its 127.0.0.1 host and the bench page exist only in the
// builds the demo, the tests and the bench use.
const RELEASES = { chrome: '.output/chrome-mv3', firefox: '.output/firefox-mv2' } as const;
const LOOPBACK = /127\.0\.0\.1|localhost|\[::1\]/;

const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));

describe('the release build', () => {
  beforeAll(() => {
    const env = { ...process.env };
    delete env.XIAOER_DEMO_CONSOLE;
    delete env.XIAOER_E2E_PREGRANT;
    execFileSync('npx', ['wxt', 'build'], { env, stdio: 'ignore' });
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { env, stdio: 'ignore' });
  }, 120_000);

  for (const [browser, dir] of Object.entries(RELEASES)) {
    it(`${browser}: no loopback host in its host permissions or content-script matches`, () => {
      const manifest = read(dir);
      // MV3 keeps hosts in host_permissions, MV2 (Firefox) in permissions.
      const hosts = [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? []).filter((p: string) => p.includes('://'))];
      const matches = (manifest.content_scripts ?? []).flatMap((cs: { matches: string[] }) => cs.matches);
      expect(hosts.length).toBeGreaterThan(0);
      expect(matches).toContain('https://myseller.taobao.com/*');
      expect(hosts.filter((h: string) => LOOPBACK.test(h))).toEqual([]);
      expect(matches.filter((m: string) => LOOPBACK.test(m))).toEqual([]);
    });

    it(`${browser}: the tools (teach overlay, test-on-tab highlighter, stock detail) are their own scripts, put in on demand: not in the manifest, not web-accessible, not in console.js`, () => {
      const manifest = read(dir);
      const listed = (manifest.content_scripts ?? []).flatMap((cs: { js: string[] }) => cs.js);
      expect(listed).toEqual(['content-scripts/console.js']);
      expect(manifest.web_accessible_resources ?? []).toEqual([]);
      const consoleScript = readFileSync(join(dir, 'content-scripts/console.js'), 'utf8');
      // Each tool's host element, as its source names it (teach-overlay.tsx, adapter-highlighter.ts, detail-popover.tsx).
      const tools = { teach: 'xiaoer-teach', 'adapter-test': 'xiaoer-adapter-test', 'stock-detail': 'xiaoer-stock-detail' };
      expect(Object.keys(tools)).toEqual([...TOOL_NAMES]);
      for (const [name, tag] of Object.entries(tools)) {
        expect(readFileSync(join(dir, `content-scripts/${name}.js`), 'utf8'), name).toContain(tag);
        expect(consoleScript.includes(tag), `${tag} in console.js`).toBe(false);
      }
    });

    it(`${browser}: no demo console adapter and no bench page in the package`, () => {
      const all = files(dir);
      expect(all.filter((f) => /bench/.test(f))).toEqual([]);
      const scripts = all.filter((f) => f.endsWith('.js'));
      expect(scripts.length).toBeGreaterThan(0);
      // The demo adapter's id and its item-list selector, as they are spelled in demo-console.ts.
      for (const file of scripts) {
        const text = readFileSync(file, 'utf8');
        expect(text.includes('"demo-console"') || text.includes("'demo-console'"), file).toBe(false);
        expect(text.includes('演示卖家后台'), file).toBe(false);
      }
    });
  }
});
