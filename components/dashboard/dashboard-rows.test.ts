import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/utils/model';
import { buildExportFile, slug } from '@/components/export-file';
import { buildRows, countFacets, exportNameParts, filterRows, selectForExport, sortRows, toggleFacet, withNote, withStatement, type FacetSelection } from './dashboard-rows';
import { createRowSearch } from './dashboard-search';
import { sessionPageRecords } from '@/utils/export/export.test-support';
import { CANADA_KAZ, IDS, NORWAY_KAZ, note, sampleData } from './records.test-support';

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const counts = (list: { value: string; count: number }[]) => Object.fromEntries(list.map((c) => [c.value, c.count]));

describe('buildRows', () => {
  const rows = buildRows(sampleData());
  const byId = new Map(rows.map((r) => [r.id, r]));

  it('lists every recommendation and each statement with a note, with its page’s metadata', () => {
    expect(rows).toHaveLength(6);
    const a1 = byId.get(IDS.a1)!;
    expect([a1.stateUnderReview, a1.recommendingState, a1.session, a1.cycle, a1.date]).toEqual(['Kazakhstan', 'Canada', 34, 3, '2019-11-07']);
    const statement = byId.get(`page:${NORWAY_KAZ.url}`)!;
    expect(statement.kind).toBe('page');
    expect(statement.note?.body).toBe('Delivered by the ambassador');
  });

  it('lists each recommendation of a page of several statements with its own state under review and date', () => {
    const multi = buildRows(sessionPageRecords()).filter((r) => r.kind === 'recommendation');
    expect(multi.map((r) => [r.stateUnderReview, r.session, r.date, r.facets.stateUnderReview])).toEqual([
      ['Bahrain', 41, '2022-11-07', ['Bahrain']],
      ['Ecuador', 41, '2022-11-07', ['Ecuador']],
      ['Tunisia', 41, '2022-11-08', ['Tunisia']],
    ]);
  });

  it('leaves deleted notes out', () => {
    const c1 = byId.get(IDS.c1)!;
    expect(c1.note).toBeNull();
    expect(c1.facets.tag).toEqual([]);
    expect(c1.facets.hasNotes).toEqual(['no']);
  });

  it('edits the note the panel writes and lists an import’s conflict copy beside it', () => {
    const b1 = byId.get(IDS.b1)!;
    expect(b1.note?.body).toBe('Moratorium since 2003');
    expect(b1.otherNotes.map((n) => n.body)).toEqual(['Older copy from another computer']);
    expect(b1.facets.tag.sort()).toEqual(['death-penalty', 'import-conflict']);
  });

  it('keeps a dataset recommendation without a page, with its own metadata', () => {
    const d1 = byId.get(IDS.d1)!;
    expect(d1.pageUrl).toBeNull();
    expect(d1.facets.stateUnderReview).toEqual(['Kazakhstan']);
    expect(d1.facets.session).toEqual(['20']);
    expect(d1.date).toBeNull();
  });

  it('takes a changed note in, and a deleted one out', () => {
    const data = { ...sampleData(), settings: { language: 'auto' as const, knownHostsOnly: false, disabledHosts: [] } };
    const changed = withNote(data, note(`n${IDS.a2.slice(1)}`, { recommendationId: IDS.a2 }, { body: 'new', tags: ['gender'] }));
    expect(buildRows(changed).find((r) => r.id === IDS.a2)?.facets.tag).toEqual(['gender']);
    const deleted = withNote(changed, { ...changed.notes.at(-1)!, deletedAt: 99 });
    expect(deleted.notes).toHaveLength(changed.notes.length);
    expect(buildRows(deleted).find((r) => r.id === IDS.a2)?.note).toBeNull();
  });
});

