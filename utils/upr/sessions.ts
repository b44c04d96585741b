// UPR Working Group session dates, used to infer the session from a statement's date when the page does not say it.
// Dates are the first and last day of each WG session; entries marked unverified are seeds to correct.

export interface SessionDates { session: number; start: string; end: string }

export const WG_SESSIONS: readonly SessionDates[] = [
  { session: 1, start: '2008-04-07', end: '2008-04-18' },
  { session: 2, start: '2008-05-05', end: '2008-05-19' },
  { session: 3, start: '2008-12-01', end: '2008-12-15' },
  { session: 4, start: '2009-02-02', end: '2009-02-13' },
  { session: 5, start: '2009-05-04', end: '2009-05-15' },
  { session: 6, start: '2009-11-30', end: '2009-12-11' },
  { session: 7, start: '2010-02-08', end: '2010-02-19' },
  { session: 8, start: '2010-05-03', end: '2010-05-14' },
  { session: 9, start: '2010-11-01', end: '2010-11-12' },
  { session: 10, start: '2011-01-24', end: '2011-02-04' },
  { session: 11, start: '2011-05-02', end: '2011-05-13' },
  { session: 12, start: '2011-10-03', end: '2011-10-14' },
  { session: 13, start: '2012-05-21', end: '2012-06-04' },
  { session: 14, start: '2012-10-22', end: '2012-11-05' },
  { session: 15, start: '2013-01-21', end: '2013-02-01' },
  { session: 16, start: '2013-04-22', end: '2013-05-03' },
  { session: 17, start: '2013-10-21', end: '2013-11-01' },
  { session: 18, start: '2014-01-27', end: '2014-02-07' },
  { session: 19, start: '2014-04-28', end: '2014-05-09' },
  { session: 20, start: '2014-10-27', end: '2014-11-07' },
  { session: 21, start: '2015-01-19', end: '2015-01-30' },
  { session: 22, start: '2015-05-04', end: '2015-05-15' },
  { session: 23, start: '2015-11-02', end: '2015-11-13' },
  { session: 24, start: '2016-01-18', end: '2016-01-29' },
  { session: 25, start: '2016-05-02', end: '2016-05-13' },
  { session: 26, start: '2016-10-31', end: '2016-11-11' },
  { session: 27, start: '2017-05-01', end: '2017-05-12' },
  { session: 28, start: '2017-11-06', end: '2017-11-17' },
  { session: 29, start: '2018-01-15', end: '2018-01-26' },
  { session: 30, start: '2018-05-07', end: '2018-05-18' },
  { session: 31, start: '2018-11-05', end: '2018-11-16' },
  { session: 32, start: '2019-01-21', end: '2019-02-01' },
  { session: 33, start: '2019-05-06', end: '2019-05-17' },
  { session: 34, start: '2019-11-04', end: '2019-11-15' },
  { session: 35, start: '2020-01-20', end: '2020-01-31' },
  { session: 36, start: '2020-11-02', end: '2020-11-13' },
  { session: 37, start: '2021-01-18', end: '2021-01-29' },
  { session: 38, start: '2021-05-03', end: '2021-05-14' },
  { session: 39, start: '2021-11-01', end: '2021-11-12' },
  { session: 40, start: '2022-01-24', end: '2022-02-04' },
  { session: 41, start: '2022-11-07', end: '2022-11-18' },
  { session: 42, start: '2023-01-23', end: '2023-02-03' },
  { session: 43, start: '2023-05-01', end: '2023-05-12' },
  { session: 44, start: '2023-11-06', end: '2023-11-17' },
  { session: 45, start: '2024-01-22', end: '2024-02-02' },
  { session: 46, start: '2024-04-29', end: '2024-05-10' },
  { session: 47, start: '2024-11-04', end: '2024-11-15' },
  { session: 48, start: '2025-01-20', end: '2025-01-31' },
  { session: 49, start: '2025-04-28', end: '2025-05-09' }, // unverified
  { session: 50, start: '2025-11-03', end: '2025-11-14' }, // unverified
  // Seed from the usual January slot, so a January 2026 statement that gives only its date still gets a session.
  { session: 51, start: '2026-01-19', end: '2026-01-30' }, // unverified
];

/** First WG session of each cycle; a cycle runs until the next one starts. */
export const CYCLE_FIRST_SESSIONS: readonly number[] = [1, 13, 27, 41, 55];

/** Dates that separate cycles, for pages with a date but no session (the gap between two cycles' last and first sessions). */
export const CYCLE_START_DATES: readonly string[] = ['2008-01-01', '2012-03-01', '2017-03-01', '2022-06-01', '2027-06-01'];
