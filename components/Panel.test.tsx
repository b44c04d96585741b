// @vitest-environment happy-dom
// The panel while its page is being stored (a long statement goes batch after batch): every write announced while
// it loads is shown, and it ends listing all that was stored.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createTranslator } from '@/utils/i18n';
import type { PageReading, PanelData, Result } from '@/utils/messages';
import { page, rec } from './dashboard/records.test-support';
import { I18nContext } from './i18n';
import { Panel } from './Panel';
import type { PanelClient, PanelEventHandlers } from './panel-client';

const host = document.createElement('div');
document.body.append(host);
afterEach(() => render(null, host));

const stored = page('https://www.example.gov/upr41/finland', { stateUnderReview: 'Finland', stateUnderReviewCode: 'FI' });
const withRecs = (count: number): PanelData => ({
  tabId: 1,
  page: stored,
  recommendations: Array.from({ length: count }, (_, i) => ({ ...rec(`r${String(i + 1).padStart(24, '0')}`, stored, i + 1, `Adopt measure ${i + 1}.`), note: null, earlier: [] })),
  orphans: [],
  corrected: [],
  pageNote: null,
  tags: [],
  earlierSummary: { total: 0, supported: 0, noted: 0, unknown: 0 },
});

describe('the panel of a page being stored', () => {
  it('loads again when a write to its page is announced while its first load runs, and lists what was stored last', async () => {
    // What the store holds at each load: the first batch, then the whole page.
    let storedNow = withRecs(2);
    const answers: ((result: Result<PanelData>) => void)[] = [];
    let listening: PanelEventHandlers | null = null;
    const client = {
      load: () => new Promise<Result<PanelData>>((resolve) => answers.push(resolve)),
      subscribe: (handlers: PanelEventHandlers) => ((listening = handlers), () => (listening = null)),
      draft: () => {},
      markNoted: () => Promise.resolve({ ok: true, value: null }),
    } as unknown as PanelClient;
    await act(async () => {
      render(
        <I18nContext.Provider value={{ t: createTranslator('en'), language: 'en' }}>
          <Panel client={client} languageSetting="en" onLanguageSetting={() => {}} />
        </I18nContext.Provider>,
        host,
      );
    });
    expect(answers).toHaveLength(1);
    // The rest of the page is stored while the first load is under way: the worker announces it.
    const firstAnswer = { ok: true, value: storedNow } as const;
    storedNow = withRecs(5);
    expect(listening).not.toBeNull();
    listening!.dataChanged({ scope: 'page', pageUrl: stored.url });
    await act(async () => answers[0]!({ ...firstAnswer }));
    expect(answers).toHaveLength(2);
    await act(async () => answers[1]!({ ok: true, value: storedNow }));
    expect([...host.querySelectorAll('.recs .rec')].map((li) => li.getAttribute('data-n'))).toEqual(['1', '2', '3', '4', '5']);
    expect(host.querySelector('.panel-count')?.textContent).toBe('5 recommendations');
  });
});