describe('facets', () => {
  const rows = buildRows(sampleData());

  it('counts every value over all rows when nothing is chosen', () => {
    const facets = countFacets(rows, {}, null);
    expect(counts(facets.stateUnderReview)).toEqual({ Kazakhstan: 5, 'Côte d’Ivoire': 1 });
    expect(facets.stateUnderReview[0]?.value).toBe('Kazakhstan');
    expect(facets.session.map((c) => c.value)).toEqual(['20', '34', '47', '48']);
    expect(counts(facets.tag)).toEqual({ labour: 1, follow: 1, 'death-penalty': 1, 'import-conflict': 1 });
    expect(facets.hasNotes).toEqual([
      { value: 'yes', count: 3 },
      { value: 'no', count: 3 },
    ]);
    expect(counts(facets.actionCategory)).toEqual({ 4: 2, 5: 2 });
  });

  it('counts a facet without its own choice, and the others with it', () => {
    const selection: FacetSelection = { stateUnderReview: ['Kazakhstan'], hasNotes: ['yes'] };
    const facets = countFacets(rows, selection, null);
    expect(counts(facets.stateUnderReview)).toEqual({ Kazakhstan: 3 });
    expect(counts(facets.hasNotes)).toEqual({ yes: 3, no: 2 });
    expect(counts(facets.recommendingState)).toEqual({ Canada: 1, Norway: 2 });
    expect(ids(filterRows(rows, selection, null)).sort()).toEqual([IDS.a1, IDS.b1, `page:${NORWAY_KAZ.url}`].sort());
  });

  it('matches any chosen value within a facet and every facet together', () => {
    const either = toggleFacet(toggleFacet({}, 'session', '34'), 'session', '48');
    expect(filterRows(rows, either, null)).toHaveLength(4);
    const andTag = toggleFacet(either, 'tag', 'labour');
    expect(ids(filterRows(rows, andTag, null))).toEqual([IDS.a1]);
    expect(toggleFacet(andTag, 'tag', 'labour').tag).toEqual([]);
  });

  it('keeps a chosen value listed when the search leaves it no row', () => {
    const found = new Set([IDS.c1]);
    const facets = countFacets(rows, { stateUnderReview: ['Kazakhstan'] }, found);
    expect(counts(facets.stateUnderReview)).toEqual({ 'Côte d’Ivoire': 1, Kazakhstan: 0 });
  });
});

describe('sortRows', () => {
  const rows = buildRows(sampleData());

  it.each([
    ['state', [IDS.c1, IDS.d1, IDS.a1, IDS.a2, `page:${NORWAY_KAZ.url}`, IDS.b1]],
    ['session', [`page:${NORWAY_KAZ.url}`, IDS.b1, IDS.c1, IDS.a1, IDS.a2, IDS.d1]],
    ['date', [`page:${NORWAY_KAZ.url}`, IDS.b1, IDS.c1, IDS.a1, IDS.a2, IDS.d1]],
    ['updated', [IDS.a1, `page:${NORWAY_KAZ.url}`, IDS.a2, IDS.b1, IDS.c1, IDS.d1]],
  ] as const)('by %s', (key, expected) => {
    expect(ids(sortRows(rows, key))).toEqual(expected);
  });
});

describe('selectForExport', () => {
  it('takes the rows’ recommendations with all their notes, the statement notes shown, and their pages', () => {
    const data = sampleData();
    const rows = buildRows(data);
    const chosen = filterRows(rows, { stateUnderReview: ['Kazakhstan'], hasNotes: ['yes'] }, null);
    const out = selectForExport(data, chosen);
    expect(out.recommendations.map((r) => r.id).sort()).toEqual([IDS.a1, IDS.b1].sort());
    expect(out.pages.map((p) => p.url).sort()).toEqual([CANADA_KAZ.url, NORWAY_KAZ.url].sort());
    expect(out.notes.map((n) => n.body).sort()).toEqual(['Ask about the 2024 draft law on trade unions', 'Delivered by the ambassador', 'Moratorium since 2003', 'Older copy from another computer']);
  });

  it('keeps deleted notes of the chosen recommendations (a backup restores their undo)', () => {
    const data = sampleData();
    const out = selectForExport(data, filterRows(buildRows(data), { stateUnderReview: ['Côte d’Ivoire'] }, null));
    expect(out.notes.map((n) => n.deletedAt)).toEqual([40]);
  });
});

