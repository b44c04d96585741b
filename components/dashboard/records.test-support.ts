// Test support for the dashboard: choosing a file in a file input, and small records: two statements to Kazakhstan and one to Côte d'Ivoire, and a
// recommendation known only from a dataset.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';
import type { Note, StoredPage, StoredRecommendation } from '@/utils/model';
import type { RecordData } from './dashboard-rows';

export function page(url: string, meta: Partial<StoredPage>): StoredPage {
  return {
    url,
    title: 'Statement',
    recommendingState: null,
    recommendingStateCode: null,
    stateUnderReview: null,
    stateUnderReviewCode: null,
    session: null,
    cycle: null,
    date: null,
    language: 'en',
    capturedAt: 1,
    orphanIds: [],
    ...meta,
  };
}

export function rec(id: string, pageOf: StoredPage | null, n: number, text: string, extra: Partial<StoredRecommendation> = {}): StoredRecommendation {
  return {
    id,
    pageUrl: pageOf?.url ?? null,
    n,
    text,
    selector: null,
    recommendingState: pageOf?.recommendingState ?? null,
    recommendingStateCode: null,
    stateUnderReview: pageOf?.stateUnderReview ?? null,
    stateUnderReviewCode: null,
    session: pageOf?.session ?? null,
    cycle: pageOf?.cycle ?? null,
    language: 'en',
    actionCategory: null,
    themes: [],
    response: null,
    source: pageOf ? 'page' : 'import',
    createdAt: 1,
    updatedAt: 1,
    ...extra,
  };
}

export function note(id: string, target: { recommendationId: string } | { pageUrl: string }, extra: Partial<Note> = {}): Note {
  return {
    id,
    recommendationId: 'recommendationId' in target ? target.recommendationId : null,
    pageUrl: 'pageUrl' in target ? target.pageUrl : null,
    body: '',
    tags: [],
    status: 'none',
    createdAt: 10,
    updatedAt: 10,
    deletedAt: null,
    ...extra,
  };
}

const id = (k: string) => `r${k.repeat(24)}`;
export const IDS = { a1: id('a'), a2: id('b'), b1: id('c'), c1: id('d'), d1: id('e') };
const nid = (recId: string) => `n${recId.slice(1)}`;

export const CANADA_KAZ = page('https://example.gc.ca/kaz', {
  recommendingState: 'Canada',
  stateUnderReview: 'Kazakhstan',
  session: 34,
  cycle: 3,
  date: '2019-11-07',
});
export const NORWAY_KAZ = page('https://example.no/kaz', {
  recommendingState: 'Norway',
  stateUnderReview: 'Kazakhstan',
  session: 48,
  cycle: 4,
  date: '2024-11-12',
});
export const FRANCE_CIV = page('https://example.fr/civ', {
  recommendingState: 'France',
  stateUnderReview: 'Côte d’Ivoire',
  session: 47,
  cycle: 4,
  date: '2024-11-05',
});

export function sampleData(): RecordData {
  return {
    pages: [CANADA_KAZ, NORWAY_KAZ, FRANCE_CIV],
    recommendations: [
      rec(IDS.a1, CANADA_KAZ, 1, 'Amend legislation to ease the registration of independent trade unions', { actionCategory: 5, themes: ['Labour'] }),
      rec(IDS.a2, CANADA_KAZ, 2, 'Prohibit discrimination against women', { actionCategory: 5, themes: ['Women’s rights'], updatedAt: 50 }),
      rec(IDS.b1, NORWAY_KAZ, 1, 'Ratify the Second Optional Protocol on the death penalty', { actionCategory: 4, themes: ['Death penalty', 'International instruments'] }),
      rec(IDS.c1, FRANCE_CIV, 1, 'Guarantee the independence of the judiciary', { actionCategory: 4, themes: ['Justice'] }),
      rec(IDS.d1, null, 0, 'Abolish the death penalty', {
        recommendingState: 'Brazil',
        stateUnderReview: 'Kazakhstan',
        session: 20,
        cycle: 2,
        response: 'noted',
        themes: ['Death penalty'],
      }),
    ],
    notes: [
      note(nid(IDS.a1), { recommendationId: IDS.a1 }, { body: 'Ask about the 2024 draft law on trade unions', tags: ['labour', 'follow'], updatedAt: 100 }),
      note(nid(IDS.b1), { recommendationId: IDS.b1 }, { body: 'Moratorium since 2003', tags: ['death-penalty'], updatedAt: 30 }),
      note(nid(IDS.c1), { recommendationId: IDS.c1 }, { body: 'Deleted thought', tags: ['labour'], deletedAt: 40 }),
      note('n' + 'f'.repeat(24), { recommendationId: IDS.b1 }, { body: 'Older copy from another computer', tags: ['import-conflict'], updatedAt: 20 }),
      note('p' + '1'.repeat(24), { pageUrl: NORWAY_KAZ.url }, { body: 'Delivered by the ambassador', updatedAt: 60 }),
    ],
  };
}

/** Picks `file` in the first file input under `host`, as a user would, and lets the component react. */
export async function chooseFile(host: HTMLElement, file: File): Promise<void> {
  const input = host.querySelector<HTMLInputElement>('input[type=file]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((done) => setTimeout(done, 0));
  });
}

/** A fresh element in the document for each test to render into, emptied and removed after it. */
export function renderHost(): { readonly el: HTMLElement } {
  const current = { el: null as unknown as HTMLElement };
  beforeEach(() => {
    current.el = document.createElement('div');
    document.body.append(current.el);
  });
  afterEach(() => {
    render(null, current.el);
    current.el.remove();
  });
  return current;
}