describe('the panel of a long statement its page is still storing', () => {
  const reading = (count: number): PageReading => ({
    url: stored.url,
    meta: { title: 'Finland', recommendingState: null, recommendingStateCode: null, stateUnderReview: 'Finland', stateUnderReviewCode: 'FI', session: 41, cycle: 4, date: null, language: 'en' },
    recommendations: Array.from({ length: count }, (_, i) => ({ n: i + 1, text: `Adopt measure ${i + 1}.` })),
  });

  /** A client whose page is storing (and told its reading) when the panel subscribes, if `told`. */
  function storingClient(told: PageReading | null) {
    const answers: ((result: Result<PanelData>) => void)[] = [];
    const focused: number[] = [];
    let listening: PanelEventHandlers | null = null;
    const client = {
      load: () => new Promise<Result<PanelData>>((resolve) => answers.push(resolve)),
      subscribe: (handlers: PanelEventHandlers) => {
        listening = handlers;
        handlers.pageStoring?.(true);
        if (told) handlers.pageReading?.(told);
        return () => (listening = null);
      },
      focus: (n: number) => (focused.push(n), Promise.resolve({ ok: true, value: null })),
      draft: () => {},
      saveNote: () => Promise.resolve({ ok: false, error: { code: 'invalid', message: 'no' } }),
      markNoted: () => Promise.resolve({ ok: true, value: null }),
    } as unknown as PanelClient;
    return { client, answers, focused, page: () => listening! };
  }
  const show = (client: PanelClient) =>
    act(async () => {
      render(
        <I18nContext.Provider value={{ t: createTranslator('en'), language: 'en' }}>
          <Panel client={client} languageSetting="en" onLanguageSetting={() => {}} />
        </I18nContext.Provider>,
        host,
      );
    });
  const ns = () => [...host.querySelectorAll('.recs .rec')].map((li) => Number(li.getAttribute('data-n')));

  it('lists the page’s reading at once, says it is being stored, and selects both ways; no note box until stored', { timeout: 30_000 }, async () => {
    const { client, answers, focused, page } = storingClient(reading(600));
    await show(client);
    // Nothing asked of the store while it is being written: the reading is what the panel lists.
    expect(answers).toHaveLength(0);
    expect(ns()).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
    expect(host.querySelector('.panel-count')?.textContent).toBe('600 recommendations');
    expect(host.querySelector('.panel-storing')?.textContent).toBe('Storing 600 recommendations…');
    expect(host.querySelector('.recs .rec[data-n="600"] .rec-text')?.textContent).toBe('600Adopt measure 600.');
    expect(host.querySelector('textarea')).toBeNull();
    // A highlight clicked on the page selects here; an item chosen here is shown on the page.
    await act(async () => page().selected(550));
    expect(host.querySelector('.rec[aria-current="true"]')?.getAttribute('data-n')).toBe('550');
    expect(host.querySelector('.rec[data-n="550"] .rec-unstored-note')?.textContent).toMatch(/once this recommendation is stored/);
    await act(async () => host.querySelector<HTMLButtonElement>('.rec[data-n="7"] .rec-text')!.click());
    expect(focused).toEqual([7]);
    expect(host.querySelector('.rec[aria-current="true"]')?.getAttribute('data-n')).toBe('7');

    // Stored: the panel loads once, and lists the stored records, where a note can be written.
    await act(async () => page().pageStoring?.(false));
    expect(answers).toHaveLength(1);
    await act(async () => answers[0]!({ ok: true, value: withRecs(600) }));
    expect(host.querySelector('.panel-storing')).toBeNull();
    expect(host.querySelector('.rec-unstored')).toBeNull();
    expect(ns()).toHaveLength(600);
    expect(host.querySelector('.rec[aria-current="true"]')?.getAttribute('data-n')).toBe('7');
    const box = host.querySelector<HTMLTextAreaElement>('.rec[data-n="7"] textarea')!;
    box.value = 'Typed, not yet saved';

    // The page read again and stored again (a correction): the stored records stay, and what is typed there.
    await act(async () => {
      page().pageStoring?.(true);
      page().pageReading?.(reading(600));
    });
    expect(host.querySelector('.rec-unstored')).toBeNull();
    expect(host.querySelector('.panel-storing')).toBeNull();
    expect(host.querySelector<HTMLTextAreaElement>('.rec[data-n="7"] textarea')?.value).toBe('Typed, not yet saved');
  });

  it('keeps the keyboard on the item it was on, and the item where it was, when the stored records replace the reading', { timeout: 30_000 }, async () => {
    const { client, answers, page } = storingClient(reading(2_000));
    await show(client);
    expect(ns()).toHaveLength(2_000);
    // A keyboard user has tabbed far down the list while the page stores it.
    const item = host.querySelector<HTMLElement>('.rec[data-n="1500"]')!;
    await act(async () => item.querySelector<HTMLButtonElement>('.rec-text')!.focus());
    expect(document.activeElement?.closest('.rec')?.getAttribute('data-n')).toBe('1500');

    await act(async () => page().pageStoring?.(false));
    await act(async () => answers[0]!({ ok: true, value: withRecs(2_000) }));
    expect(host.querySelector('.rec-unstored')).toBeNull();
    expect(ns()).toHaveLength(2_000);
    // The same item, stored now, still has the keyboard: nothing was rebuilt under it.
    expect(host.querySelector('.rec[data-n="1500"]')).toBe(item);
    expect(item.getAttribute('data-id')).toBe(withRecs(1_500).recommendations[1_499]!.id);
    expect(document.activeElement?.closest('.rec')).toBe(item);
  });
});
