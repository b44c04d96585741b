import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, MAX_SIGHTINGS, type Note } from '@/utils/model';
import { buildBackup, parseBackup, serializeBackup, type BackupData } from './backup';
import { parseW3c } from './w3c';
import { ImportError, MAX_JSON_DEPTH } from './read-json';
import { EXAMPLE_PATH, FROZEN_NOW, dataOf, expectGolden, loadExample } from './export.test-support';

function errorOf(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

const example = loadExample();
const exampleText = readFileSync(EXAMPLE_PATH, 'utf8');

describe('buildBackup / parseBackup', () => {
  it('matches the golden file, and the example is exactly what buildBackup writes', () => {
    const text = serializeBackup(buildBackup(dataOf(example), FROZEN_NOW));
    expectGolden('backup.json', text);
    expect(text).toBe(exampleText);
  });

  it('round-trips: import(export(x)) equals x, deleted notes and settings included', () => {
    const data = dataOf(example);
    const back = parseBackup(serializeBackup(buildBackup(data, FROZEN_NOW)));
    expect(dataOf(back)).toEqual(data);
    expect(back.exportedAt).toBe('2024-03-21T12:00:00.000Z');
    expect(back.notes.some((n) => n.deletedAt !== null)).toBe(true);
    expect(back.notes.some((n) => n.pageUrl !== null && n.recommendationId === null)).toBe(true);
  });

  it('round-trips a joint recommendation imported from a dataset, with its states and what the dataset gave', () => {
    const base = example.recommendations[0]!;
    const joint = {
      ...base,
      id: `r${'a'.repeat(24)}`,
      pageUrl: null,
      n: 0,
      selector: null,
      source: 'import' as const,
      recommendingState: 'France, Germany',
      recommendingStates: [{ name: 'France', code: 'FRA' }, { name: 'Germany', code: 'DEU' }],
      dataset: { name: 'UPR Info database export: 1-5.csv', actionCategory: true, themes: true, response: true, reportSymbol: 'A/HRC/10/82', paragraph: '89.12' },
    };
    const data = { ...dataOf(example), recommendations: [...example.recommendations, joint] };
    const back = parseBackup(serializeBackup(buildBackup(data, FROZEN_NOW)));
    expect(back.recommendations.at(-1)).toEqual(joint);
  });

  it('round-trips a page’s corrections with each step, so that a restored backup can still take one back', () => {
    const page = example.pages[0]!;
    const step = {
      id: 'cabc123',
      kind: 'merge' as const,
      at: 1_700_000_000_000,
      rejected: ['ratify the treaty.', 'protect journalists.'],
      unrejected: [],
      added: [`r${'b'.repeat(24)}`],
      candidates: [],
      movedNotes: [`n${'c'.repeat(24)}`],
      resultNote: { id: `n${'b'.repeat(24)}`, before: null },
    };
    const corrected = { ...page, corrections: { meta: {}, rejected: step.rejected, steps: [step] } };
    const data = { ...dataOf(example), pages: [corrected, ...example.pages.slice(1)] };
    const back = parseBackup(serializeBackup(buildBackup(data, FROZEN_NOW)));
    expect(back.pages[0]).toEqual(corrected);
  });

  it('round-trips where a recommendation was also seen, and what a copying page showed; refuses more than MAX_SIGHTINGS', () => {
    const [rec] = example.recommendations;
    const copy = 'https://copy.example.net/statements/kz';
    const seen = { ...rec!, seenAt: [copy] };
    const copyPage = { ...example.pages[0]!, url: copy, orphanIds: [], alsoShows: [{ id: rec!.id, n: 3 }] };
    const data = { ...dataOf(example), pages: [...example.pages, copyPage], recommendations: [seen, ...example.recommendations.slice(1)] };
    const back = parseBackup(serializeBackup(buildBackup(data, FROZEN_NOW)));
    expect(back.recommendations[0]).toEqual(seen);
    expect(back.pages.at(-1)).toEqual(copyPage);
    const tooMany = { ...data, recommendations: [{ ...rec!, seenAt: Array.from({ length: MAX_SIGHTINGS + 1 }, (_, i) => `https://copy${i}.example.net/`) }] };
    expect(errorOf(() => parseBackup(serializeBackup(buildBackup(tooMany, FROZEN_NOW)))).message).toMatch(/recommendations\.0\.seenAt/);
    const longUrl = { ...data, recommendations: [{ ...rec!, seenAt: [`https://copy.example.net/${'a'.repeat(4_000)}`] }] };
    expect(errorOf(() => parseBackup(serializeBackup(buildBackup(longUrl, FROZEN_NOW)))).message).toMatch(/recommendations\.0\.seenAt/);
  });

  it('round-trips a page of several statements: its statements, and each recommendation’s own', () => {
    const page = {
      ...example.pages[0]!,
      stateUnderReview: null,
      stateUnderReviewCode: null,
      date: null,
      statements: [
        { heading: 'Universal Periodic Review of Bahrain, Statement by Australia, 7 November 2022', stateUnderReview: 'Bahrain', stateUnderReviewCode: 'BHR', session: 41, cycle: 4, date: '2022-11-07' },
        { heading: 'Universal Periodic Review of Tunisia, Statement by Australia, 8 November 2022', stateUnderReview: 'Tunisia', stateUnderReviewCode: 'TUN', session: 41, cycle: 4, date: '2022-11-08' },
      ],
    };
    const rec = { ...example.recommendations.find((r) => r.pageUrl === page.url)!, stateUnderReview: 'Tunisia', stateUnderReviewCode: 'TUN', statement: 1 };
    const data = { ...dataOf(example), pages: [page, ...example.pages.slice(1)], recommendations: example.recommendations.map((r) => (r.id === rec.id ? rec : r)) };
    const back = parseBackup(serializeBackup(buildBackup(data, FROZEN_NOW)));
    expect(back.pages[0]).toEqual(page);
    expect(back.recommendations.find((r) => r.id === rec.id)).toEqual(rec);
  });

  it('round-trips an empty store', () => {
    const empty: BackupData = { pages: [], recommendations: [], notes: [], settings: DEFAULT_SETTINGS };
    expect(dataOf(parseBackup(JSON.stringify(buildBackup(empty, 0))))).toEqual(empty);
  });

  it('writes only the model fields, in a fixed order, whatever the records carry at run time', () => {
    const note = { ...example.notes[0]!, extra: 'from a view model' } as Note;
    const backup = buildBackup({ ...dataOf(example), notes: [note] }, FROZEN_NOW);
    expect(Object.keys(backup.notes[0]!)).toEqual(['id', 'recommendationId', 'pageUrl', 'body', 'tags', 'status', 'createdAt', 'updatedAt', 'deletedAt']);
    expect(() => parseBackup(JSON.stringify(backup))).not.toThrow();
  });

  it('accepts a byte-order mark left by an editor', () => {
    expect(parseBackup(`\uFEFF${exampleText}`).notes).toHaveLength(example.notes.length);
  });
});

describe('refusing files, with a message and nothing returned', () => {
  const withNote = (patch: Partial<Note> & Record<string, unknown>) => JSON.stringify({ ...example, notes: [{ ...example.notes[0], ...patch }] });

  it.each([
    ['not JSON', 'pages: []', 'not-json', /not valid JSON/],
    ['another JSON file', '{"name": "package"}', 'not-ours', /^This is not a UPR Annotator backup\.$/],
    ['an array', '[]', 'not-ours', /not a UPR Annotator backup/],
    ['a newer version', JSON.stringify({ ...example, version: 2 }), 'newer-version', /^This backup was made by a newer version of UPR Annotator/],
    ['no version', JSON.stringify({ ...example, version: undefined }), 'unknown-version', /no version UPR Annotator knows \(none\)/],
    ['version 0', JSON.stringify({ ...example, version: 0 }), 'unknown-version', /knows \(0\)/],
    ['a version as text', JSON.stringify({ ...example, version: '1' }), 'unknown-version', /knows \("1"\)/],
  ])('%s', (_name, text, code, message) => {
    const error = errorOf(() => parseBackup(text));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('a field we do not know (nothing is silently dropped), naming where it is', () => {
    const error = errorOf(() => parseBackup(withNote({ colour: 'red' })));
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(/^This backup is damaged or was edited by hand, so nothing was imported\. notes\.0/);
  });

  it.each([
    ['an unknown status', { status: 'urgent' }],
    ['a note about both a page and a recommendation', { pageUrl: 'https://example.org/' }],
    ['a note about nothing', { recommendationId: null }],
    ['a negative time', { updatedAt: -1 }],
    ['a body that is not text', { body: { html: '<b>x</b>' } }],
    ['a __proto__ key', JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>],
  ])('a note with %s', (_name, patch) => {
    expect(errorOf(() => parseBackup(withNote(patch))).code).toBe('invalid');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the same note twice', () => {
    const text = JSON.stringify({ ...example, notes: [example.notes[0], example.notes[0]] });
    expect(errorOf(() => parseBackup(text)).message).toMatch(/notes holds "n[0-9a-f]+" twice/);
  });

  it('a backup over 256 MB, and a W3C file over 32 MB, before parsing them', () => {
    const padding = 'x'.repeat(260 * 1024 * 1024);
    const error = errorOf(() => parseBackup(`{"format":"upr-annotator-backup","version":1,"pad":"${padding}"}`));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/^This file is too large to import \(260\.0 MB; the limit is 256 MB\)\.$/);
    const w3c = errorOf(() => parseW3c(`{"pad":"${padding.slice(0, 50 * 1024 * 1024)}"}`));
    expect(w3c.code).toBe('too-large');
    expect(w3c.message).toMatch(/^This file is too large to import \(50\.0 MB; the limit is 32 MB\)\.$/);
  });

  it('10 000 levels of nesting, without recursing into them', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const error = errorOf(() => parseBackup(`{"format":"upr-annotator-backup","version":1,"pages":${deep}}`));
    expect(error.code).toBe('too-deep');
    expect(error.message).toContain(`more than ${MAX_JSON_DEPTH} levels`);
  });

  it('brackets inside strings do not count as nesting', () => {
    const body = `${'['.repeat(500)} {"not": "nested"} \\" [[[`;
    const back = parseBackup(withNote({ body }));
    expect(back.notes[0]!.body).toBe(body);
  });
});

describe('text stays text', () => {
  it('keeps script tags, HTML and markdown in a note exactly as typed', () => {
    const body = '<script>alert(1)</script><img src=x onerror=alert(2)> # heading [x](javascript:alert(3))';
    const text = JSON.stringify({ ...example, notes: [{ ...example.notes[0], body }] });
    const back = parseBackup(text);
    expect(back.notes[0]!.body).toBe(body);
    expect(typeof back.notes[0]!.body).toBe('string');
  });
});
