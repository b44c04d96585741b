// `npm run eval -- DIR [--json] [--check] [--if-exists]`: scores detection and extraction on a folder of labelled
// pages (X.html + X.json, the format of shared/fixtures) and prints precision, recall and F1 per field and the
// accuracy of each metadata field on the statements, the same per government (the recommending state) and per
// language, and — on pages of several statements labelled with their `statements` — each sub-statement (state under
// review, session, date, number of recommendations), then what went wrong where. `--json` prints instead a JSON
// array of each page's raw result (what `npm run extract` prints, with each sub-statement of a page of several, plus
// `file`). `--check` fails (exit 1) below the thresholds `npm test` holds the extension to; `--if-exists` prints one
// line and succeeds when DIR is not there.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPage, normalizeRecommendation } from './lib-dom';
import { detectUprPage } from '../utils/detect';
import { extractStatement, type PageMeta, type SubStatement } from '../utils/extract';
import { countryFromName } from '../utils/upr';

interface Label {
  url: string; file: string; kind: 'statement' | 'negative'; language?: string;
  recommendationsComplete?: boolean;
  expected: null | {
    recommendingState: string | null; stateUnderReview: string | null;
    session: number | null; cycle: number | null; date: string | null; recommendations: string[];
    /** On a page of several statements, each one in page order (scored as `sub-statements` where labelled). */
    statements?: LabelledStatement[];
  };
}
interface LabelledStatement { stateUnderReview: string; session: number | null; date: string | null; recommendations: number }
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

/**
 * The sub-statements of a labelled page of several, against what extraction split it into, in page order: one is
 * right when its state under review, session, date and number of recommendations all are.
 */
function matchStatements(expected: readonly LabelledStatement[], predicted: readonly SubStatement[]): { tally: Tally; wrong: string[] } {
  const tally: Tally = { tp: 0, fp: 0, fn: 0 };
  const wrong: string[] = [];
  const show = (s: { session: number | null; date: string | null }, sur: string | null, count: number) => `${sur} UPR ${s.session} ${s.date} (${count})`;
  for (let i = 0; i < Math.max(expected.length, predicted.length); i++) {
    const e = expected[i];
    const p = predicted[i];
    const want = e ? show(e, countryKey(e.stateUnderReview), e.recommendations) : null;
    const got = p ? show(p, p.stateUnderReviewCode ?? countryKey(p.stateUnderReview), p.recommendations.length) : null;
    if (!addTo(tally, want, got)) wrong.push(`sub-statement ${i + 1}: ${got} ≠ ${want}`);
  }
  return { tally, wrong };
}

/** What `npm test` requires on the labelled set; `groupScore` for each government and each language (issue 15). */
const THRESHOLDS = { detectionPrecision: 1, detectionRecall: 1, recommendationF1: 0.95, metadataAccuracy: 0.95, groupScore: 0.9, subStatementF1: 0.95 };

/** One government's or one language's pages. */
interface Group { pages: number; statements: number; detected: number; falsePositives: number; recommendations: Tally; metaRight: number; metaTotal: number }

function newGroup(): Group {
  return { pages: 0, statements: 0, detected: 0, falsePositives: 0, recommendations: { tp: 0, fp: 0, fn: 0 }, metaRight: 0, metaTotal: 0 };
}

