// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { statementAtRange, statementsOfPlaced } from './statements';

const PAGE = `<main><h1>Statements at UPR 41</h1><p>Intro.</p>
<h2>Universal Periodic Review of Bahrain, Statement by Australia, 7 November 2022</h2><p>Thanks to Bahrain.</p><ol><li>One.</li></ol>
<h2>Universal   Periodic Review of Ecuador, Statement by Australia, 7 November 2022</h2><p>Thanks to Ecuador.</p><ol><li>Two.</li></ol></main>`;
const HEADINGS = ['Universal Periodic Review of Bahrain, Statement by Australia, 7 November 2022', 'Universal Periodic Review of Ecuador, Statement by Australia, 7 November 2022'];

function rangeOver(root: Element, text: string): Range {
  const el = [...root.querySelectorAll('p, li')].find((e) => e.textContent === text)!;
  const range = document.createRange();
  range.selectNodeContents(el);
  return range;
}

describe('statementAtRange', () => {
  it('gives words the statement whose sub-heading comes before them, the first before any', () => {
    document.body.innerHTML = PAGE;
    const root = document.querySelector('main')!;
    expect(['Intro.', 'Thanks to Bahrain.', 'One.', 'Thanks to Ecuador.', 'Two.'].map((t) => statementAtRange(root, HEADINGS, rangeOver(root, t)))).toEqual([0, 0, 0, 1, 1]);
  });
});

describe('statementsOfPlaced', () => {
  it('gives an extracted recommendation its own statement, and one placed from storage the statement where it is', () => {
    const [a, b, manual] = Array.from({ length: 3 }, () => document.createRange());
    const at = new Map([[manual!, 1]]);
    expect(statementsOfPlaced([{ range: a!, statement: 0 }, { range: b!, statement: 1 }], [{ range: a! }, { range: manual! }, { range: b! }], (r) => at.get(r)!)).toEqual([0, 1, 1]);
  });
});
