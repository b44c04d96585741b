// The cross-reference and import figures of `npm run bench`, measured in Node on synthetic data (see
// synthetic.ts): building the index over 100,000 stored recommendations, the p95 time to find earlier-cycle
// matches per recommendation on pages of 10, reading a 100,000-row CSV into rows (parse, resolve, classify where
// the file has no classes), and the heap with the records and the index loaded. The stable ids (SHA-256 through
// WebCrypto, in utils/model) and the IndexedDB write are the rest of an import; the ids are timed apart because
// Node's WebCrypto costs far more per call than a browser's.
// Run alone: `npx tsx scripts/bench/crossref.ts`.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createCrossrefIndex } from '@/utils/crossref';
import { parseDatasetCsv, toStoredRecommendation, type ImportedRecommendation } from '@/utils/dataset';
import type { StoredRecommendation } from '@/utils/model';
import { syntheticCsv, syntheticRecommendations } from './synthetic';

export const CROSSREF_RECORDS = 100_000;
const PAGE_SIZE = 10;
const PAGES = 300;

export interface CrossrefFigures {
  crossrefBuildMs: number;
  crossrefQueryP95Ms: number;
  import100kMs: number;
  backgroundMemoryMB: number;
  /** Of backgroundMemoryMB, what the records and the index add to the heap of an idle process. */
  backgroundDataMB: number;
  /** Reading the same rows when the file has no issues or action categories, so every row is classified. */
  import100kUnclassifiedMs: number;
  /** The stable ids of the 100,000 imported rows (recommendationId, one WebCrypto digest each), in Node. */
  import100kIdsMs: number;
}

function collectGarbage(): void {
  // The bench runs without --expose-gc; this turns it on for this process only.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

const heapMB = () => process.memoryUsage().heapUsed / 1_048_576;
const round = (n: number) => Math.round(n * 10) / 10;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Pages of 10 cycle-4 recommendations, each from one recommending state to one state under review. */
function pagesOf(records: readonly StoredRecommendation[]): StoredRecommendation[][] {
  const groups = new Map<string, StoredRecommendation[]>();
  for (const r of records) {
    if (r.cycle !== 4) continue;
    const key = `${r.stateUnderReviewCode}|${r.recommendingStateCode}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const pages: StoredRecommendation[][] = [];
  const byState = [...groups.values()];
  // Spread the pages over many states rather than the first few.
  for (let i = 0; pages.length < PAGES && i < byState.length * PAGE_SIZE; i++) {
    const group = byState[(i * 7919) % byState.length]!;
    const page = group.slice(0, PAGE_SIZE);
    while (page.length < PAGE_SIZE && group.length > 0) page.push(group[page.length % group.length]!);
    pages.push(page);
  }
  return pages;
}

async function timeImport(csv: string): Promise<{ ms: number; rows: ImportedRecommendation[] }> {
  const start = performance.now();
  const { rows } = await parseDatasetCsv(csv);
  return { ms: performance.now() - start, rows };
}

export async function benchCrossref(count = CROSSREF_RECORDS): Promise<CrossrefFigures> {
  collectGarbage();
  const idleHeap = heapMB();
  const records = syntheticRecommendations(count);

  // Warm the code paths on a small index so the figure is the steady state, not the first compile.
  createCrossrefIndex(records.slice(0, 2_000)).earlierFor(records[0]!);
  let start = performance.now();
  const index = createCrossrefIndex(records);
  const crossrefBuildMs = performance.now() - start;

  const times: number[] = [];
  for (const page of pagesOf(records)) {
    index.summaryFor(page[0]!);
    for (const rec of page) {
      start = performance.now();
      index.earlierFor(rec, { limit: 5 });
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);

  collectGarbage();
  const loadedHeap = heapMB();
  if (index.size !== records.length) throw new Error('The bench index lost records');

  const imported = await timeImport(syntheticCsv(records));
  const bare = await timeImport(syntheticCsv(records.map((r) => ({ ...r, themes: [], actionCategory: null }))));
  if (imported.rows.length !== records.length) throw new Error(`The bench import read ${imported.rows.length} of ${records.length} rows`);
  start = performance.now();
  const now = Date.now();
  await Promise.all(imported.rows.map((row) => toStoredRecommendation(row, now)));
  const import100kIdsMs = performance.now() - start;

  return {
    crossrefBuildMs: round(crossrefBuildMs),
    crossrefQueryP95Ms: Math.round(percentile(times, 0.95) * 1000) / 1000,
    import100kMs: round(imported.ms),
    backgroundMemoryMB: round(loadedHeap),
    backgroundDataMB: round(loadedHeap - idleHeap),
    import100kUnclassifiedMs: round(bare.ms),
    import100kIdsMs: round(import100kIdsMs),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchCrossref()));
}
