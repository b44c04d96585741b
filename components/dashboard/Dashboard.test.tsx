// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DataChange, ExportedPage, Result } from '@/utils/messages';
import { Dashboard } from './Dashboard';
import type { DashboardClient } from './dashboard-client';
import { CANADA_KAZ, page, rec, renderHost, sampleData } from './records.test-support';

const mounted = renderHost();
let host: HTMLElement;
beforeEach(() => void (host = mounted.el));

const wait = (ms: number) => act(async () => void (await new Promise((done) => setTimeout(done, ms))));
const summary = () => host.querySelector('.dash-summary')?.textContent ?? '';

/** A client over the sample records, answering everything in one page, that tells what the dashboard asked. */
function fakeClient() {
  const data = sampleData();
  let dataChanged: (change: Exclude<DataChange, { scope: 'note' }>) => void = () => {};
  const ok = <T,>(value: T): Result<T> => ({ ok: true, value });
  const client = {
    loadPage: vi.fn(async () => ok<ExportedPage>({ ...data, next: null, total: { pages: 3, recommendations: 5, notes: 5 } })),
    loadStatement: vi.fn(async (url: string) => {
      const held = data.recommendations.filter((r) => r.pageUrl === url);
      return ok({ pages: data.pages.filter((p) => p.url === url), recommendations: [...held, rec('r' + '7'.repeat(24), CANADA_KAZ, 3, 'Ratify ILO Convention 87')], notes: [] });
    }),
    subscribe: (_note: unknown, changed: typeof dataChanged) => {
      dataChanged = changed;
      return () => {};
    },
    storageUse: async () => null,
    draft: () => {},
  };
  return { client: client as unknown as DashboardClient & typeof client, change: (c: Exclude<DataChange, { scope: 'note' }>) => dataChanged(c) };
}

describe('Dashboard', () => {
  it('reads only the changed statement again after a capture elsewhere, not everything', async () => {
    const { client, change } = fakeClient();
    act(() => render(<Dashboard client={client} languageSetting="auto" onLanguageSetting={() => {}} />, host));
    await wait(10);
    expect(summary()).toContain('5 recommendations');
    change({ scope: 'page', pageUrl: CANADA_KAZ.url });
    await wait(400);
    expect(client.loadStatement).toHaveBeenCalledWith(CANADA_KAZ.url);
    expect(client.loadPage).toHaveBeenCalledTimes(1);
    expect(summary()).toContain('6 recommendations');
  });

  it('reads everything again after an import or delete-all elsewhere', async () => {
    const { client, change } = fakeClient();
    act(() => render(<Dashboard client={client} languageSetting="auto" onLanguageSetting={() => {}} />, host));
    await wait(10);
    change({ scope: 'all' });
    await wait(400);
    expect(client.loadPage).toHaveBeenCalledTimes(2);
    expect(client.loadStatement).not.toHaveBeenCalled();
  });
});

describe('Dashboard while the rest is loading', () => {
  it('shows the first pages, says how far the load is, and exports nothing partial', async () => {
    const recommendations = Array.from({ length: 150 }, (_, i) => rec(`r${String(i).padStart(24, '0')}`, null, 0, `Recommendation ${i}`));
    const client = {
      loadPage: vi.fn(async (cursor: unknown) =>
        cursor === null
          ? { ok: true, value: { pages: [], notes: [], recommendations, next: { store: 'recommendations', after: recommendations.at(-1)!.id }, total: { pages: 0, notes: 0, recommendations: 1_000 } } }
          : new Promise(() => {}),
      ),
      loadStatement: vi.fn(),
      subscribe: () => () => {},
      storageUse: async () => null,
      draft: () => {},
    } as unknown as DashboardClient;
    const download = vi.spyOn(URL, 'createObjectURL');
    act(() => render(<Dashboard client={client} languageSetting="auto" onLanguageSetting={() => {}} />, host));
    await wait(400);
    expect(summary()).toContain('150 recommendations');
    expect(host.querySelector('.dash-loading-more')?.textContent).toContain('150 of 1,000 records read');
    for (const button of host.querySelectorAll<HTMLButtonElement>('.export-button')) expect(button.disabled).toBe(true);
    // The backup offered before delete-all waits too.
    act(() => host.querySelector<HTMLButtonElement>('.delete-all .button-row .button')!.click());
    expect(host.querySelector('.dash-notice')?.textContent).toContain('150 of 1,000 records read');
    expect(download).not.toHaveBeenCalled();
  });
});

describe('Dashboard over many records', () => {
  // 30,000 records built and indexed: seconds on a loaded machine, so more time than the default 5 s.
  it('shows a search’s rows at once and its facet counts once the browser is idle, keeping the last counts meanwhile', { timeout: 20_000 }, async () => {
    // 30,000 records from two states under review, every tenth one about torture.
    const states = [page('https://example.org/gha', { stateUnderReview: 'Ghana' }), page('https://example.org/kaz', { stateUnderReview: 'Kazakhstan' })];
    const recommendations = Array.from({ length: 30_000 }, (_, i) => rec(`r${String(i).padStart(24, '0')}`, states[i % 2]!, i, i % 10 === 0 ? `Prevent torture ${i}` : `Ensure access to justice ${i}`));
    const client = {
      loadPage: vi.fn(async () => ({ ok: true, value: { pages: states, recommendations, notes: [], next: null, total: { pages: 2, recommendations: 30_000, notes: 0 } } })),
      loadStatement: vi.fn(),
      subscribe: () => () => {},
      storageUse: async () => null,
      draft: () => {},
    } as unknown as DashboardClient;
    act(() => render(<Dashboard client={client} languageSetting="auto" onLanguageSetting={() => {}} />, host));
    const ghana = () => [...host.querySelectorAll('[data-facet="stateUnderReview"] .facet-value')].find((v) => v.textContent?.startsWith('Ghana'))?.textContent;
    for (let i = 0; i < 100 && ghana() !== 'Ghana15000'; i++) await wait(100);
    expect(ghana()).toBe('Ghana15000');

    const input = host.querySelector<HTMLInputElement>('.search-input')!;
    act(() => {
      input.value = 'justice';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(host.querySelector('.dash-count')?.textContent).toBe('Showing 27,000 of 30,000 recommendations');
    expect(ghana()).toBe('Ghana15000');
    for (let i = 0; i < 50 && ghana() === 'Ghana15000'; i++) await wait(100);
    expect(ghana()).toBe('Ghana12000');
  });
});
