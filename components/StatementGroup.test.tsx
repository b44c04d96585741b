// @vitest-environment happy-dom
// A page of several statements in the panel: "Australia → 3 statements" in the header, and the recommendations
// under one heading per statement, in page order, with counts that follow the filter.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createTranslator } from '@/utils/i18n';
import type { PanelData, Result } from '@/utils/messages';
import { SESSION_PAGE } from '@/utils/db/capture.test-support';
import { page, rec } from './dashboard/records.test-support';
import { I18nContext } from './i18n';
import { Panel } from './Panel';
import type { PanelClient, PanelEventHandlers } from './panel-client';

const host = document.createElement('div');
document.body.append(host);
afterEach(() => render(null, host));

const stored = page('https://www.example.gov.au/upr41', { ...SESSION_PAGE.meta, statements: SESSION_PAGE.statements });
const TEXTS = ['Abolish the death penalty.', 'Release detained journalists.', 'Prevent violence in prisons.', 'Prevent femicide.', 'Guarantee judicial independence.'];
const OWNER = [0, 0, 1, 1, 2];
const data = (over: Partial<PanelData> = {}): PanelData => ({
  tabId: 1,
  page: stored,
  recommendations: TEXTS.map((text, i) => ({
    ...rec(`r${String(i + 1).repeat(24)}`, stored, i + 1, text, { ...SESSION_PAGE.statements[OWNER[i]!]!, statement: OWNER[i]! }),
    note: null,
    earlier: [],
  })),
  orphans: [],
  corrected: [],
  pageNote: null,
  tags: [],
  earlierSummary: { total: 0, supported: 0, noted: 0, unknown: 0 },
  ...over,
});

const ok = <T,>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
function fakeClient(panelData: PanelData): PanelClient {
  return {
    load: () => ok(panelData),
    subscribe: () => () => {},
    draft: () => {},
  } as unknown as PanelClient;
}

async function show(panelData: PanelData | PanelClient, language: 'en' | 'fr' = 'en') {
  const client = 'load' in panelData ? panelData : fakeClient(panelData);
  await act(async () => {
    render(
      <I18nContext.Provider value={{ t: createTranslator(language), language }}>
        <Panel client={client} languageSetting={language} onLanguageSetting={() => {}} />
      </I18nContext.Provider>,
      host,
    );
  });
  await act(async () => {});
}

const headings = () => [...host.querySelectorAll('.statement-heading')].map((h) => h.textContent);
const groupItems = () => [...host.querySelectorAll('.statement-group')].map((g) => [...g.querySelectorAll('.rec')].map((li) => li.getAttribute('data-n')));

describe('the panel on a page of several statements', () => {
  it('lists a reading still being stored under the same headings, as the page read it', async () => {
    const client = {
      load: () => new Promise(() => {}),
      subscribe: (handlers: PanelEventHandlers) => {
        handlers.pageStoring?.(true);
        handlers.pageReading?.({
          url: stored.url,
          meta: SESSION_PAGE.meta,
          statements: SESSION_PAGE.statements,
          recommendations: TEXTS.map((text, i) => ({ n: i + 1, text, statement: OWNER[i]! })),
        });
        return () => {};
      },
      draft: () => {},
    } as unknown as PanelClient;
    await show(client);
    expect(host.querySelector('.panel-states')?.textContent).toBe('Australia → 3 statements');
    expect(host.querySelector('.panel-storing')?.textContent).toBe('Storing 5 recommendations…');
    expect(headings()).toEqual([
      'Universal Periodic Review of Bahrain — 7 November 20222 recommendations',
      'Universal Periodic Review of Ecuador — 7 November 20222 recommendations',
      'Universal Periodic Review of Tunisia — 8 November 20221 recommendation',
    ]);
    expect(groupItems()).toEqual([['1', '2'], ['3', '4'], ['5']]);
  });

  it('says how many statements, and lists each statement’s recommendations under its heading with its count', async () => {
    await show(data());
    expect(host.querySelector('.panel-states')?.textContent).toBe('Australia → 3 statements');
    expect(headings()).toEqual([
      'Universal Periodic Review of Bahrain — 7 November 20222 recommendations',
      'Universal Periodic Review of Ecuador — 7 November 20222 recommendations',
      'Universal Periodic Review of Tunisia — 8 November 20221 recommendation',
    ]);
    expect(groupItems()).toEqual([['1', '2'], ['3', '4'], ['5']]);
    // Each group is a region named by its heading; no line about earlier cycles for a state the page does not have.
    const first = host.querySelector('.statement-group')!;
    expect(host.querySelector(`#${first.getAttribute('aria-labelledby')}`)?.classList.contains('statement-heading')).toBe(true);
    expect(host.querySelector('.panel-earlier')).toBeNull();
  });

  it('filters across the groups, leaving out a statement with nothing shown', async () => {
    await show(data());
    const input = host.querySelector<HTMLInputElement>('.filter-input')!;
    await act(async () => {
      input.value = 'prevent';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(groupItems()).toEqual([['3', '4']]);
    await act(async () => {
      input.value = 'femicide';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(headings()).toEqual(['Universal Periodic Review of Ecuador — 7 November 2022Showing 1 of 2']);
  });

  it('reads in French', async () => {
    await show(data(), 'fr');
    expect(host.querySelector('.panel-states')?.textContent).toBe('Australie → 3 déclarations');
    expect(headings()).toEqual([
      'Examen périodique universel de Bahreïn — 7 novembre 20222 recommandations',
      "Examen périodique universel de l'Équateur — 7 novembre 20222 recommandations",
      'Examen périodique universel de la Tunisie — 8 novembre 20221 recommandation',
    ]);
  });

  it('lists an ordinary page as one list, as before', async () => {
    const single = page('https://example.gov/kz', { recommendingState: 'Canada', stateUnderReview: 'Kazakhstan', stateUnderReviewCode: 'KAZ', session: 34 });
    await show(data({ page: single, recommendations: data().recommendations.map((r) => ({ ...r, pageUrl: single.url, statement: undefined })) }));
    expect(host.querySelector('.panel-states')?.textContent).toBe('Canada → Kazakhstan');
    expect(host.querySelector('.statement-group')).toBeNull();
    expect(host.querySelectorAll('ol.recs > .rec')).toHaveLength(5);
  });
});
