/**
 * One rule for markup in snippets: it is text. The same payloads go through every path — the editor, a sheet, a pack,
 * pasted text, a backup — and each accepts them literally; the template writes them as text; and no UI code can
 * render snippet text as HTML.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackup, restoreBackup } from '@/utils/backup/backup';
import { openXiaoerDb } from '@/utils/db/open-db';
import { validatePack } from '@/utils/packs/pack-format';
import { previewPack } from '@/utils/packs/pack-merge';
import { applyPack } from '@/utils/packs/pack-store';
import { readSnippetInput } from '@/utils/packs/read-snippet-input';
import { importSheet } from '@/utils/packs/sheet-import';
import { checkSheetSnippets, snippetSheetCsv } from '@/utils/packs/snippet-sheet';
import { looksLikeMarkup } from '@/utils/snippets/markup';
import { listSnippets, saveSnippet } from '@/utils/snippets/snippet-store';
import { fillTemplate, parseTemplate } from '@/utils/snippets/template';
import { HOSTILE_BODIES } from '../fixtures/qianniu-phrase-sheet';

let n = 0;
const freshDb = () => openXiaoerDb(undefined, `markup-${++n}`);
const packOf = (bodies: readonly string[]) => ({
  format: 'xiaoer-snippet-pack', formatVersion: 1, id: 'team', name: '团队', version: 1, updatedAt: '2026-11-20T08:00:00Z',
  snippets: bodies.map((body, i) => ({ id: `s${i}`, title: i === 0 ? '<b>活动</b>' : `话术${i}`, body, category: '活动', tags: [] })),
});

// As in backup.test.ts: what the restore asks the browser for.
const browserForBackup = () => {
  Object.assign(fakeBrowser.runtime, { getManifest: () => ({ manifest_version: 3, name: 'x', version: '0.1.0', content_scripts: [{ matches: [], js: ['content-scripts/console.js'] }] }) });
  Object.assign(fakeBrowser.permissions, { contains: async () => false });
  Object.assign(fakeBrowser, { scripting: { getRegisteredContentScripts: async () => [] } });
};

describe('markup in snippets is text, on every path', () => {
  beforeEach(browserForBackup);

  it('the editor stores it literally', async () => {
    const db = await freshDb();
    for (const body of HOSTILE_BODIES) await saveSnippet(db, undefined, { title: '活动', body, category: '活动', tags: [] });
    const bodies = (await listSnippets(db)).map((s) => s.body);
    for (const body of HOSTILE_BODIES) expect(bodies).toContain(body);
  });

  it('a sheet (file and the worker re-check) takes it and marks it', async () => {
    const csv = snippetSheetCsv(HOSTILE_BODIES.map((body, i) => ({ id: `r${i}`, title: `话术${i}`, body, category: '活动', tags: [] })));
    const read = await readSnippetInput({ bytes: new TextEncoder().encode(csv), fileName: 'x.csv' });
    if (read.kind !== 'sheet') throw new Error('not a sheet');
    expect(read.rows.map((r) => r.body)).toEqual([...HOSTILE_BODIES]);
    expect(checkSheetSnippets(read.rows)).toHaveLength(HOSTILE_BODIES.length);
    const preview = await importSheet(await freshDb(), read.rows, false);
    expect(preview.markup).toEqual(['话术0', '话术1', '话术2']);
  });

  it('a pack (file, paste) takes it, marks it in the preview, and applies it literally', async () => {
    const pack = validatePack(packOf(HOSTILE_BODIES));
    expect(pack.snippets.map((s) => s.body)).toEqual([...HOSTILE_BODIES]);
    const pasted = await readSnippetInput({ text: JSON.stringify(packOf(HOSTILE_BODIES)) });
    expect(pasted.kind === 'pack' && pasted.pack.snippets.map((s) => s.body)).toEqual([...HOSTILE_BODIES]);
    expect(previewPack(pack, null, []).markup).toEqual(['s0', 's1', 's2']);
    const db = await freshDb();
    await applyPack(db, pack, []);
    const bodies = (await listSnippets(db)).map((s) => s.body);
    for (const body of HOSTILE_BODIES) expect(bodies).toContain(body);
  });

  it('pasted table text takes it', async () => {
    const text = `标题\t内容\n${HOSTILE_BODIES.map((b, i) => `话术${i}\t${b}`).join('\n')}\n`;
    const read = await readSnippetInput({ text });
    expect(read.kind === 'sheet' && read.rows.map((r) => r.body)).toEqual([...HOSTILE_BODIES]);
  });

  it('a backup restores it literally (library and pack base)', async () => {
    const db = await freshDb();
    for (const body of HOSTILE_BODIES) await saveSnippet(db, undefined, { title: '活动', body, category: '活动', tags: [] });
    await applyPack(db, validatePack(packOf(HOSTILE_BODIES)), []);
    const backup = JSON.parse(JSON.stringify(await createBackup(db, '0.1.0')));
    fakeBrowser.reset();
    browserForBackup();
    const fresh = await freshDb();
    await restoreBackup(fresh, backup);
    const bodies = (await listSnippets(fresh)).map((s) => s.body);
    for (const body of HOSTILE_BODIES) expect(bodies.filter((b) => b === body)).toHaveLength(2);
  });

  it('the template writes it as text ({{ and }} are literal braces, nothing is evaluated)', () => {
    const text = (body: string) => fillTemplate(parseTemplate(body), {}).segments.map((s) => s.text).join('');
    expect(text(HOSTILE_BODIES[0])).toBe(HOSTILE_BODIES[0]);
    expect(text(HOSTILE_BODIES[1])).toBe(HOSTILE_BODIES[1]);
    expect(text(HOSTILE_BODIES[3])).toBe("亲，{constructor.constructor('alert(1)')()} 是字面的大括号");
    expect(looksLikeMarkup('满 <100 元不包邮 <3')).toBe(false);
    expect(HOSTILE_BODIES.slice(0, 3).every(looksLikeMarkup)).toBe(true);
  });

  it('no UI code renders text as HTML (no innerHTML, outerHTML, insertAdjacentHTML, dangerouslySetInnerHTML)', () => {
    const root = join(__dirname, '../..');
    const files = (dir: string): string[] =>
      readdirSync(join(root, dir)).flatMap((name) => {
        const path = join(dir, name);
        return statSync(join(root, path)).isDirectory() ? files(path) : /\.(tsx?|mjs|js)$/.test(name) ? [path] : [];
      });
    const offenders = ['components', 'entrypoints', 'utils']
      .flatMap(files)
      .filter((file) => /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|createContextualFragment)\b|document\.write\(/.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
