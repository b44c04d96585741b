import { describe, expect, it } from 'vitest';
import type { Note } from '@/utils/model';
import { createMiniSearch, createSearch, type Searchable } from './search';

const note = (extra: Partial<Note>): Note => ({
  id: `n${'0'.repeat(24)}`,
  recommendationId: 'r1',
  pageUrl: null,
  body: '',
  tags: [],
  status: 'none',
  createdAt: 1,
  updatedAt: 1,
  deletedAt: null,
  ...extra,
});

const ITEMS: Searchable[] = [
  { id: 'unions', text: 'Amend legislation to ease the registration of independent trade unions', notes: [note({ body: 'Ask about the draft law', status: 'follow-up' })], themes: ['Labour'], actionCategory: 5 },
  { id: 'protocol', text: 'Ratify the Second Optional Protocol to the ICCPR', notes: [], themes: ['Death penalty', 'International instruments'], actionCategory: 5 },
  { id: 'moratorium', text: 'Maintain the moratorium on executions', notes: [note({ tags: ['capital-punishment'] })], themes: ['Death penalty'], actionCategory: 2 },
  { id: 'penalty-words', text: 'Abolish the death penalty in law', notes: [], themes: ['Death penalty'], actionCategory: 5 },
  { id: 'judges', text: 'Guarantee the independence of judges', notes: [note({ body: 'priority for the mission', status: 'priority' })], themes: ['Justice'], actionCategory: 4 },
];

describe('one search over words, notes, tags and the labels the user sees', () => {
  const search = createSearch(ITEMS);

  it.each([
    // The chip says "Death penalty" on all three, whether or not the words are in the text.
    ['death penalty', ['penalty-words', 'protocol', 'moratorium']],
    ['peine de mort', ['protocol', 'moratorium', 'penalty-words']],
    // A status, in either language.
    ['follow up', ['unions']],
    ['à suivre', ['unions']],
    ['prioritaire', ['judges']],
    // An action category's label.
    ['continuing action', ['moratorium']],
    ['action spécifique', ['unions', 'protocol', 'penalty-words']],
    // A tag's parts, and the last word as a prefix while it is typed.
    ['capital', ['moratorium']],
    ['indep', ['unions', 'judges']],
    ['nothing like this', []],
  ])('finds %j', (query, expected) => {
    expect([...search.search(query)!].sort()).toEqual([...expected].sort());
  });

  it('ranks the item whose own words match above those that match only by a label', () => {
    expect(search.search('death penalty')![0]).toBe('penalty-words');
  });

  it('shows everything for an empty query', () => {
    expect(search.search('   ')).toBeNull();
  });
});

describe('folding as everywhere', () => {
  it('finds "œuvre" typed as "oeuvre", and accents either way', () => {
    const search = createSearch([
      { id: 'fr', text: 'Mettre en œuvre la stratégie nationale pour l’égalité', notes: [], themes: [], actionCategory: 4 },
      { id: 'other', text: 'Ratifier la convention', notes: [], themes: [], actionCategory: 5 },
    ]);
    expect(search.search('oeuvre')).toEqual(['fr']);
    expect(search.search('strategie egalite')).toEqual(['fr']);
  });
});

describe('words within a few edits, among as many words as items', () => {
  // Every item numbered (the large store's shape): thousands of terms that share their first letters.
  const numbered: Searchable[] = Array.from({ length: 3_000 }, (_, i) => ({
    id: `r${i}`,
    text: `Recommendation ${i * 37}: guarantee the independence of the judiciary`,
    notes: i % 30 === 0 ? [note({ body: `Follow-up ${i * 37}`, tags: ['follow'] })] : [],
    themes: ['Justice'],
    actionCategory: 4,
  }));
  const search = createSearch(numbered);
  const minisearch = createMiniSearch(numbered);

  it.each(['follow-up 99900', '103230', 'follow-up 10323', 'recomendation 110852', 'judiciarry', 'independance 3700', 'folloow'])('finds for %j exactly what MiniSearch finds', (query) => {
    const expected = minisearch.search(query)!;
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(search.search(query))).toEqual(new Set(expected));
  });

  it('finds a number only as typed (or as its start), never a number one digit off', () => {
    // Consecutive record numbers, as in a large store: 159900 and 159901 are one edit apart.
    const consecutive: Searchable[] = [159899, 159900, 159901, 159910].map((k) => ({ id: `r${k}`, text: `Recommendation ${k}`, notes: [note({ body: `Follow-up ${k}` })], themes: [], actionCategory: 4 }));
    for (const make of [createSearch, createMiniSearch]) {
      const numbers = make(consecutive);
      expect(numbers.search('159900')).toEqual(['r159900']);
      expect(numbers.search('follow-up 159900')).toEqual(['r159900']);
      // The last word is still a prefix while it is typed.
      expect(new Set(numbers.search('15990'))).toEqual(new Set(['r159900', 'r159901']));
    }
    // A word of letters still forgives a slip.
    expect(search.search('judiciarry')!.length).toBe(3_000);
  });
});
