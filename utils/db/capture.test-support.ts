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
