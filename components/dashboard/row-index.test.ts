import { describe, expect, it } from 'vitest';
import { syntheticRecommendations } from '@/scripts/bench/synthetic';
import type { Note } from '@/utils/model';
import { createSearch } from '@/components/search';
import { buildRows, countFacets, createRowTable, filterRows, sortRows, SORT_KEYS, type FacetSelection } from './dashboard-rows';
import { createRowSearch } from './dashboard-search';
import { createFacetCounter, createRowMatcher, createSortOrders, rankRows } from './row-index';
import { note, rec, sampleData } from './records.test-support';

// Real-shaped rows (synthetic UN recommendations, some with notes, tags and statuses) and the sample statements.
function data() {
  const sample = sampleData();
  // First, so that only its score can put it after the others: the words in its text, no theme, no note.
  const unlabelled = rec(`r${'f'.repeat(24)}`, null, 0, 'Publish the debate on the death penalty', { themes: [] });
  const recommendations = [unlabelled, ...sample.recommendations, ...syntheticRecommendations(1_500, 7)];
  const statuses = ['none', 'follow-up', 'priority', 'done'] as const;
  const notes: Note[] = [
    ...sample.notes,
    ...recommendations
      .filter((r, i) => i % 7 === 0 && r !== unlabelled)
      .map((r, i) =>
        note(`n${r.id.slice(1)}`, { recommendationId: r.id }, { body: i % 2 ? 'Ask the ministry about détention' : 'Civil society report due', tags: i % 3 ? ['follow-ministry'] : ['death-penalty'], status: statuses[i % 4]! }),
      ),
  ];
  return { ...sample, recommendations, notes };
}

const records = data();
const rows = buildRows(records);
const ids = (positions: ArrayLike<number>) => Array.from(positions, (i) => rows[i]!.id);

describe('createRowMatcher', () => {
  const minisearch = createRowSearch(rows);
  const matcher = createRowMatcher(rows);

  it.each(['torture', 'TORTURE', 'tort', 't', 'death penalty', 'peine de mort', 'follow up', 'à suivre', 'detention', 'détention ministry', 'journalits', 'disabilites', 'ratify protocol', 'moratorium', 'labour', 'death-penalty', 'zzzz', 'children disabilities'])(
    'finds for "%s" exactly the rows MiniSearch finds',
    (query) => {
      const expected = minisearch.search(query)!;
      const got = matcher.search(query)!;
      expect(new Set(ids(got.ranked))).toEqual(new Set(expected));
      expect(got.ranked.length).toBe(expected.length);
    },
  );

  it('ranks rows whose tag or theme says "death penalty" above rows that only have the words in their text', () => {
    const ranked = ids(matcher.search('death penalty')!.ranked).map((id) => rows.find((r) => r.id === id)!);
    const labelled = ranked.map((r) => [r.note, ...r.otherNotes].some((n) => n?.tags.includes('death-penalty')) || Boolean(r.recommendation?.themes.some((theme) => /death penalty/i.test(theme))));
    expect(labelled).toContain(true);
    expect(labelled).toContain(false);
    expect(labelled.indexOf(false)).toBeGreaterThan(labelled.lastIndexOf(true));
  });

  it('gives no search for an empty query', () => {
    expect(matcher.search('  ')).toBeNull();
  });

  it.each(['death penalty', 'torture', 't', 'follow up', 'journalits', 'ratify protocol'])('finds and ranks for "%s" as the panel’s filter does', (query) => {
    // The panel's items, as the panel hands them to its filter.
    const panel = createSearch(rows.map((row) => ({ id: row.id, text: row.recommendation?.text ?? row.page?.title ?? '', notes: [row.note, ...row.otherNotes].filter((n) => n !== null), themes: row.recommendation?.themes ?? [], actionCategory: row.recommendation?.actionCategory ?? null })));
    expect(ids(matcher.search(query)!.ranked)).toEqual(panel.search(query));
  });
});

describe('rankRows', () => {
  const matcher = createRowMatcher(rows);
  it.each(['t', 'death penalty', 'ensure'])('orders the first screen of "%s" at once, and every row once complete, as the full ranking does', (query) => {
    const result = matcher.search(query)!;
    const all = Array.from(result.ranked);
    const candidates = Int32Array.from([...all].sort((a, b) => a - b));
    expect(all.length).toBeGreaterThan(20);
    const ranked = rankRows(result.scores, candidates, 20);
    expect(Array.from(ranked.positions.subarray(0, ranked.exact))).toEqual(all.slice(0, ranked.exact));
    expect(ranked.exact).toBeGreaterThanOrEqual(20);
    ranked.complete();
    expect(Array.from(ranked.positions)).toEqual(all);
    // The full ranking itself: best score first, equal scores in row order.
    for (let k = 1; k < all.length; k++) {
      const [a, b] = [all[k - 1]!, all[k]!];
      expect(result.scores[a]! > result.scores[b]! || (result.scores[a] === result.scores[b] && a < b)).toBe(true);
    }
  });
});

describe('createFacetCounter', () => {
  const counter = createFacetCounter(rows);
  const matcher = createRowMatcher(rows);
  it.each<[string, FacetSelection, string]>([
    ['nothing chosen', {}, ''],
    ['one state', { stateUnderReview: ['Kazakhstan'] }, ''],
    ['a theme and a tag, with a search', { theme: [rows.find((r) => r.facets.theme.length)!.facets.theme[0]!], tag: ['follow-ministry'] }, 'ensure'],
    ['a value no row has', { tag: ['nowhere'] }, 'ratify'],
  ])('counts as countFacets does: %s', (_, selection, query) => {
    const result = query ? matcher.search(query)! : null;
    const found = result ? new Set(ids(result.ranked)) : null;
    // Reading every row, or only the rows the search found.
    for (const positions of [undefined, result?.positions]) {
      const { counts, matching } = counter.count(selection, result?.mask ?? null, positions);
      expect(counts).toEqual(countFacets(rows, selection, found));
      expect(rows.filter((_, i) => matching[i]).map((r) => r.id)).toEqual(filterRows(rows, selection, found).map((r) => r.id));
    }
  });
});

describe('createSortOrders', () => {
  it('gives each order sortRows gives', () => {
    const orderOf = createSortOrders(rows);
    for (const key of SORT_KEYS) expect(ids(orderOf(key))).toEqual(sortRows(rows, key).map((r) => r.id));
  });

  it('gives the same orders from the row table’s columns, and the same rows', () => {
    const table = createRowTable(records);
    const orderOf = createSortOrders(table.columns);
    for (const key of SORT_KEYS) expect(Array.from(orderOf(key), (i) => table.idAt(i))).toEqual(sortRows(rows, key).map((r) => r.id));
    expect(Array.from({ length: table.length }, (_, i) => table.at(i))).toEqual(rows);
  });
});
