// The corrections figures of `npm run bench`, measured in Node over fake-indexeddb (a browser's IndexedDB is faster;
// the figures compare, they do not promise): on a 300-recommendation statement with a note on each, the median time
// to mark one as not a recommendation, to merge two (their notes carried to the result), to take the merge back
// (each note back on its item), and to load the page once 100 corrections are remembered.
// Run alone: `npx tsx scripts/bench/corrections.ts`.
import 'fake-indexeddb/auto';
import { capture } from '@/utils/db/capture.test-support';
import { createRepository, openUprDb } from '@/utils/db';

const RECS = 300;
const RUNS = 15;
const URL = 'https://bench.example.test/upr/41/finland.html';

export interface CorrectionFigures {
  correctionReject300Ms: number;
  correctionMerge300Ms: number;
  correctionRevertMerge300Ms: number;
  loadPage300With100StepsMs: number;
}

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
const round = (ms: number) => Math.round(ms * 1000) / 1000;
let dbs = 0;

async function statementWithNotes() {
  const db = openUprDb({ name: `bench-corrections-${++dbs}` });
  const repo = createRepository(() => db);
  const texts = Array.from({ length: RECS }, (_, i) => `Recommendation number ${i + 1}: ratify treaty ${i + 1} and report on it.`);
  const recs = await repo.capturePage(capture(URL, texts));
  for (const rec of recs) await repo.saveNote({ recommendationId: rec.id }, { body: `Note on ${rec.n}`, tags: ['bench'] });
  return { repo, texts };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export async function benchCorrections(): Promise<CorrectionFigures> {
  const reject: number[] = [];
  const merge: number[] = [];
  const revert: number[] = [];
  const load: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { repo, texts } = await statementWithNotes();
    reject.push(await timed(() => repo.correctPage(URL, { reject: [texts[200]!] })));
    let page = await repo.correctPage(URL, { reject: [texts[0]!] });
    const start = performance.now();
    page = await repo.correctPage(URL, { add: [{ text: `${texts[10]} ${texts[11]}`, selector: capture(URL, [`${texts[10]} ${texts[11]}`]).recommendations[0]!.selector }], reject: [texts[10]!, texts[11]!] });
    merge.push(performance.now() - start);
    const step = page.corrections!.steps!.at(-1)!.id;
    revert.push(await timed(() => repo.revertCorrection(URL, { step })));
    for (let i = 0; i < 100; i++) await repo.correctPage(URL, { reject: [texts[100 + i]!] });
    load.push(await timed(() => repo.loadPage(URL)));
  }
  return {
    correctionReject300Ms: round(median(reject)),
    correctionMerge300Ms: round(median(merge)),
    correctionRevertMerge300Ms: round(median(revert)),
    loadPage300With100StepsMs: round(median(load)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchCorrections()));
}
