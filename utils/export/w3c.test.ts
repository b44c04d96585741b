import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editableNoteId, ImportError } from './read-json';
import { W3C_CONTEXT, buildW3cCollection, parseW3c, type W3cObject } from './w3c';
import { W3C_SUITE, failedMusts, loadMusts } from './w3c-suite.test-support';
import { FROZEN_NOW, INVISIBLE, expectGolden, loadExample, withInvisibleFormatting } from './export.test-support';

const example = loadExample();
const ID = 'urn:upr-annotator:export:2024-03-21T12:00:00.000Z';
const collection = buildW3cCollection(example, { id: ID, now: FROZEN_NOW });
const page = collection.first as W3cObject;
const items = page.items as W3cObject[];
const ANNOTATION_MUSTS = loadMusts('annotations/annotationMusts.test');

describe('the must assertions as compiled here', () => {
  const samples = (kind: string) =>
    readdirSync(join(W3C_SUITE, 'tools/samples', kind))
      .filter((f) => f.startsWith('anno'))
      .map((f) => {
        const text = readFileSync(join(W3C_SUITE, 'tools/samples', kind, f), 'utf8');
        try {
          return [f, JSON.parse(text) as unknown] as const;
        } catch {
          return [f, text] as const;
        }
      });

  it('reject every incorrect sample of the suite', () => {
    for (const [file, value] of samples('incorrect')) expect(failedMusts(ANNOTATION_MUSTS, value).length, file).toBeGreaterThan(0);
  });

  it('accept the correct samples (but three Composite/List/Independents targets the suite schema does not know)', () => {
    const failing = samples('correct').filter(([, value]) => failedMusts(ANNOTATION_MUSTS, value).length > 0).map(([file]) => file);
    expect(failing.sort()).toEqual(['anno11.json', 'anno12.json', 'anno13.json']);
  });
});

describe('buildW3cCollection', () => {
  it('matches the golden file', () => {
    expectGolden('backup.w3c.json', `${JSON.stringify(collection, null, 2)}\n`);
  });

  it('passes every "must" assertion of the suite, for each annotation', () => {
    expect(items.length).toBeGreaterThan(0);
    for (const annotation of items) expect(failedMusts(ANNOTATION_MUSTS, annotation), String(annotation.id)).toEqual([]);
  });

  it('passes the collection and page "must" assertions', () => {
    expect(failedMusts(loadMusts('collections/collectionMusts.test'), collection)).toEqual([]);
    expect(failedMusts(loadMusts('collections/pages/pageMusts.test'), { '@context': W3C_CONTEXT, ...page })).toEqual([]);
  });

  it('has one annotation per live note and one highlight per recommendation without a note', () => {
    const live = example.notes.filter((n) => n.deletedAt === null);
    const noted = new Set(live.map((n) => n.recommendationId));
    expect(collection.total).toBe(items.length);
    expect(items.filter((a) => a.motivation === 'commenting')).toHaveLength(live.length);
    expect(items.filter((a) => a.motivation === 'highlighting')).toHaveLength(example.recommendations.filter((r) => !noted.has(r.id)).length);
  });

  it('targets a recommendation with TextQuote and TextPosition selectors and carries note, tags, themes and category as bodies', () => {
    const note = example.notes[0]!;
    const rec = example.recommendations.find((r) => r.id === note.recommendationId)!;
    const annotation = items.find((a) => a.id === `urn:upr-annotator:note:${note.id}`)!;
    expect(annotation).toMatchObject({ '@context': W3C_CONTEXT, type: 'Annotation', created: '2024-03-04T09:20:00.000Z', modified: '2024-03-12T16:45:00.000Z' });
    expect(annotation.target).toEqual({
      id: `urn:upr-annotator:recommendation:${rec.id}`,
      type: 'SpecificResource',
      source: rec.pageUrl,
      selector: [
        { type: 'TextQuoteSelector', exact: rec.text, prefix: rec.selector!.quote.prefix, suffix: rec.selector!.quote.suffix },
        { type: 'TextPositionSelector', start: rec.selector!.position.start, end: rec.selector!.position.end },
      ],
    });
    const bodies = annotation.body as W3cObject[];
    expect(bodies[0]).toEqual({ type: 'TextualBody', purpose: 'commenting', value: note.body, format: 'text/plain' });
    expect(bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value ?? b.source)).toEqual([
      ...note.tags,
      'urn:upr-annotator:status:follow-up',
      ...rec.themes.map((t) => `urn:upr-annotator:theme:${encodeURIComponent(t)}`),
    ]);
    expect(bodies.filter((b) => b.purpose === 'classifying')).toEqual([{ type: 'SpecificResource', purpose: 'classifying', source: 'urn:upr-annotator:action-category:5' }]);
  });

  it('targets a page-level note at the page, and a recommendation without a page as its own text', () => {
    const pageNote = example.notes.find((n) => n.pageUrl !== null)!;
    expect(items.find((a) => a.id === `urn:upr-annotator:note:${pageNote.id}`)!.target).toBe(pageNote.pageUrl);
    const manual = example.recommendations.find((r) => r.pageUrl === null)!;
    const target = items.map((a) => a.target as W3cObject).find((t) => t.id === `urn:upr-annotator:recommendation:${manual.id}`)!;
    expect(target).toMatchObject({ type: 'TextualBody', value: manual.text });
  });
});

