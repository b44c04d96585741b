import { describe, expect, it } from 'vitest';
import type { Note } from '@/utils/model';
import { buildMarkdown, escapeBlock, escapeInline } from './markdown';
import { FROZEN_NOW, expectGolden, loadExample } from './test-support';

const example = loadExample();
const markdown = buildMarkdown(example, { now: FROZEN_NOW });

/** Characters that start markup and that we only ever write escaped (outside our own autolinks and emphasis). */
function unescapedSpecials(line: string): string[] {
  const withoutEscapes = line.replace(/\\[\\`*_[\]<>&!~|#=+\-.)]/g, '');
  return withoutEscapes.match(/[`_[\]<>&!~|]/g) ?? [];
}

describe('buildMarkdown', () => {
  it('matches the golden file', () => {
    expectGolden('backup.md', markdown);
  });

  it('groups by state under review, then statement, then recommendation with its notes', () => {
    const headings = markdown.split('\n').filter((l) => l.startsWith('#'));
    expect(headings.filter((h) => h.startsWith('## '))).toEqual(['## Kazakhstan', '## Switzerland']);
    expect(headings.filter((h) => h.startsWith('### '))).toEqual([
      '### Canada → Kazakhstan, UPR 34, 2019-11-07',
      '### France → Kazakhstan, UPR 34, 2019-11-07',
      '### Norway → Kazakhstan, UPR 34',
      '### United Kingdom → Switzerland, UPR 28, 2017-11-09',
    ]);
    expect(headings.filter((h) => h.startsWith('#### '))).toHaveLength(example.recommendations.length);
    expect(headings).toHaveLength(1 + 2 + 4 + example.recommendations.length);
  });

  it('shows live notes in block quotes and leaves deleted ones out', () => {
    const live = example.notes.filter((n) => n.deletedAt === null);
    expect(markdown.match(/^> \*\*Note( on the statement)?\*\* \(/gm)).toHaveLength(live.length);
    expect(markdown).not.toContain('Brouillon');
    expect(markdown).toContain('> Soutenue. À vérifier avant l’EPU 48 : « abolition en droit »');
  });

  it('lets no user text add a heading, link, HTML or list (structural check, no parser)', () => {
    const lines = markdown.split('\n');
    for (const line of lines) {
      const ours = /^<https:\/\/[^\s<>]+>$/.test(line);
      if (!ours) expect(unescapedSpecials(line.replace(/^> ?/, '')), line).toEqual([]); // the quote marker is ours
    }
    // The example's hostile note, line by line.
    expect(markdown).toContain(
      [
        '> \\# Paris Principles\\',
        '> Ask whether the new \\*NHRI\\* has a broad mandate — see \\<https://example.org/nhri\\> and \\[the law\\](javascript:alert(1)).\\',
        '> \\<script\\>alert("still text")\\</script\\>',
      ].join('\n'),
    );
    expect(markdown).toContain('> \\=Noted, not supported.');
    expect(markdown).toContain('> \\+ Delivered in a shared slot');
  });

  it('ends with a single newline and has no trailing spaces (no accidental hard breaks)', () => {
    expect(markdown.endsWith('\n') && !markdown.endsWith('\n\n')).toBe(true);
    expect(markdown).not.toMatch(/ +\n/);
  });

  it('writes a statement page only as an autolink of its http(s) URL', () => {
    const note: Note = { ...example.notes[5]!, pageUrl: 'javascript:alert(1)' };
    const out = buildMarkdown({ pages: [], recommendations: [], notes: [note] });
    expect(out).not.toContain('<javascript');
    expect(out).toContain('javascript:alert(1)');
  });
});

describe('escaping', () => {
  it.each([
    ['# heading', ['\\# heading']],
    ['## heading ##', ['\\#\\# heading \\#\\#']],
    ['- item', ['\\- item']],
    ['+ item', ['\\+ item']],
    ['* item', ['\\* item']],
    ['1. item', ['1\\. item']],
    ['12) item', ['12\\) item']],
    ['---', ['\\---']],
    ['***', ['\\*\\*\\*']],
    ['===', ['\\===']],
    ['> quote', ['\\> quote']],
    ['    code block', ['code block']],
    ['```js', ['\\`\\`\\`js']],
    ['~~~', ['\\~\\~\\~']],
    ['<div onclick="x">', ['\\<div onclick="x"\\>']],
    ['&lt;b&gt; &#60;', ['\\&lt;b\\&gt; \\&\\#60;']],
    ['[a](http://x) ![i](y) [ref]: http://z', ['\\[a\\](http://x) \\!\\[i\\](y) \\[ref\\]: http://z']],
    ['a\\b', ['a\\\\b']],
    ['line one\nline two', ['line one\\', 'line two']],
    ['para one\n\n\npara two', ['para one', '', 'para two']],
    ['ends in backslash\\\nnext', ['ends in backslash\\\\\\', 'next']],
    ['a  \nb', ['a\\', 'b']],
    ['', []],
  ])('%j', (input, expected) => {
    expect(escapeBlock(input)).toEqual(expected);
  });

  it('keeps French no-break spaces and collapses other spacing inline', () => {
    expect(escapeInline('  Le\u00a0Canada  recommande\u202f:\n x ')).toBe('Le\u00a0Canada recommande\u202f: x');
  });
});
