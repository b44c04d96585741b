// Scores crossref's "repeat" verdict (utils/crossref compareRecommendations) on the labelled pairs of
// utils/crossref/pairs.json: precision and recall of "the same recommendation", within one language and across
// English, French and Spanish apart, on the pairs the vocabulary was tuned on and on held-out ones.
// `npm run crossref-eval [-- --json] [-- --misses]`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scorePairSets, type LabelledPair, type PairScores } from '@/utils/crossref/eval';

const file = fileURLToPath(new URL('../utils/crossref/pairs.json', import.meta.url));
const { pairs } = JSON.parse(readFileSync(file, 'utf8')) as { pairs: LabelledPair[] };
const sets = scorePairSets(pairs);
const figures = (s: PairScores) => ({ pairs: s.pairs, same: s.positives, precision: s.precision, recall: s.recall });
if (process.argv.includes('--json')) {
  console.log(
    JSON.stringify(Object.fromEntries(Object.entries(sets).map(([k, r]) => [k, { sameLanguage: figures(r.sameLanguage), crossLanguage: figures(r.crossLanguage) }]))),
  );
} else {
  const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
  for (const [set, report] of [['tuning', sets.tuning], ['held-out', sets.heldOut]] as const) {
    for (const [name, s] of [['same language', report.sameLanguage], ['across languages', report.crossLanguage]] as const) {
      console.log(`${set}, ${name}: ${s.pairs} pairs (${s.positives} same) — precision ${pct(s.precision)}, recall ${pct(s.recall)}`);
    }
    if (process.argv.includes('--misses')) for (const m of report.misses) console.log(`  ${m.expected ? 'missed' : 'wrong '} ${m.similarity.toFixed(2)}  ${m.a}  ⟷  ${m.b}`);
  }
}