/** Detection F1, recommendation F1 and metadata accuracy of a group, each 1 when there is nothing to score. */
function groupScores(g: Group): { detection: number; recommendations: number; metadata: number } {
  return {
    detection: score({ tp: g.detected, fp: g.falsePositives, fn: g.statements - g.detected }).f1,
    recommendations: score(g.recommendations).f1,
    metadata: g.metaTotal ? g.metaRight / g.metaTotal : 1,
  };
}

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
  const byGovernment = new Map<string, Group>();
  const byLanguage = new Map<string, Group>();
  const groupOf = (groups: Map<string, Group>, key: string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = newGroup()));
    return g;
  };
  let statements = 0;
  for (const name of labels) {
    const label = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Label;
    const doc = loadPage(join(dir, label.file), label.url);
    const detection = detectUprPage(doc, label.url);
    const isStatement = label.kind === 'statement';
    if (isStatement) statements++;
    // Look-alikes count for their language only: they have no recommending state.
    const groups = [groupOf(byLanguage, label.language?.slice(0, 2).toLowerCase() ?? '?')];
    if (isStatement) groups.push(groupOf(byGovernment, countryFromName(label.expected?.recommendingState ?? '')?.name ?? label.expected?.recommendingState ?? '?'));
    for (const g of groups) {
      g.pages++;
      if (isStatement) g.statements++;
      if (isStatement && detection.detected) g.detected++;
      if (!isStatement && detection.detected) g.falsePositives++;
    }
    addTo(tally('detection'), isStatement ? 'yes' : null, detection.detected ? 'yes' : null);
    if (detection.detected !== isStatement) problems.push(`${name}: detection ${detection.detected} (score ${detection.score}; ${detection.reasons.join('; ')})`);
    const extraction = detection.detected ? extractStatement(doc, label.url) : null;
    for (const field of META_FIELDS) {
      const expected = isStatement ? expectedValue(label, field) : null;
      const predicted = extraction ? predictedValue(extraction.page, field) : null;
      const right = addTo(tally(field), expected, predicted);
      if (isStatement && right) correct.set(field, correct.get(field)! + 1);
      for (const g of isStatement ? groups : []) {
        g.metaTotal++;
        if (right) g.metaRight++;
      }
      if (!right && isStatement) problems.push(`${name}: ${field} ${predicted} ≠ ${expected}`);
    }
    raw.push({
      file: label.file,
      detected: detection.detected,
      score: detection.score,
      reasons: detection.reasons,
      page: extraction?.page ?? null,
      sources: extraction?.sources ?? null,
      recommendations: extraction?.recommendations.map(({ n, text, statement }) => ({ n, text, statement })) ?? [],
      statements: extraction?.statements ?? [],
    });
    if (isStatement && label.expected?.statements) {
      const { tally: found, wrong } = matchStatements(label.expected.statements, extraction && extraction.statements.length > 1 ? extraction.statements : []);
      const t = tally('sub-statements');
      t.tp += found.tp;
      t.fp += found.fp;
      t.fn += found.fn;
      problems.push(...wrong.map((w) => `${name}: ${w}`));
    }
    if (isStatement && label.recommendationsComplete === false) continue;
    const predictedTexts = extraction?.recommendations.map((r) => r.text) ?? [];
    const { matched, missing, extra } = matchRecommendations(label.expected?.recommendations ?? [], predictedTexts);
    const t = tally('recommendations');
    t.tp += matched;
    t.fp += extra.length;
    t.fn += missing.length;
    for (const g of groups) {
      g.recommendations.tp += matched;
      g.recommendations.fp += extra.length;
      g.recommendations.fn += missing.length;
    }
    for (const m of missing) problems.push(`${name}: missing recommendation "${m.slice(0, 90)}"`);
    for (const e of extra) problems.push(`${name}: extra recommendation "${e.slice(0, 90)}"`);
  }
  const detection = score(tally('detection'));
  const recommendations = score(tally('recommendations'));
  const subStatements = tallies.has('sub-statements') ? score(tallies.get('sub-statements')!) : null;
  const accuracy = (field: MetaField) => (statements ? correct.get(field)! / statements : 1);
  const failures = [
    ...(detection.p < THRESHOLDS.detectionPrecision ? [`detection precision ${detection.p.toFixed(3)} < ${THRESHOLDS.detectionPrecision}`] : []),
    ...(detection.r < THRESHOLDS.detectionRecall ? [`detection recall ${detection.r.toFixed(3)} < ${THRESHOLDS.detectionRecall}`] : []),
    ...(recommendations.f1 < THRESHOLDS.recommendationF1 ? [`recommendation F1 ${recommendations.f1.toFixed(3)} < ${THRESHOLDS.recommendationF1}`] : []),
    ...(subStatements && subStatements.f1 < THRESHOLDS.subStatementF1 ? [`sub-statement F1 ${subStatements.f1.toFixed(3)} < ${THRESHOLDS.subStatementF1}`] : []),
    ...META_FIELDS.filter((f) => accuracy(f) < THRESHOLDS.metadataAccuracy).map((f) => `${f} accuracy ${accuracy(f).toFixed(3)} < ${THRESHOLDS.metadataAccuracy}`),
    ...[...byGovernment, ...byLanguage].flatMap(([name, g]) =>
      Object.entries(groupScores(g))
        .filter(([, value]) => value < THRESHOLDS.groupScore)
        .map(([what, value]) => `${name}: ${what} ${value.toFixed(3)} < ${THRESHOLDS.groupScore}`),
    ),
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
  for (const [title, groups] of [['government', byGovernment], ['language', byLanguage]] as const) {
    console.log(`\n${`by ${title}`.padEnd(26)}pages  statements  detection F1  recommendation F1  metadata`);
    for (const [name, g] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      const s = groupScores(g);
      console.log(`${name.slice(0, 25).padEnd(26)}${String(g.pages).padStart(5)}${String(g.statements).padStart(12)}${pct(s.detection).padStart(14)}${pct(s.recommendations).padStart(19)}${pct(s.metadata).padStart(10)}`);
    }
  }
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
  console.log(`[not run] eval of ${dir}${args.includes('--check') ? ' and its thresholds' : ''}: ${dir} is not here`);
  process.exit(0);
}
process.exit(evaluate(dir, { json: args.includes('--json'), check: args.includes('--check') }) ? 0 : 1);
