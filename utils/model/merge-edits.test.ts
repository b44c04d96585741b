import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepBoth, mergeEdits } from './merge-edits';

const base = 'Ask about the shelters budget.';

describe('mergeEdits', () => {
  it.each([
    ['a sentence added before and one after', 'Call the ministry. Ask about the shelters budget.', 'Ask about the shelters budget. Compare with 2019.', 'Call the ministry. Ask about the shelters budget. Compare with 2019.'],
    ['one word changed here, another there', 'Ask about the refuges budget.', 'Ask about the shelters budgets.', 'Ask about the refuges budgets.'],
    ['the other side unchanged', 'Ask about the shelters budget for 2024.', base, 'Ask about the shelters budget for 2024.'],
    ['this side unchanged', base, 'Ask the ministry about the shelters budget.', 'Ask the ministry about the shelters budget.'],
    ['the same edit on both sides', 'Ask about it.', 'Ask about it.', 'Ask about it.'],
  ])('merges %s', (_what, mine, theirs, merged) => {
    expect(mergeEdits(base, mine, theirs)).toBe(merged);
    expect(mergeEdits(base, theirs, mine)).toBe(merged);
  });

  it.each([
    ['the same words changed differently', 'Ask about the refuges budget.', 'Ask about the safe houses budget.'],
    ['two sentences added at the same place', `${base} Mine.`, `${base} Theirs.`],
    ['one side rewriting all, the other a word', 'Something else entirely', 'Ask about the shelter budget.'],
  ])('refuses to guess when %s', (_what, mine, theirs) => {
    expect(mergeEdits(base, mine, theirs)).toBeNull();
  });

  it('never drops a word of either side when it merges', () => {
    // Edits far apart in a longer text always merge, and the result holds each side's insertion.
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ minLength: 1, maxLength: 8 }), (left, right) => {
        const text = 'one two three four five six seven eight nine ten';
        const mine = `${left}${text}`;
        const theirs = `${text}${right}`;
        const merged = mergeEdits(text, mine, theirs);
        return merged === `${left}${text}${right}`;
      }),
    );
  });

  it('keeps both texts, theirs first, when it cannot ask', () => {
    expect(keepBoth('Theirs.', 'Mine.')).toBe('Theirs.\n\nMine.');
    expect(keepBoth('', 'Mine.')).toBe('Mine.');
  });
});
