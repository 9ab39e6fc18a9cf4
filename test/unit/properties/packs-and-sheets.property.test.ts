import fc from 'fast-check';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { libraryAsPack } from '@/utils/packs/export-library';
import { packSnippetSchema, parsePackText, validatePack, type PackSnippet } from '@/utils/packs/pack-format';
import { readSnippetInput } from '@/utils/packs/read-snippet-input';
import { checkSheetSnippets, snippetSheetCsv } from '@/utils/packs/snippet-sheet';
import type { Snippet } from '@/utils/snippets/snippet';
import { answer, holds, hostileText } from '../../support/properties';
import { xlsxOf } from '../../support/xlsx-writer';

const word = (max: number) => hostileText(max).map((s) => `字${s}`.slice(0, max));
/** A library as the editor and the schema allow it (canonical: what the schema outputs). */
const library = fc
  .uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/),
      title: word(100),
      body: hostileText(600).map((s) => `内${s}`),
      category: word(40),
      tags: fc.array(word(30), { maxLength: 4 }),
      shortcut: fc.option(fc.stringMatching(/^[a-z0-9]{1,16}$/), { nil: undefined }),
    }),
    { selector: (s) => s.id, maxLength: 12 },
  )
  .map((raw) => {
    const shortcuts = new Set<string>();
    return raw.flatMap((s) => {
      const parsed = packSnippetSchema.safeParse(s);
      if (!parsed.success) return [];
      if (parsed.data.shortcut && shortcuts.has(parsed.data.shortcut)) delete parsed.data.shortcut;
      if (parsed.data.shortcut) shortcuts.add(parsed.data.shortcut);
      return [parsed.data];
    });
  })
  .filter((snippets) => snippets.length > 0);

const asStored = (snippets: PackSnippet[]): Snippet[] =>
  snippets.map((s, k) => ({ ...s, origin: 'local', order: k, uses: 0, updatedAt: 0, keys: { text: '', pinyin: '', initials: '' } }));
const comparable = (snippets: readonly Partial<PackSnippet>[]) => snippets.map(({ id, title, body, category, tags, shortcut }) => ({ id, title, body, category, tags, shortcut }));

describe('team packs and snippet sheets under hostile input (fast-check)', () => {
  it('pack JSON of any shape: a pack that re-validates to itself, or a clear refusal', async () => {
    const packish = fc.oneof(
      hostileText(300),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc.record({ format: fc.constantFrom('xiaoer-snippet-pack', 'x'), formatVersion: fc.constantFrom(1, 2, '1'), id: fc.string({ maxLength: 45 }), name: fc.string(), version: fc.oneof(fc.integer(), fc.double()), updatedAt: fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())), snippets: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
    );
    await holds('hostile-input', 'pack JSON', fc.asyncProperty(packish, async (text) => {
      const read = await answer(() => parsePackText(text));
      if ('value' in read) expect(validatePack(JSON.parse(JSON.stringify(read.value)))).toEqual(read.value);
    }), 300);
  });

  it('export → import of a pack gives the same library', async () => {
    await holds('round-trip', 'pack JSON', fc.asyncProperty(library, async (snippets) => {
      const pack = libraryAsPack(asStored(snippets), { id: 'team', name: '团队', version: 1 });
      const read = await readSnippetInput({ bytes: strToU8(JSON.stringify(pack)), fileName: 'team.json' });
      expect(read.kind === 'pack' && comparable(read.pack.snippets)).toEqual(comparable(snippets));
    }), 100);
  });

  it('export → import of a sheet (CSV, and the same table as XLSX) gives the same library', async () => {
    await holds('round-trip', 'snippet sheets', fc.asyncProperty(library, async (snippets) => {
      const csv = snippetSheetCsv(snippets);
      const fromCsv = await readSnippetInput({ bytes: strToU8(csv), fileName: 'library.csv' });
      expect(fromCsv.kind === 'sheet' && comparable(fromCsv.rows)).toEqual(comparable(snippets));
      const table = (await readSnippetInput({ text: csv.slice(1) })) as { rows: PackSnippet[] };
      const fromXlsx = await readSnippetInput({ bytes: xlsxOf([['ID', '标题', '内容', '分类', '快捷词', '标签'], ...table.rows.map((s) => [s.id, s.title, s.body, s.category, s.shortcut ?? '', s.tags.join('，')])]), fileName: 'library.xlsx' });
      expect(fromXlsx.kind === 'sheet' && comparable(fromXlsx.rows)).toEqual(comparable(snippets));
    }), 60);
  });

  it('sheets of any content (bytes, text, hostile cells): rows that re-validate, or a clear refusal', async () => {
    const sheetish = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((bytes) => ({ bytes, fileName: 'x.csv' })),
      hostileText(1500).map((text) => ({ text })),
      fc.array(fc.array(hostileText(60), { maxLength: 6 }), { maxLength: 20 }).map((rows) => ({ text: [['标题', '内容', '分类', '快捷编码', '标签', 'ID'], ...rows].map((r) => r.join('\t')).join('\n') })),
      fc.array(fc.array(hostileText(60), { maxLength: 6 }), { maxLength: 20 }).map((rows) => ({ bytes: xlsxOf([['短语', '分组', '快捷编码'], ...rows]), fileName: 'x.xlsx' })),
    );
    await holds('hostile-input', 'snippet sheets', fc.asyncProperty(sheetish, async (input) => {
      const read = await answer(() => readSnippetInput(input));
      if ('value' in read && read.value.kind === 'sheet') expect(checkSheetSnippets(JSON.parse(JSON.stringify(read.value.rows)))).toEqual(read.value.rows);
    }), 300);
  });
});
