import { describe, expect, it } from 'vitest';
import countries from 'i18n-iso-countries';
import { CYCLE_ONE_SESSIONS, cycleOfSession, earlierReviewsOf, earlierSessionsOf, ohchrCountryPage, previousReviewOf, reviewDocuments, undocsUrl } from './index';

describe('earlierSessionsOf', () => {
  it.each([
    ['KAZ', 34, [20, 7]],
    ['KAZ', 48, [34, 20, 7]],
    ['ROU', 43, [29, 15, 2]],
    ['GBR', 41, [27, 13, 1]],
    ['CZE', 42, [28, 14, 1]],
    ['CHN', 45, [31, 17, 4]],
    ['GEO', 51, [37, 23, 10]],
    ['ISR', 43, [29, 17, 3]],
    ['kaz', 20, [7]],
    ['KAZ', 7, []],
    ['SSD', 40, [26]],
    ['XXX', 41, [27, 13]],
    ['KAZ', 0, []],
  ])('%s at session %i → %j', (code, session, sessions) => expect(earlierSessionsOf(code, session)).toEqual(sessions));

  it('gives each earlier review its cycle and says when the first-cycle session is unverified', () => {
    expect(earlierReviewsOf('KAZ', 34)).toEqual([
      { session: 20, cycle: 2, verified: true },
      { session: 7, cycle: 1, verified: true },
    ]);
    expect(previousReviewOf('ROU', 15)).toEqual({ session: 2, cycle: 1, verified: false });
  });

  it('has a first-cycle table of real codes, sessions 1–12, at most 16 states a session', () => {
    const perSession = new Map<number, number>();
    for (const [code, { session }] of Object.entries(CYCLE_ONE_SESSIONS)) {
      expect(countries.isValid(code), code).toBe(true);
      expect(cycleOfSession(session)).toBe(1);
      perSession.set(session, (perSession.get(session) ?? 0) + 1);
    }
    expect(Math.max(...perSession.values())).toBeLessThanOrEqual(17);
    expect(CYCLE_ONE_SESSIONS.DEU).toEqual({ session: 4, verified: true });
  });
});

describe('documents', () => {
  it.each([
    ['KAZ', 'https://www.ohchr.org/en/hr-bodies/upr/kz-index'],
    ['GBR', 'https://www.ohchr.org/en/hr-bodies/upr/gb-index'],
    ['rou', 'https://www.ohchr.org/en/hr-bodies/upr/ro-index'],
    ['XXX', null],
    ['KZ', null],
    ['../', null],
  ])('OHCHR country page of %s → %s', (code, url) => expect(ohchrCountryPage(code)).toBe(url));

  it('names the three pre-session documents of a review with their links', () => {
    expect(reviewDocuments('KAZ', 34)).toEqual([
      { kind: 'national-report', label: 'National report', symbol: 'A/HRC/WG.6/34/KAZ/1', url: 'https://undocs.org/A/HRC/WG.6/34/KAZ/1' },
      { kind: 'compilation', label: 'Compilation of UN information', symbol: 'A/HRC/WG.6/34/KAZ/2', url: 'https://undocs.org/A/HRC/WG.6/34/KAZ/2' },
      { kind: 'stakeholders', label: "Summary of stakeholders' information", symbol: 'A/HRC/WG.6/34/KAZ/3', url: 'https://undocs.org/A/HRC/WG.6/34/KAZ/3' },
    ]);
  });

  it('gives the documents of every earlier review', () => {
    const symbols = earlierSessionsOf('GBR', 41).map((s) => reviewDocuments('GBR', s)[0]?.symbol);
    expect(symbols).toEqual(['A/HRC/WG.6/27/GBR/1', 'A/HRC/WG.6/13/GBR/1', 'A/HRC/WG.6/1/GBR/1']);
  });

  it.each([['XXX', 34], ['KAZ', 0], ['KAZ', 3.5], ['KAZ', 999]])('has no documents for %s at %s', (code, session) =>
    expect(reviewDocuments(code, session)).toEqual([]),
  );

  it.each([
    ['A/HRC/43/11/Add.1', 'https://undocs.org/A/HRC/43/11/Add.1'],
    ['A/HRC/WG.6/34/L.10', 'https://undocs.org/A/HRC/WG.6/34/L.10'],
    ['javascript:alert(1)', null],
    ['A/HRC/../../evil', null],
    ['', null],
  ])('undocs link for %j', (symbol, url) => expect(undocsUrl(symbol)).toBe(url));
});
