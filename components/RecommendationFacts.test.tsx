// @vitest-environment happy-dom
// The category and theme chips say where their values come from: the dataset that coded them, or "automatic".
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { PanelRecommendation } from '@/utils/messages';
import { rec } from './dashboard/records.test-support';
import { RecommendationFacts } from './RecommendationFacts';

const host = document.createElement('div');
afterEach(() => render(null, host));

const panelRec = (extra: Partial<PanelRecommendation>): PanelRecommendation => ({
  ...rec(`r${'c'.repeat(24)}`, null, 0, 'Ratify the Optional Protocol to the Convention against Torture', { actionCategory: 5 }),
  note: null,
  earlier: [],
  ...extra,
});

// Imported from a dataset that gave (true) or did not give (false) the category and the themes.
const imported = (name: string, actionCategory: boolean, themes: boolean): Partial<PanelRecommendation> => ({
  dataset: { name, actionCategory, themes, response: true, reportSymbol: null, paragraph: null },
});

const AUTOMATIC_CATEGORY = 'Action category: automatic, read from the first verb';
const AUTOMATIC_THEME = 'Theme: automatic, found from the words of the recommendation';

describe('RecommendationFacts category and theme chips', () => {
  it.each([
    ['computed here', {}, AUTOMATIC_CATEGORY, AUTOMATIC_THEME],
    [
      'coded by a dataset',
      imported('UPR Info database export: 6-9.csv', true, true),
      'Action category from UPR Info database export: 6-9.csv',
      'Theme from UPR Info database export: 6-9.csv',
    ],
    ['imported but computed (the dataset had neither)', imported('CSV: mine.csv', false, false), AUTOMATIC_CATEGORY, AUTOMATIC_THEME],
    ['imported with a category but no themes', imported('CSV: mine.csv', true, false), 'Action category from CSV: mine.csv', AUTOMATIC_THEME],
  ])('name their source when %s', (_, extra, categoryTitle, themeTitle) => {
    render(<RecommendationFacts rec={panelRec({ themes: ['Torture and other cruel, inhuman or degrading treatment', "Women's rights"], ...extra })} />, host);
    expect(host.querySelector('.chip-category')?.getAttribute('title')).toBe(categoryTitle);
    expect(host.querySelector('.chip-category')?.textContent).toBe('5 · Specific action');
    expect([...host.querySelectorAll('.chip-theme')].map((chip) => chip.getAttribute('title'))).toEqual([themeTitle, themeTitle]);
  });
});

describe('RecommendationFacts earlier recommendations', () => {
  it('shows the invisible formatting an earlier text or state name carries, isolated from what is around it', () => {
    const earlier = {
      id: `r${'d'.repeat(24)}`,
      text: 'Ratify the \u202Eeussi\u202C Convention',
      recommendingState: 'Nor\u200Bway',
      session: 20,
      cycle: 2,
      response: null,
      pageUrl: null,
      repeat: false,
      similarity: 0.5,
    };
    render(<RecommendationFacts rec={panelRec({ earlier: [earlier] })} />, host);
    const text = host.querySelector('.earlier-text bdi');
    expect(text?.textContent).toBe('Ratify the ⟨U+202E⟩eussi⟨U+202C⟩ Convention');
    expect(host.querySelector('.earlier-who')?.textContent).toContain('Nor⟨U+200B⟩way');
  });
});

describe('RecommendationFacts: where else the recommendation was seen', () => {
  const FIRST = 'https://www.international.gc.ca/upr/kazakhstan-34.html';
  const COPY = 'https://copy.example.net/statements/kazakhstan';
  const links = () => [...host.querySelectorAll<HTMLAnchorElement>('.seen-link')].map((a) => [a.textContent, a.href, a.target, a.title]);

  it('on its own page: the other pages that showed the same words, each opened in a new tab', () => {
    render(<RecommendationFacts rec={panelRec({ pageUrl: FIRST, seenAt: [COPY] })} shownOn={FIRST} />, host);
    expect(host.querySelector('.seen-elsewhere')?.textContent).toBe('Also seen at copy.example.net');
    expect(links()).toEqual([['copy.example.net', COPY, '_blank', COPY]]);
    // Seen on its page only: nothing said.
    render(<RecommendationFacts rec={panelRec({ pageUrl: FIRST })} shownOn={FIRST} />, host);
    expect(host.querySelector('.seen-elsewhere')).toBeNull();
  });

  it('on a page that copied it: the page where it was first seen and annotated', () => {
    render(<RecommendationFacts rec={panelRec({ pageUrl: FIRST, seenAt: [COPY] })} shownOn={COPY} />, host);
    expect(host.querySelector('.seen-elsewhere')?.textContent).toBe('First seen at www.international.gc.ca');
    expect(links()).toEqual([['www.international.gc.ca', FIRST, '_blank', FIRST]]);
  });
});
