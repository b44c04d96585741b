// Sessions → cycles, and dates → sessions/cycles for pages that give only a date.
import { CYCLE_FIRST_SESSIONS, CYCLE_START_DATES, WG_SESSIONS } from './sessions';

const MS_PER_DAY = 86_400_000;
// Statements are often posted a few days after delivery; a later date is not a different session.
const POSTING_GRACE_DAYS = 10;

export function cycleOfSession(session: number): number | null {
  if (!Number.isInteger(session) || session < 1) return null;
  let cycle = 0;
  for (const first of CYCLE_FIRST_SESSIONS) if (session >= first) cycle += 1;
  return cycle || null;
}

export function cycleOfDate(isoDate: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return null;
  let cycle = 0;
  for (const start of CYCLE_START_DATES) if (isoDate >= start) cycle += 1;
  return cycle || null;
}

/** The WG session held on (or just before) this date, if the date falls in one. */
export function sessionOfDate(isoDate: string): number | null {
  const day = Date.parse(isoDate);
  if (Number.isNaN(day)) return null;
  for (const s of WG_SESSIONS) {
    const start = Date.parse(s.start) - 2 * MS_PER_DAY;
    const end = Date.parse(s.end) + POSTING_GRACE_DAYS * MS_PER_DAY;
    if (day >= start && day <= end) return s.session;
  }
  return null;
}
