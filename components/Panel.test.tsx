// @vitest-environment happy-dom
// The panel while its page is being stored (a long statement goes batch after batch): every write announced while
// it loads is shown, and it ends listing all that was stored.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createTranslator } from '@/utils/i18n';
import type { PanelData, Result } from '@/utils/messages';
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
