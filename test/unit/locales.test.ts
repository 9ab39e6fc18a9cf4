import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_KINDS } from '@/utils/adapters/vocabulary';
import { FEATURE_IDS } from '@/utils/settings/settings';
import { FEATURES } from '@/entrypoints/console.content/features';
import { STOCK_FIELDS } from '@/utils/stock-import/columns';

const root = join(__dirname, '../..');
const messages = (locale: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8'));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('locales', () => {
  const zh = messages('zh_CN');
  const en = messages('en');

  it('Chinese and English have the same keys and the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh)) {
      const placeholders = (text: string) => (text.match(/\$\d/g) ?? []).sort();
      expect(placeholders(en[key]!.message), key).toEqual(placeholders(zh[key]!.message));
    }
  });

  it('every key the code asks for exists', () => {
    const used = new Set<string>();
    for (const file of ['components', 'entrypoints', 'utils'].flatMap(sourceFiles)) {
      for (const [, key] of readFileSync(join(root, file), 'utf8').matchAll(/\bt\('([A-Za-z_]+)'/g)) used.add(key!);
    }
    for (const kind of PAGE_KINDS) used.add(`pageKind_${kind}`);
    for (const id of FEATURE_IDS) used.add(`feature_${id}`);
    for (const state of ['running', 'waiting', 'off', 'failed']) used.add(`featureState_${state}`);
    for (const feature of FEATURES) used.add(`featureTitle_${feature.id.replace(/-/g, '_')}`);
    for (const field of STOCK_FIELDS) used.add(`stockField_${field}`);
    for (const kind of ['file', 'paste', 'url']) used.add(`stockKind_${kind}`);
    expect(used.size).toBeGreaterThan(30);
    expect([...used].filter((key) => !(key in zh))).toEqual([]);
  });
});
