// Bundled into one script and run inside Chromium by scripts/bench.ts: the functions the extension runs on a page,
// timed where they really run.
import { anchorQuoteFuzzy, anchorSelector, anchorSelectors, describeRanges, highlightRanges, removeHighlights } from '../../utils/anchor';
import { detectUprPage } from '../../utils/detect';
import { extractStatement } from '../../utils/extract';
import { ANCHOR, LIBRARIES, type Library } from './anchor-peers';
import { judge, prepareScenario, type ScenarioName, type Verdict } from './anchor-scenarios';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A library run again only while the runs so far took less than this (the slow peers on the 1 MB page). */
const REPEAT_BUDGET_MS = 5_000;

export interface LibraryFigure extends Verdict {
  ms: number;
  runs: number;
}

function time(runs: number, work: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

Object.assign(globalThis, {
  uprBench: {
    detect(runs: number) {
      let detected = false;
      const ms = time(runs, () => {
        detected = detectUprPage(document, location.href).detected;
      });
      return { ms, detected };
    },
    // Each run gets a document of its own (a fresh iframe): re-running in one document would leave every earlier
    // run's live Ranges registered there, and the browser updates them all on each DOM change.
    async annotate(runs: number) {
      const html = document.documentElement.outerHTML;
      const frames = await Promise.all(
        Array.from({ length: runs }, () => {
          const frame = document.createElement('iframe');
          frame.style.cssText = 'width:1200px;height:800px;border:0';
          const loaded = new Promise<Document>((done) => frame.addEventListener('load', () => done(frame.contentDocument!), { once: true }));
          frame.srcdoc = html;
          document.body.append(frame);
          return loaded;
        }),
      );
      let found = 0;
      const samples = frames.map((doc) => {
        const start = performance.now();
        if (!detectUprPage(doc, location.href).detected) throw new Error('bench statement not detected');
        const { root, recommendations } = extractStatement(doc, location.href);
        describeRanges(root, recommendations.map((r) => r.range));
        highlightRanges(recommendations.map((r) => ({ range: r.range, n: r.n })));
        found = recommendations.length;
        return performance.now() - start;
      });
      return { ms: median(samples), found };
    },
    anchor(runs: number) {
      const { root, recommendations } = extractStatement(document, location.href);
      const selectors = describeRanges(root, recommendations.map((r) => r.range));
      let anchored = 0;
      const ours = time(runs, () => {
        anchored = anchorSelectors(root, selectors).filter(Boolean).length;
      });
      // The same quotes one call each: the page index is kept between calls, so this is close to the batch.
      let singleAnchored = 0;
      const single = time(runs, () => {
        singleAnchored = selectors.filter((s) => anchorSelector(root, s)).length;
      });
      let baselineAnchored = 0;
      const baseline = time(Math.max(1, Math.floor(runs / 5)), () => {
        baselineAnchored = selectors.map((s) => anchorQuoteFuzzy(root, s)).filter(Boolean).length;
      });
      removeHighlights(document);
      return { ours, single, singleAnchored, baseline, anchored, baselineAnchored };
    },
    // One scenario of the side-by-side comparison: the page changed as the scenario says, then each library
    // anchors the same stored selectors on the same DOM, timed (median of up to `runs`) and judged.
    async anchorScenario(name: ScenarioName, runs: number, libraries: readonly Library[] = LIBRARIES) {
      const root = document.querySelector('main')!;
      const scenario = prepareScenario(root, name);
      const figures = {} as Record<Library, LibraryFigure>;
      for (const library of libraries) {
        const samples: number[] = [];
        let ranges: (Range | null)[] = [];
        while (samples.length < runs && (samples.length === 0 || samples.reduce((a, b) => a + b, 0) < REPEAT_BUDGET_MS)) {
          const start = performance.now();
          ranges = await ANCHOR[library](root, scenario.selectors);
          samples.push(performance.now() - start);
        }
        figures[library] = { ms: median(samples), runs: samples.length, ...judge(root, scenario, ranges) };
      }
      return figures;
    },
  },
});
