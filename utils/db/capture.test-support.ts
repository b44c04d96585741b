// Test support (not built): a page capture as the annotator sends it, for tests of storage and of the background.
import type { PageCapture } from '@/utils/model';

export const selector = (exact: string, start = 0) => ({
  quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector' as const, start, end: start + exact.length },
});

/** Canada's recommendations to Kazakhstan at `session`, as read at `url`, each text its own recommendation. */
export const capture = (url: string, texts: string[], session = 34, orphans: string[] = []): PageCapture => ({
  url,
  meta: {
    title: 'Kazakhstan - UPR 34',
    recommendingState: 'Canada',
    recommendingStateCode: 'CAN',
    stateUnderReview: 'Kazakhstan',
    stateUnderReviewCode: 'KAZ',
    session,
    cycle: 3,
    date: '2019-11-07',
    language: 'en',
  },
  recommendations: texts.map((text, i) => ({ n: i + 1, text, selector: selector(text, i * 100) })),
  orphans,
});

const subStatement = (stateUnderReview: string, stateUnderReviewCode: string, date: string) => ({
  heading: `Universal Periodic Review of ${stateUnderReview}, Statement by Australia, ${date}`,
  stateUnderReview,
  stateUnderReviewCode,
  session: 41,
  cycle: 4,
  date,
});

/** Australia's session page of UPR 41: its metadata (no one state under review or date) and its three statements. */
export const SESSION_PAGE = {
  meta: {
    title: '41st session of the Universal Periodic Review',
    recommendingState: 'Australia',
    recommendingStateCode: 'AUS',
    stateUnderReview: null,
    stateUnderReviewCode: null,
    session: 41,
    cycle: 4,
    date: null,
    language: 'en',
  },
  statements: [subStatement('Bahrain', 'BHR', '2022-11-07'), subStatement('Ecuador', 'ECU', '2022-11-07'), subStatement('Tunisia', 'TUN', '2022-11-08')],
};

/** That page as the annotator sends it: two recommendations to each state. */
export const sessionPageCapture = (url: string): PageCapture => {
  const texts = ['Abolish the death penalty.', 'Release detained journalists.', 'Prevent violence in prisons.', 'Prevent femicide.', 'Guarantee judicial independence.', 'End military trials of civilians.'];
  return {
    url,
    ...structuredClone(SESSION_PAGE),
    recommendations: texts.map((text, i) => ({ n: i + 1, text, selector: selector(text, i * 100), statement: Math.floor(i / 2) })),
    orphans: [],
  };
};
