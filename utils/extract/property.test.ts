// @vitest-environment happy-dom
// Property tests: on random and hostile DOMs the detector and the extractor never throw and never write to the
// page, and what they return is well formed. The pages are built with DOM calls from random pieces: UPR words,
// lead-ins, list markers, invisible and right-to-left characters, markup-looking text, scripts, tables, nesting.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { detectUprPage } from '@/utils/detect';
import { extractStatement } from './index';

const URL = 'https://www.example.gov/human-rights/upr/34/statement';

const WORDS = [
  'Universal Periodic Review', 'UPR 34', 'EPU 34', 'recommends that', 'Canada recommends that Kazakhstan:', 'We recommend:',
  'Le Canada recommande que le Mali :', 'España recomienda a Chile:', 'to ratify', 'Ratify the Optional Protocol',
  'Ensure', 'strengthens', 'continuing to combat', '1.', '1)', '2.Item', '(a)', '•', ';', '; and', '.', ':', 'Item 6',
  'adoption of the outcome', 'We encourage', '[118 words]', 'Speaking time: 1\'15\'\'', 'recommendations it accepted',
  '</script><img src=x onerror=alert(1)>', '<b>not markup</b>', '\u200b', '\u00ad', '\u00a0', '\u202e', 'مرحبا', '𝒰𝒫ℛ', '🙂',
  '\n', '  ', 'Kazakhstan', 'Iran (Islamic Republic of)', 'Côte d’Ivoire', '7 November 2019', '34th session',
];
const TAGS = ['p', 'div', 'span', 'ol', 'ul', 'li', 'h1', 'h2', 'h3', 'a', 'b', 'table', 'tr', 'td', 'main', 'article', 'nav', 'footer', 'script', 'style', 'br'];

interface Node {
  tag: string;
  text: string;
  children: Node[];
}

const text = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 8 }).map((parts) => parts.join(' '));
const tree: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.record({
    tag: fc.constantFrom(...TAGS),
    text,
    children: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant<Node[]>([]), fc.array(tie('node'), { maxLength: 5 })),
  }) as fc.Arbitrary<Node>,
})).node;

function build(doc: Document, parent: Element, node: Node): void {
  const el = doc.createElement(node.tag);
  if (node.text) el.append(doc.createTextNode(node.text));
  for (const child of node.children) build(doc, el, child);
  parent.append(el);
}

afterEach(() => {
  document.title = '';
  document.body.replaceChildren();
});

describe('detector and extractor on random pages', () => {
  it('never throw, never write to the page, and return well-formed results', () => {
    fc.assert(
      fc.property(text, fc.array(tree, { minLength: 1, maxLength: 6 }), (title, nodes) => {
        document.body.replaceChildren();
        document.title = title;
        for (const node of nodes) build(document, document.body, node);
        const before = document.documentElement.outerHTML;

        const detection = detectUprPage(document, URL);
        expect(typeof detection.detected).toBe('boolean');
        expect(Number.isFinite(detection.score)).toBe(true);
        const extraction = extractStatement(document, URL);

        expect(document.documentElement.outerHTML).toBe(before);
        expect(extraction.recommendations.map((r) => r.n)).toEqual(extraction.recommendations.map((_, i) => i + 1));
        for (const rec of extraction.recommendations) {
          expect(rec.text.trim()).not.toBe('');
          expect(extraction.root.contains(rec.range.commonAncestorContainer) || rec.range.commonAncestorContainer === extraction.root).toBe(true);
        }
        if (extraction.page.cycle !== null) expect(extraction.page.cycle).toBeGreaterThanOrEqual(1);
        if (extraction.page.date !== null) expect(extraction.page.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 300 },
    );
    // 300 random pages take about 2 s alone; a loaded 2-core machine must not turn that into a failure.
  }, 30_000);

  it('finish on a 5 MB page of random statement-like text without writing to it', () => {
    const [nodes] = fc.sample(fc.array(tree, { minLength: 40, maxLength: 40 }), { numRuns: 1, seed: 34 });
    document.title = 'UPR 34: statement by Canada on Kazakhstan';
    const main = document.createElement('main');
    document.body.append(main);
    const lead = document.createElement('p');
    lead.textContent = 'Canada recommends that Kazakhstan:';
    main.append(lead);
    for (const node of nodes!) build(document, main, node);
    // Fill to 5 MB with recommendation-shaped paragraphs among the random nodes.
    const filler = 'Ensure that every recommendation of the Working Group is implemented; and ';
    const paragraph = document.createElement('p');
    paragraph.textContent = filler.repeat(Math.ceil(5_000_000 / filler.length));
    main.append(paragraph);
    const before = document.body.textContent!.length;
    expect(before).toBeGreaterThan(5_000_000);

    const detection = detectUprPage(document, URL);
    const extraction = extractStatement(document, URL);
    expect(typeof detection.detected).toBe('boolean');
    expect(document.body.textContent!.length).toBe(before);
    expect(extraction.recommendations.map((r) => r.n)).toEqual(extraction.recommendations.map((_, i) => i + 1));
  }, 60_000);
});