describe('parseW3c', () => {
  it('maps our own export back to the same notes and recommendations', () => {
    const back = parseW3c(JSON.stringify(collection));
    const live = example.notes.filter((n) => n.deletedAt === null);
    expect(back.notes).toEqual(expect.arrayContaining(live));
    expect(back.notes).toHaveLength(live.length);
    for (const r of example.recommendations) {
      expect(back.recommendations.find((x) => x.id === r.id)).toMatchObject({
        knownId: true,
        text: r.text,
        pageUrl: r.pageUrl,
        selector: r.selector,
        actionCategory: r.actionCategory,
        themes: r.themes,
      });
    }
  });

  it('reads a foreign annotation (a single one, bodyValue or TextualBody, HTML kept as text)', () => {
    const foreign = {
      '@context': W3C_CONTEXT,
      id: 'https://annotations.example.org/a/42',
      type: 'Annotation',
      created: '2024-01-02T03:04:05Z',
      body: [
        { type: 'TextualBody', value: '<script>alert(1)</script> important', format: 'text/html' },
        { type: 'TextualBody', purpose: 'tagging', value: 'death penalty' },
      ],
      target: {
        source: 'https://www.example.org/upr/statement',
        selector: [{ type: 'TextQuoteSelector', exact: 'Abolish the death penalty.' }],
      },
    };
    const back = parseW3c(JSON.stringify(foreign), FROZEN_NOW);
    expect(back.notes).toEqual([
      expect.objectContaining({
        // An id the extension can edit and delete, the same on every import of this file.
        id: editableNoteId('w3c:https://annotations.example.org/a/42', false),
        body: '<script>alert(1)</script> important',
        tags: ['death penalty'],
        createdAt: Date.parse('2024-01-02T03:04:05Z'),
        updatedAt: Date.parse('2024-01-02T03:04:05Z'),
      }),
    ]);
    expect(back.recommendations).toEqual([expect.objectContaining({ knownId: false, text: 'Abolish the death penalty.', pageUrl: 'https://www.example.org/upr/statement' })]);
    expect(back.notes[0]!.recommendationId).toBe(back.recommendations[0]!.id);
    expect(back.recommendations[0]!.id).toMatch(/^r[0-9a-f]{24}$/);
  });

  it.each([
    ['not JSON', '<html>', 'not-json'],
    ['no annotations', '{"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": []}}', 'not-ours'],
    ['a collection whose pages are elsewhere', '{"type": "AnnotationCollection", "first": "https://example.org/page1"}', 'invalid'],
    ['an annotation without a target', `{"id": "urn:x:1", "type": "Annotation", "body": []}`, 'invalid'],
    ['an annotation without an id', `{"type": "Annotation", "target": "https://example.org/"}`, 'invalid'],
    ['a target that is neither a page nor a recommendation', `{"id": "urn:x:1", "type": "Annotation", "bodyValue": "x", "target": "urn:isbn:123"}`, 'invalid'],
    ['10 000 levels of nesting', `{"type":"Annotation","id":"urn:x","target":${'['.repeat(10_000)}${']'.repeat(10_000)}}`, 'too-deep'],
  ])('refuses %s with a message', (_name, text, code) => {
    let error: unknown;
    try {
      parseW3c(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe(code);
    expect((error as ImportError).message.length).toBeGreaterThan(20);
  });

  it('refuses a 50 MB file before parsing it', () => {
    expect(() => parseW3c(`[${' '.repeat(50 * 1024 * 1024)}]`)).toThrow(/too large to import/);
  });
});

describe('invisible formatting', () => {
  const hostile = withInvisibleFormatting(example);
  const file = JSON.stringify(buildW3cCollection(hostile, { id: ID, now: FROZEN_NOW }));

  it('shows every bidi control and invisible character of a text, quote, note or tag as a visible code', () => {
    expect(file).not.toMatch(INVISIBLE);
    expect(file).toContain('⟨U+202E⟩ytlanep htaed⟨U+202C⟩');
    expect(file).toContain('Paid ⟨U+2066⟩⟨U+202E⟩0001⟨U+2069⟩ euros');
    expect(file).toContain('urgent⟨U+200F⟩⟨U+200B⟩');
  });

  it('reads our own file back exactly: same text, quote, note body and tags', () => {
    const back = parseW3c(file);
    const rec = hostile.recommendations[0]!;
    expect(back.recommendations.find((r) => r.id === rec.id)).toMatchObject({ text: rec.text, selector: rec.selector });
    const note = hostile.notes.find((n) => n.recommendationId === rec.id && n.deletedAt === null)!;
    expect(back.notes.find((n) => n.id === note.id)).toMatchObject({ body: note.body, tags: note.tags });
  });
});
