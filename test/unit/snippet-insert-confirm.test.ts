import { describe, expect, it } from 'vitest';
import { comparableText, landing } from '@/utils/snippets/insert/confirm';

describe('reading an insertion back', () => {
  it('compares as editors legitimately differ: paragraphs or line breaks, NBSP, zero-width marks', () => {
    expect(comparableText('a\n\nb\n')).toBe('a\nb');
    expect(comparableText('a\u00a0b\ufeff\u200b')).toBe('a b');
  });

  it('tells landed, untouched and changed apart', () => {
    expect(landing('草稿：/tk', '草稿：您好', '草稿：您好')).toBe('landed');
    expect(landing('草稿：/tk', '草稿：第一行\n第二行', '草稿：第一行\n\n第二行')).toBe('landed'); // <p>s
    expect(landing('草稿：/tk', '草稿：您好', '草稿：/tk')).toBe('untouched');
    expect(landing('草稿：/tk', '草稿：您好', '草稿：/tk您好')).toBe('changed'); // the trigger left behind
    expect(landing('草稿：/tk', '草稿：您好', '草稿：您好您好')).toBe('changed'); // twice
    expect(landing('草稿：/tk', '草稿：第一行\n第二行', '草稿：第一行第二行')).toBe('changed'); // lines lost
  });

  it('while the agent typed on: the snippet is in when the box still starts with it and ends as before', () => {
    const around = { head: '草稿：您好', tail: '！' };
    // Slate draws the snippet a frame late; by then the agent typed the next `/jz`.
    expect(landing('草稿：/tk！', '草稿：您好！', '草稿：您好/jz！', around)).toBe('landed');
    expect(landing('草稿：/tk！', '草稿：您好！', '草稿：/tk/jz！', around)).toBe('changed'); // typed, snippet not in
    expect(landing('草稿：/tk！', '草稿：您好！', '草稿：/tk/jz！')).toBe('changed'); // no typing: exact reading only
  });
});
