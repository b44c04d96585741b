// `npm run eval -- DIR [--json] [--check] [--if-exists]`: scores detection and extraction on a folder of labelled
// pages (X.html + X.json, the format of shared/fixtures) and prints precision, recall and F1 per field and the
// accuracy of each metadata field on the statements, then what went wrong where. `--json` prints instead a JSON
// array of each page's raw result (what `npm run extract` prints, plus `file`). `--check` fails (exit 1) below the
// thresholds `npm test` holds the extension to; `--if-exists` says so and succeeds when DIR is not there.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPage, normalizeRecommendation } from './lib-dom';
import { detectUprPage } from '../utils/detect';
import { extractStatement, type PageMeta } from '../utils/extract';
import { countryFromName } from '../utils/upr';

interface Label {
  url: string; file: string; kind: 'statement' | 'negative'; language?: string;
  recommendationsComplete?: boolean;
  expected: null | {
    recommendingState: string | null; stateUnderReview: string | null;
    session: number | null; cycle: number | null; date: string | null; recommendations: string[];
  };
}
interface Tally { tp: number; fp: number; fn: number }

const META_FIELDS = ['recommendingState', 'stateUnderReview', 'session', 'cycle', 'date', 'language'] as const;
type MetaField = (typeof META_FIELDS)[number];

function countryKey(name: string | null | undefined): string | null {
  if (!name) return null;
  return countryFromName(name)?.code ?? name.toLowerCase();
}

function expectedValue(label: Label, field: MetaField): string | null {
  if (field === 'language') return label.language ? label.language.slice(0, 2).toLowerCase() : null;
  const value = label.expected?.[field];
  if (value === null || value === undefined) return null;
  return field === 'recommendingState' || field === 'stateUnderReview' ? countryKey(String(value)) : String(value);
}

function predictedValue(page: PageMeta, field: MetaField): string | null {
  if (field === 'recommendingState') return page.recommendingStateCode ?? countryKey(page.recommendingState);
  if (field === 'stateUnderReview') return page.stateUnderReviewCode ?? countryKey(page.stateUnderReview);
  const value = page[field];
  return value === null ? null : String(value);
}