describe('createRowSearch', () => {
  const search = createRowSearch(buildRows(sampleData()));

  it.each([
    ['moratorium', [IDS.b1]],
    ['death penalty', [IDS.b1, IDS.d1]],
    ['DEATH-PENALTY', [IDS.b1, IDS.d1]],
    ['trade unions', [IDS.a1]],
    ['labour', [IDS.a1]],
    ['ambassad', [`page:${NORWAY_KAZ.url}`]],
    ['judiciary', [IDS.c1]],
    ['deleted thought', []],
    ['unions moratorium', []],
  ])('finds %j in recommendations, notes and tags', (query, expected) => {
    expect([...search.search(query)!].sort()).toEqual([...expected].sort());
  });

  it('ignores accents and case', () => {
    const accented = createRowSearch(buildRows({ ...sampleData(), notes: [note('n' + '9'.repeat(24), { recommendationId: IDS.a2 }, { body: 'Égalité réelle' })] }));
    expect([...accented.search('egalite')!]).toEqual([IDS.a2]);
  });

  it('shows everything for an empty query', () => {
    expect(search.search('  ')).toBeNull();
  });
});

describe('exportNameParts', () => {
  it.each([
    [{}, false, []],
    [{ stateUnderReview: ['Kazakhstan'] }, true, ['Kazakhstan']],
    [{ stateUnderReview: ['Kazakhstan', 'Côte d’Ivoire'] }, true, ['selection']],
    [{ tag: ['labour'] }, true, ['selection']],
    [{ stateUnderReview: ['中国'] }, true, ['selection']],
    [{}, true, ['selection']],
  ] as const)('%j, filtered %s: %j', (selection, filtered, expected) => {
    expect(exportNameParts(selection, filtered, slug)).toEqual(expected);
  });

  it('gives the file names the brief asks for', () => {
    const now = new Date('2026-11-29T10:00:00Z');
    const data = { ...sampleData(), settings: DEFAULT_SETTINGS };
    expect(buildExportFile('json', data, now, exportNameParts({}, false, slug)).name).toBe('upr-annotator-2026-11-29.json');
    expect(buildExportFile('csv', data, now, exportNameParts({ stateUnderReview: ['Kazakhstan'] }, true, slug)).name).toBe('upr-annotator-kazakhstan-2026-11-29.csv');
  });
});

describe('withStatement', () => {
  it('puts a statement’s records as they now are in place of those held, leaving every other statement alone', () => {
    const data = sampleData();
    const renamed = { ...data.recommendations[0]!, id: 'r' + '9'.repeat(24), text: 'Amend legislation on trade unions' };
    const fresh = { pages: [{ ...CANADA_KAZ, title: 'Corrected' }], recommendations: [renamed], notes: [note('n' + '9'.repeat(24), { recommendationId: renamed.id }, { body: 'moved' })] };
    const next = withStatement({ ...data }, CANADA_KAZ.url, fresh)!;
    expect(next.recommendations.map((r) => r.id).sort()).toEqual([IDS.b1, IDS.c1, IDS.d1, renamed.id].sort());
    expect(next.pages.find((p) => p.url === CANADA_KAZ.url)?.title).toBe('Corrected');
    expect(next.pages).toHaveLength(3);
    // The old recommendations' notes went with them; the Norwegian statement's notes stay.
    expect(next.notes.map((n) => n.body).sort()).toEqual(['Deleted thought', 'Delivered by the ambassador', 'Moratorium since 2003', 'Older copy from another computer', 'moved']);
  });

  it('asks for a full load when a dataset row merged into the statement (a record of no statement changed)', () => {
    const data = sampleData();
    const merged = { ...data.recommendations[4]!, id: 'r' + '8'.repeat(24), pageUrl: CANADA_KAZ.url, dataset: { name: 'UN', actionCategory: false, themes: false, response: true, reportSymbol: null, paragraph: null } };
    expect(withStatement(data, CANADA_KAZ.url, { pages: [CANADA_KAZ], recommendations: [...data.recommendations.slice(0, 2), merged], notes: [] })).toBeNull();
  });
});
