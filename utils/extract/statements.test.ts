// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { statementsOfPlaced } from './statements';

describe('statementsOfPlaced', () => {
  const ranges = () => Array.from({ length: 5 }, () => document.createRange());

  it('gives an extracted recommendation its own statement, and one placed from storage the statement of the one before it', () => {
    const [added, a, b, manual, c] = ranges();
    const extracted = [{ range: a!, statement: 0 }, { range: b!, statement: 1 }, { range: c!, statement: 2 }];
    // In page order: a passage the user added before the first extracted one, then one between Ecuador's and Tunisia's.
    expect(statementsOfPlaced(extracted, [{ range: added! }, { range: a! }, { range: b! }, { range: manual! }, { range: c! }])).toEqual([0, 0, 1, 1, 2]);
  });

  it('leaves a rejected extraction out without moving the others', () => {
    const [a, b, c] = ranges();
    expect(statementsOfPlaced([{ range: a!, statement: 0 }, { range: b!, statement: 1 }, { range: c!, statement: 1 }], [{ range: a! }, { range: c! }])).toEqual([0, 1]);
  });
});
