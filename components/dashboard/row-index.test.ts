import { describe, expect, it } from 'vitest';
import { syntheticRecommendations } from '@/scripts/bench/synthetic';
import type { Note } from '@/utils/model';
import { buildRows, countFacets, filterRows, sortRows, type FacetSelection } from './dashboard-rows';
import { createRowSearch } from './dashboard-search';
import { createFacetCounter, createRowMatcher, createSortOrders } from './row-index';
import { note, rec, sampleData } from './test-records';

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

const rows = buildRows(data());
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
    const { counts, matching } = counter.count(selection, result?.mask ?? null);
    expect(counts).toEqual(countFacets(rows, selection, found));
    expect(rows.filter((_, i) => matching[i]).map((r) => r.id)).toEqual(filterRows(rows, selection, found).map((r) => r.id));
  });
});

describe('createSortOrders', () => {
  it('gives each order sortRows gives', () => {
    const orderOf = createSortOrders(rows);
    for (const key of ['state', 'session', 'date', 'updated'] as const) expect(ids(orderOf(key))).toEqual(sortRows(rows, key).map((r) => r.id));
  });
});