function score(t: Tally): { p: number; r: number; f1: number } {
  const p = t.tp + t.fp ? t.tp / (t.tp + t.fp) : 1;
  const r = t.tp + t.fn ? t.tp / (t.tp + t.fn) : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

function addTo(tally: Tally, expected: string | null, predicted: string | null): boolean {
  if (predicted !== null && predicted === expected) tally.tp++;
  else {
    if (predicted !== null) tally.fp++;
    if (expected !== null) tally.fn++;
  }
  return predicted === expected;
}

function matchRecommendations(expected: readonly string[], predicted: readonly string[]): { matched: number; missing: string[]; extra: string[] } {
  const pool = new Map<string, number>();
  for (const e of expected.map(normalizeRecommendation)) pool.set(e, (pool.get(e) ?? 0) + 1);
  const extra: string[] = [];
  let matched = 0;
  for (const p of predicted.map(normalizeRecommendation)) {
    const left = pool.get(p) ?? 0;
    if (left > 0) {
      pool.set(p, left - 1);
      matched++;
    } else extra.push(p);
  }
  const missing = [...pool].flatMap(([text, n]) => Array<string>(n).fill(text));
  return { matched, missing, extra };
}

/** What `npm test` requires on the labelled set. */
const THRESHOLDS = { detectionPrecision: 1, detectionRecall: 1, recommendationF1: 0.95, metadataAccuracy: 0.95 };

function evaluate(dir: string, options: { json: boolean; check: boolean }): boolean {
  const labels = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const tallies = new Map<string, Tally>();
  const tally = (name: string) => {
    let t = tallies.get(name);
    if (!t) tallies.set(name, (t = { tp: 0, fp: 0, fn: 0 }));
    return t;
  };
  const problems: string[] = [];
  const raw: object[] = [];
  const correct = new Map<MetaField, number>(META_FIELDS.map((f) => [f, 0]));
  let statements = 0;
  for (const name of labels) {
    const label = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Label;
    const doc = loadPage(join(dir, label.file), label.url);
    const detection = detectUprPage(doc, label.url);
    const isStatement = label.kind === 'statement';
    if (isStatement) statements++;
    addTo(tally('detection'), isStatement ? 'yes' : null, detection.detected ? 'yes' : null);
    if (detection.detected !== isStatement) problems.push(`${name}: detection ${detection.detected} (score ${detection.score}; ${detection.reasons.join('; ')})`);
    const extraction = detection.detected ? extractStatement(doc, label.url) : null;
    for (const field of META_FIELDS) {
      const expected = isStatement ? expectedValue(label, field) : null;
      const predicted = extraction ? predictedValue(extraction.page, field) : null;
      const right = addTo(tally(field), expected, predicted);
      if (isStatement && right) correct.set(field, correct.get(field)! + 1);
      if (!right && isStatement) problems.push(`${name}: ${field} ${predicted} ≠ ${expected}`);
    }
    raw.push({
      file: label.file,
      detected: detection.detected,
      score: detection.score,
      reasons: detection.reasons,
      page: extraction?.page ?? null,
      recommendations: extraction?.recommendations.map(({ n, text }) => ({ n, text })) ?? [],
    });
    if (isStatement && label.recommendationsComplete === false) continue;
    const predictedTexts = extraction?.recommendations.map((r) => r.text) ?? [];
    const { matched, missing, extra } = matchRecommendations(label.expected?.recommendations ?? [], predictedTexts);
    const t = tally('recommendations');
    t.tp += matched;
    t.fp += extra.length;
    t.fn += missing.length;
    for (const m of missing) problems.push(`${name}: missing recommendation "${m.slice(0, 90)}"`);
    for (const e of extra) problems.push(`${name}: extra recommendation "${e.slice(0, 90)}"`);
  }
  const detection = score(tally('detection'));
  const recommendations = score(tally('recommendations'));
  const accuracy = (field: MetaField) => (statements ? correct.get(field)! / statements : 1);
  const failures = [
    ...(detection.p < THRESHOLDS.detectionPrecision ? [`detection precision ${detection.p.toFixed(3)} < ${THRESHOLDS.detectionPrecision}`] : []),
    ...(detection.r < THRESHOLDS.detectionRecall ? [`detection recall ${detection.r.toFixed(3)} < ${THRESHOLDS.detectionRecall}`] : []),
    ...(recommendations.f1 < THRESHOLDS.recommendationF1 ? [`recommendation F1 ${recommendations.f1.toFixed(3)} < ${THRESHOLDS.recommendationF1}`] : []),
    ...META_FIELDS.filter((f) => accuracy(f) < THRESHOLDS.metadataAccuracy).map((f) => `${f} accuracy ${accuracy(f).toFixed(3)} < ${THRESHOLDS.metadataAccuracy}`),
  ];
  if (options.json) {
    console.log(JSON.stringify(raw, null, 2));
    return !options.check || failures.length === 0;
  }
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
  console.log(`${labels.length} labelled pages in ${dir}\n`);
  console.log(`${'field'.padEnd(18)}${'precision'.padStart(10)}${'recall'.padStart(9)}${'F1'.padStart(9)}    tp  fp  fn`);
  for (const [field, t] of tallies) {
    const s = score(t);
    console.log(`${field.padEnd(18)}${pct(s.p).padStart(10)}${pct(s.r).padStart(9)}${pct(s.f1).padStart(9)}  ${String(t.tp).padStart(4)}${String(t.fp).padStart(4)}${String(t.fn).padStart(4)}`);
  }
  console.log(`\naccuracy on ${statements} statements: ${META_FIELDS.map((f) => `${f} ${pct(accuracy(f)).trim()}`).join(', ')}`);
  console.log(problems.length ? `\nproblems:\n  ${problems.join('\n  ')}` : '\nno problems');
  if (options.check) console.log(failures.length ? `\nBELOW THE THRESHOLDS:\n  ${failures.join('\n  ')}` : '\nall thresholds met');
  return !options.check || failures.length === 0;
}

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) {
  console.error('usage: npm run eval -- DIR [--json] [--check] [--if-exists]');
  process.exit(2);
}
if (!existsSync(dir) && args.includes('--if-exists')) {
  console.log(`${dir} is not here: no labelled pages to score.`);
  process.exit(0);
}
process.exit(evaluate(dir, { json: args.includes('--json'), check: args.includes('--check') }) ? 0 : 1);
