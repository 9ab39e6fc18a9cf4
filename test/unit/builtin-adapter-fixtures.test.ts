import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAdapter } from '@/utils/adapters/adapter-schema';
import { BUILTIN_ADAPTERS, BUILTIN_CONSOLE_MATCHES } from '@/utils/adapters/builtin';
import { PageParts } from '@/utils/adapters/page-parts';
import { selectPages } from '@/utils/adapters/select-page';
import { missingParts } from '@/utils/runtime/tab-messages';

const dir = join(__dirname, '../fixtures/consoles');
/** Per page kind the URL shows: each part's count, and the first value of some parts. */
interface Expectation {
  url: string;
  adapter: string;
  pages: Record<string, { counts: Record<string, number>; values: Record<string, string> }>;
}
const expected = Object.entries(JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, Expectation>).filter(
  ([name]) => name.endsWith('.html'),
);

function load(file: string): Document {
  const doc = document.implementation.createHTMLDocument('fixture');
  doc.documentElement.innerHTML = readFileSync(join(dir, file), 'utf8').replace(/^<!doctype html>/i, '');
  return doc;
}

describe('built-in adapters against their fixture pages', () => {
  it.each(expected)('%s: the URL picks the adapter and its pages, and every selector finds the expected count', (file, want) => {
    const selection = selectPages(BUILTIN_ADAPTERS, want.url);
    expect(selection?.adapter.id).toBe(want.adapter);
    expect(selection?.pages.map((p) => p.kind)).toEqual(Object.keys(want.pages));
    const doc = load(file);
    for (const page of selection!.pages) {
      const parts = new PageParts(page, doc);
      const { counts, values } = want.pages[page.kind]!;
      expect(Object.fromEntries(parts.health().map((p) => [p.name, p.count])), page.kind).toEqual(counts);
      for (const [name, value] of Object.entries(values)) expect(parts.value(name as never), `${page.kind}.${name}`).toBe(value);
    }
  });

  it('every page of every real-console adapter has a fixture (the demo console has its own e2e)', () => {
    const covered = new Set(expected.flatMap(([, want]) => (selectPages(BUILTIN_ADAPTERS, want.url)?.pages ?? []).map((page) => `${want.adapter}/${page.path}`)));
    for (const adapter of BUILTIN_ADAPTERS.filter((a) => a.id !== 'demo-console')) {
      for (const page of adapter.pages) expect(covered.has(`${adapter.id}/${page.path}`), `${adapter.id} ${page.kind}`).toBe(true);
    }
  });

  it('every built-in adapter passes the schema, and their hosts are exactly named https hosts (plus the loopback demo)', () => {
    for (const adapter of BUILTIN_ADAPTERS) expect(parseAdapter(adapter), adapter.id).toEqual({ ok: true, adapter });
    for (const pattern of BUILTIN_CONSOLE_MATCHES) {
      expect(pattern).toMatch(/^(https:\/\/[a-z0-9.-]+\.(com|cn)\/\*|http:\/\/127\.0\.0\.1\/\*)$/);
    }
  });

  it('a fixture page that lacks a required part is reported as missing that part', () => {
    const want = expected.find(([file]) => file === 'pinduoduo-mms-chat.html')![1];
    const doc = load('pinduoduo-mms-chat.html');
    doc.getElementById('replyTextarea')!.remove();
    const parts = new PageParts(selectPages(BUILTIN_ADAPTERS, want.url)!.pages[0]!, doc);
    expect(missingParts({ parts: parts.health() })).toEqual(['replyInput']);
  });
});
