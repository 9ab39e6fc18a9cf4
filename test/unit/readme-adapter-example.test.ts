import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCustomAdapterText } from '@/utils/adapters/custom/custom-adapter-parse';
import { EXAMPLE_ADAPTER } from '@/utils/adapters/custom/adapter-example';

describe('README adapter example', () => {
  it('is the example the options page offers, and it validates', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const block = /<!-- adapter-example:[^>]*-->\s*```json\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(block).toBeTruthy();
    const parsed = parseCustomAdapterText(block!);
    expect(parsed).toEqual({ ok: true, adapter: EXAMPLE_ADAPTER });
  });
});
