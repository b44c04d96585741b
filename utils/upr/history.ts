// A state's earlier Working Group reviews, counted back from the session of the page: 14 sessions per cycle
// from cycle 2 on (a state keeps its slot), the first-cycle table for cycle 1, and the few moved reviews.
import { CYCLE_ONE_SESSIONS, MOVED_REVIEWS } from './cycle-one-sessions';
import { cycleOfSession } from './cycles';

const SESSIONS_PER_CYCLE = 14;

export interface EarlierReview {
  session: number;
  cycle: number;
  /** False when the session comes from an unverified entry of the first-cycle table. */
  verified: boolean;
}

/** The session of the state's review one cycle before `session`, or null when unknown (or there is none). */
export function previousReviewOf(stateCode: string, session: number): EarlierReview | null {
  const cycle = cycleOfSession(session);
  if (cycle === null || cycle <= 1) return null;
  if (cycle === 2) {
    const first = CYCLE_ONE_SESSIONS[stateCode.toUpperCase()];
    return first ? { session: first.session, cycle: 1, verified: first.verified } : null;
  }
  const slot = session - SESSIONS_PER_CYCLE;
  const moved = MOVED_REVIEWS[stateCode.toUpperCase()]?.find((m) => m.scheduled === slot);
  const previous = moved?.held ?? slot;
  return { session: previous, cycle: cycleOfSession(previous) ?? cycle - 1, verified: true };
}

/** Every earlier review of the state, most recent first: Kazakhstan at 34 → 20, 7. */
export function earlierReviewsOf(stateCode: string, session: number): EarlierReview[] {
  const reviews: EarlierReview[] = [];
  for (let review = previousReviewOf(stateCode, session); review; review = previousReviewOf(stateCode, review.session)) {
    reviews.push(review);
  }
  return reviews;
}

/** The sessions of every earlier review, most recent first: Kazakhstan 34 → [20, 7]. */
export function earlierSessionsOf(stateCode: string, session: number): number[] {
  return earlierReviewsOf(stateCode, session).map((r) => r.session);
}
