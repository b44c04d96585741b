// @vitest-environment happy-dom
// The category chip says where its value comes from: the dataset that coded it, or "automatic".
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

describe('RecommendationFacts category chip', () => {
  it.each([
    ['computed here', {}, 'Action category: automatic, read from the first verb'],
    [
      'coded by a dataset',
      { dataset: { name: 'UPR Info database export: 6-9.csv', actionCategory: true, themes: true, response: true, reportSymbol: null, paragraph: null } },
      'Action category from UPR Info database export: 6-9.csv',
    ],
    [
      'imported but computed (the dataset had no category)',
      { dataset: { name: 'CSV: mine.csv', actionCategory: false, themes: false, response: true, reportSymbol: null, paragraph: null } },
      'Action category: automatic, read from the first verb',
    ],
  ])('names its source when %s', (_, extra, title) => {
    render(<RecommendationFacts rec={panelRec(extra)} />, host);
    expect(host.querySelector('.chip-category')?.getAttribute('title')).toBe(title);
    expect(host.querySelector('.chip-category')?.textContent).toBe('5 · Specific action');
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
