import { describe, expect, it } from 'vitest';
import { MIN_FUZZY_SCORE, MIN_MATCH_SCORE, matchQuote, matchQuoteExact, matchQuoteFuzzy, maxErrorsFor } from './match-quote.ts';

const FILLER = 'The delegation thanks the State under review for its presentation and its national report. ';

describe('maxErrorsFor', () => {
  it.each([
    ['', 0],
    ['abc', 1],
    ['a'.repeat(40), 10],
    ['a'.repeat(2000), 256],
  ])('allows a quarter of %j, at most 256', (quote, expected) => {
    expect(maxErrorsFor(quote)).toBe(expected);
  });
});

describe('matchQuoteExact', () => {
  const text = 'A: Ratify OPCAT. B: Ratify OPCAT. C: Ratify OPCAT.';

  it.each([
    ['the stored position', { hint: 20, prefix: 'B: ', suffix: ' C:' }, 20],
    ['the prefix when positions moved', { hint: 0, prefix: 'C: ', suffix: '' }, 37],
    ['the suffix when positions moved', { hint: 0, prefix: '', suffix: ' B:' }, 3],
    ['position when the context is ambiguous', { hint: 36, prefix: ': ', suffix: '' }, 37],
    ['edit-distance context when no context is exact', { hint: 0, prefix: 'Bx ', suffix: ' Cy' }, 20],
  ])('picks a duplicate by %s', (_what, context, start) => {
    expect(matchQuoteExact(text, 'Ratify OPCAT.', context)?.start).toBe(start);
  });

  it('returns null when the quote is absent or empty, and honours the accept filter', () => {
    expect(matchQuoteExact(text, 'Ratify CAT.')).toBeNull();
    expect(matchQuoteExact(text, '')).toBeNull();
    expect(matchQuoteExact(text, 'Ratify OPCAT.', { hint: 3 }, (start) => start > 30)?.start).toBe(37);
  });
});

describe('matchQuoteFuzzy', () => {
  const quote = 'Adopt a national action plan on business and human rights in line with the Guiding Principles';
  const prefix = 'human rights institution;\n2. ';
  const suffix = ';\n3. Ratify the Optional';
  const original = `${FILLER.repeat(3)}1. Strengthen the national human rights institution;\n2. ${quote}${suffix} Protocol.`;
  const hint = original.indexOf(quote);

  it('finds the quote after a small edit inside it', () => {
    const edited = original.replace('action plan', 'plan of action');
    const match = matchQuoteFuzzy(edited, quote, { prefix, suffix, hint });
    expect(match).not.toBeNull();
    expect(edited.slice(match!.start, match!.end)).toContain('national plan of action on business');
    expect(match!.score).toBeGreaterThan(0.9);
  });

  it('finds the quote when its context was edited too', () => {
    const edited = original.replace('institution;', 'institutions (NHRI);').replace('Guiding', 'UN Guiding');
    const match = matchQuoteFuzzy(edited, quote, { prefix, suffix, hint });
    expect(edited.slice(match!.start, match!.end)).toMatch(/^Adopt a national .*Principles$/);
  });

  it('orphans an unrelated paragraph', () => {
    const replaced = original.replace(quote, 'Guarantee free and compulsory primary education for every child');
    expect(matchQuoteFuzzy(replaced, quote, { prefix, suffix, hint })).toBeNull();
  });

  it('does not take a near-identical sentence in an unrelated context', () => {
    const q = 'Ratify the Convention against Torture.';
    const text = `${FILLER}Our own country will soon ratify the Convention against Racism. ${FILLER}`;
    const context = { prefix: 'recommends that Tuvalu: (a) ', suffix: ' (b) Adopt a national plan', hint: 10 };
    expect(matchQuoteFuzzy(text, q, context)).toBeNull();
    const inContext = `${FILLER}recommends that Tuvalu: (a) Ratify the Convention against Racism. (b) Adopt a national plan`;
    const match = matchQuoteFuzzy(inContext, q, context);
    expect(match?.score).toBeGreaterThanOrEqual(MIN_FUZZY_SCORE);
  });

  it('gives the same answer with and without the near-position window on a long text', () => {
    const long = FILLER.repeat(200) + original.replace('action plan', 'plan of action') + FILLER.repeat(200);
    const at = FILLER.length * 200 + hint;
    const near = matchQuoteFuzzy(long, quote, { prefix, suffix, hint: at });
    const plain = matchQuoteFuzzy(long, quote, { prefix, suffix, hint: at }, { nearHintFirst: false });
    expect(near).toEqual(plain);
    expect(near).not.toBeNull();
  });

  it('finds an edited quote that moved far from its stored position', () => {
    const long = original.replace('action plan', 'plan of action') + FILLER.repeat(300);
    const match = matchQuoteFuzzy(FILLER.repeat(300) + long, quote, { prefix, suffix, hint });
    expect(match).not.toBeNull();
  });
});

