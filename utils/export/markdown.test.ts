import { Parser } from 'commonmark';
import { describe, expect, it } from 'vitest';
import type { Note } from '@/utils/model';
import { buildMarkdown, escapeBlock, escapeInline } from './markdown';
import { FROZEN_NOW, INVISIBLE, expectGolden, loadExample, sessionPageRecords, withInvisibleFormatting } from './export.test-support';

const example = loadExample();
const markdown = buildMarkdown(example, { now: FROZEN_NOW });

/** Characters that start markup and that we only ever write escaped (outside our own autolinks and emphasis). */
function unescapedSpecials(line: string): string[] {
  const withoutEscapes = line.replace(/\\[\\`*_[\]<>&!~|#=+\-.)]/g, '');
  return withoutEscapes.match(/[`_[\]<>&!~|]/g) ?? [];
}

describe('buildMarkdown', () => {
  it('files each statement of a page of several under its own state under review, with its date', () => {
    const headings = buildMarkdown(sessionPageRecords()).split('\n').filter((l) => /^#{2,3} /.test(l));
    expect(headings).toEqual([
      '## Bahrain',
      '### Australia → Bahrain, UPR 41, 2022-11-07',
      '## Ecuador',
      '### Australia → Ecuador, UPR 41, 2022-11-07',
      '## Tunisia',
      '### Australia → Tunisia, UPR 41, 2022-11-08',
      '## State under review not known',
      '### Australia → unknown state, UPR 41',
    ]);
  });

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

describe('buildMarkdown, read by a CommonMark parser', () => {
  // The reference implementation of the CommonMark spec: what it builds is what any conforming reader shows.
  const tree = new Parser().parse(markdown);
  const nodes: { type: string; level?: number; literal?: string | null; destination?: string | null }[] = [];
  const walker = tree.walker();
  for (let event = walker.next(); event; event = walker.next()) {
    if (event.entering) nodes.push({ type: event.node.type, level: event.node.level, literal: event.node.literal, destination: event.node.destination });
  }

  it('has exactly the headings the report is built from, and no raw HTML', () => {
    const headings = nodes.filter((n) => n.type === 'heading');
    expect(headings.filter((h) => h.level === 1)).toHaveLength(1);
    expect(headings.filter((h) => h.level === 2)).toHaveLength(2);
    expect(headings.filter((h) => h.level === 3)).toHaveLength(4);
    expect(headings.filter((h) => h.level === 4)).toHaveLength(example.recommendations.length);
    expect(nodes.filter((n) => n.type === 'html_block' || n.type === 'html_inline')).toEqual([]);
  });

  it('links only to the statements’ own pages', () => {
    const links = nodes.filter((n) => n.type === 'link').map((n) => n.destination);
    const pages = new Set(example.pages.map((p) => p.url));
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((href) => !pages.has(href ?? ''))).toEqual([]);
  });

  it('keeps a hostile note inert: its markup comes out as the same text', () => {
    const hostile = '# Heading?\n<script>alert(1)</script> [link](javascript:alert(1)) * item\n---';
    const note: Note = { ...example.notes.find((n) => n.recommendationId)!, id: `n${'9'.repeat(24)}`, body: hostile, deletedAt: null };
    const report = buildMarkdown({ ...example, notes: [...example.notes, note] }, { now: FROZEN_NOW });
    const parsed = new Parser().parse(report);
    const types = new Set<string>();
    const texts: string[] = [];
    const w = parsed.walker();
    for (let e = w.next(); e; e = w.next()) {
      if (!e.entering) continue;
      types.add(e.node.type);
      if (e.node.type === 'text' && e.node.literal) texts.push(e.node.literal);
    }
    expect(types.has('html_block') || types.has('html_inline')).toBe(false);
    expect(texts.join('')).toContain('<script>alert(1)</script>');
    expect(texts.join('')).toContain('[link](javascript:alert(1))');
  });
});

describe('invisible formatting', () => {
  it('shows every bidi control and invisible character of a recommendation, note or tag as a visible code', () => {
    const report = buildMarkdown(withInvisibleFormatting(example), { now: FROZEN_NOW });
    expect(report).not.toMatch(INVISIBLE);
    expect(report).toContain('⟨U+202E⟩ytlanep htaed⟨U+202C⟩');
    expect(report).toContain('Paid ⟨U+2066⟩⟨U+202E⟩0001⟨U+2069⟩ euros');
    expect(report).toContain('urgent⟨U+200F⟩⟨U+200B⟩');
  });
});
