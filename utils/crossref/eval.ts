// Precision and recall of crossref's "repeat" verdict on labelled pairs, within a language and across languages
// apart (the pairs themselves are utils/crossref/pairs.json; `npm run crossref-eval` prints these figures).
import { compareRecommendations } from './index';

export interface LabelledPair {
  a: string;
  b: string;
  /** The later one asks what the earlier asked. */
  same: boolean;
  /** The two are in different languages (the label, not what the texts are detected as). */
  across: boolean;
  /** Written after the vocabulary was tuned on the other pairs, and not tuned on: the honest figure. */
  heldOut?: boolean;
}

export interface PairScores {
  pairs: number;
  positives: number;
  precision: number;
  recall: number;
}

export interface PairMiss {
  a: string;
  b: string;
  expected: boolean;
  similarity: number;
}

export interface PairReport {
  sameLanguage: PairScores;
  crossLanguage: PairScores;
  misses: PairMiss[];
}

/** Scores on the tuning pairs and, apart, on the held-out ones. */
export function scorePairSets(pairs: readonly LabelledPair[]): { tuning: PairReport; heldOut: PairReport } {
  return { tuning: scorePairs(pairs.filter((p) => !p.heldOut)), heldOut: scorePairs(pairs.filter((p) => p.heldOut)) };
}

export function scorePairs(pairs: readonly LabelledPair[]): PairReport {
  const tally = () => ({ pairs: 0, positives: 0, tp: 0, fp: 0 });
  const within = tally();
  const across = tally();
  const misses: PairMiss[] = [];
  for (const pair of pairs) {
    const verdict = compareRecommendations(pair.a, pair.b);
    const t = pair.across ? across : within;
    t.pairs++;
    if (pair.same) t.positives++;
    if (verdict.repeat && pair.same) t.tp++;
    if (verdict.repeat && !pair.same) t.fp++;
    if (verdict.repeat !== pair.same) misses.push({ a: pair.a, b: pair.b, expected: pair.same, similarity: verdict.similarity });
  }
  const scores = (t: ReturnType<typeof tally>): PairScores => ({
    pairs: t.pairs,
    positives: t.positives,
    precision: t.tp + t.fp === 0 ? 0 : t.tp / (t.tp + t.fp),
    recall: t.positives === 0 ? 0 : t.tp / t.positives,
  });
  return { sameLanguage: scores(within), crossLanguage: scores(across), misses };
}