describe('matchQuote', () => {
  it('prefers an exact occurrence to a closer fuzzy one', () => {
    const text = 'Ratify OPCAT now. ... Ratify OPCAT.';
    expect(matchQuote(text, 'Ratify OPCAT.', { hint: 0 })?.start).toBe(text.lastIndexOf('Ratify'));
  });
});

describe('matchQuoteFuzzy near the stored position', () => {
  // Sibling recommendations that differ only by their number, as numbered lists and generated pages have.
  const items = Array.from({ length: 40 }, (_, i) => `Ensure access to inclusive education for children with disabilities (${i});`);
  const text = items.join('\n');
  const quote = items[3]!;
  const hint = text.indexOf(quote);
  const context = { prefix: text.slice(hint - 32, hint), suffix: text.slice(hint + quote.length, hint + quote.length + 32), hint };

  it('keeps an edited recommendation on its own item, not on a sibling with fewer differences', () => {
    const edited = text.replace('(3);', '(no. 3);');
    const match = matchQuoteFuzzy(edited, quote, context);
    expect(match).not.toBeNull();
    // Its start is where item 3 starts (the end may stop short: "(3);" is fewer edits from "(no." than "(no. 3);").
    expect(match!.start).toBe(hint);
    // The whole-text search alone takes a sibling: "(2)" is one edit from "(3)", "(no. 3)" four.
    const plain = matchQuoteFuzzy(edited, quote, context, { nearHintFirst: false });
    expect(plain).not.toBeNull();
    expect(plain!.start).not.toBe(hint);
  });
});

describe('matchQuote quality threshold', () => {
  const quote = 'Adopt a national action plan on business and human rights in line with the Guiding Principles';
  const prefix = 'human rights institution;\n2. ';
  const suffix = ';\n3. Ratify the Optional';
  const edited = quote.replace('action plan', 'plan of action');
  const far = FILLER.repeat(60);

  it('takes an edited copy far away only when both sides of its context came along', () => {
    const moved = `${far}1. Strengthen the national ${prefix}${edited}${suffix} Protocol.`;
    expect(matchQuote(moved, quote, { prefix, suffix, hint: 10 })).not.toBeNull();
    // Two characters changed in the prefix: 0.93 similar, under FAR_CONTEXT_MIN.
    const lostContext = moved.replace('institution;', 'institutions,');
    expect(matchQuote(lostContext, quote, { prefix, suffix, hint: 10 })).toBeNull();
    // The same copy near the stored position is taken: there its place vouches for it.
    const hint = lostContext.indexOf('Adopt');
    expect(matchQuote(lostContext, quote, { prefix, suffix, hint })?.start).toBe(hint);
  });

  it('scores an approximate candidate below MIN_MATCH_SCORE as an orphan, a verbatim one never', () => {
    const text = `${FILLER}${edited} and then ${FILLER}`;
    const context = { prefix: 'nothing like this at all here', suffix: 'nor this either, not at all', hint: FILLER.length };
    expect(matchQuote(text, quote, context)).toBeNull();
    const verbatim = matchQuote(`${FILLER}${quote} and then ${FILLER}`, quote, context);
    expect(verbatim?.score).toBeLessThan(MIN_MATCH_SCORE);
    expect(verbatim?.start).toBe(FILLER.length);
  });
});
