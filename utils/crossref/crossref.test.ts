import { describe, expect, it } from 'vitest';
import { createCrossrefIndex, loadCrossrefIndex, type CrossrefRecord } from './index';

let counter = 0;
function rec(text: string, over: Partial<CrossrefRecord> = {}): CrossrefRecord {
  counter += 1;
  return {
    id: `r${counter.toString(16).padStart(24, '0')}`,
    text,
    stateUnderReviewCode: 'KAZ',
    recommendingStateCode: 'GBR',
    recommendingState: 'United Kingdom',
    session: 20,
    cycle: 2,
    themes: [],
    response: 'supported',
    pageUrl: null,
    ...over,
  };
}

const current = {
  text: 'Ratify the Optional Protocol to the Convention against Torture and establish a national preventive mechanism',
  stateUnderReviewCode: 'KAZ',
  recommendingStateCode: 'GBR',
  cycle: 4,
  themes: ['International instruments', 'Torture and other cruel, inhuman or degrading treatment'],
};

describe('earlierFor', () => {
  const sameText = rec('Ratify the Optional Protocol to the Convention against Torture and establish a national preventive mechanism, as previously recommended', {
    session: 34,
    cycle: 3,
    recommendingStateCode: 'FRA',
  });
  const similar = rec('Consider ratifying the Optional Protocol to the Convention against Torture', { session: 7, cycle: 1, response: 'noted' });
  const unrelated = rec('Guarantee access to safe drinking water in rural areas', { cycle: 3, session: 34 });
  const otherState = rec(current.text, { stateUnderReviewCode: 'ROU', session: 29, cycle: 3 });
  const sameCycle = rec(current.text, { session: 48, cycle: 4 });
  const noCycle = rec(current.text, { session: null, cycle: null });
  const index = createCrossrefIndex([sameText, similar, unrelated, otherState, sameCycle, noCycle]);

  it('finds earlier-cycle recommendations to the same state only, best first', () => {
    const matches = index.earlierFor(current);
    expect(matches.map((m) => m.record.id)).toEqual([sameText.id, similar.id]);
  });

  it('flags the near-identical earlier text as a repeat, despite "as previously recommended"', () => {
    const [first, second] = index.earlierFor(current);
    expect(first?.repeat).toBe(true);
    expect(first?.similarity).toBeGreaterThan(0.9);
    expect(second?.repeat).toBe(false);
    expect(second?.similarity).toBeGreaterThan(0.2);
    expect(second?.similarity).toBeLessThan(0.9);
  });

  it('reports the same recommending state and the shared themes', () => {
    const withThemes = createCrossrefIndex([
      rec('Ratify the Optional Protocol to the Convention against Torture', { themes: ['International instruments'], recommendingStateCode: 'GBR' }),
    ]);
    const [match] = withThemes.earlierFor(current);
    expect(match?.sameRecommendingState).toBe(true);
    expect(match?.sharedThemes).toEqual(['International instruments']);
    expect(match?.score).toBeGreaterThan(match!.similarity);
  });

  it('ranks an equally similar text higher when the same state made it or it shares themes', () => {
    const text = 'Ratify the Optional Protocol to the Convention against Torture';
    const fromOther = rec(text, { recommendingStateCode: 'FRA' });
    const fromSame = rec(text, { recommendingStateCode: 'GBR' });
    const sharingThemes = rec(text, { recommendingStateCode: 'FRA', themes: current.themes });
    const ranked = createCrossrefIndex([fromOther, fromSame, sharingThemes]).earlierFor(current).map((m) => m.record.id);
    expect(ranked.indexOf(fromSame.id)).toBeLessThan(ranked.indexOf(fromOther.id));
    expect(ranked.indexOf(sharingThemes.id)).toBeLessThan(ranked.indexOf(fromOther.id));
  });

  it('puts the closer text first, whatever the order of insertion', () => {
    const far = rec('Ratify the Optional Protocol to the Convention on the Rights of the Child');
    const near = rec('Ratify the Optional Protocol to the Convention against Torture and set up a preventive mechanism');
    for (const order of [[far, near], [near, far]]) {
      expect(createCrossrefIndex(order).earlierFor(current)[0]?.record.id).toBe(near.id);
    }
  });

  it('matches across case, accents and punctuation', () => {
    const french = createCrossrefIndex([rec('Ratifier le Protocole facultatif à la Convention contre la torture', { cycle: 2 })]);
    const [match] = french.earlierFor({ ...current, text: 'RATIFIER LE PROTOCOLE FACULTATIF A LA CONVENTION CONTRE LA TORTURE.' });
    expect(match?.repeat).toBe(true);
  });

  it('honours limit and minSimilarity', () => {
    const many = createCrossrefIndex(Array.from({ length: 12 }, (_, i) => rec(`Ratify the Optional Protocol to the Convention against Torture ${i}`)));
    expect(many.earlierFor(current, { limit: 3 })).toHaveLength(3);
    expect(many.earlierFor(current)).toHaveLength(5);
    expect(many.earlierFor(current, { minSimilarity: 0.99 })).toHaveLength(0);
    expect(many.earlierFor(current, { limit: 0 })).toHaveLength(0);
  });

  it('has nothing earlier without a state, a cycle or words', () => {
    expect(index.earlierFor({ ...current, stateUnderReviewCode: null })).toEqual([]);
    expect(index.earlierFor({ ...current, cycle: null })).toEqual([]);
    expect(index.earlierFor({ ...current, cycle: 1 })).toEqual([]);
    expect(index.earlierFor({ ...current, text: 'the of and' })).toEqual([]);
    expect(index.earlierFor({ ...current, stateUnderReviewCode: 'CHE' })).toEqual([]);
  });

  it('does not return the recommendation itself', () => {
    const self = rec(current.text, { cycle: 3 });
    expect(createCrossrefIndex([self]).earlierFor(current)).toHaveLength(1);
    expect(createCrossrefIndex([self]).earlierFor({ ...current, id: self.id })).toHaveLength(0);
  });
});

describe('add and remove', () => {
  it('replaces a record added again under the same id, including its state', () => {
    const original = rec('Abolish the death penalty', { cycle: 2 });
    const index = createCrossrefIndex([original]);
    index.add([{ ...original, stateUnderReviewCode: 'ROU' }]);
    expect(index.size).toBe(1);
    expect(index.earlierFor({ ...current, text: 'Abolish the death penalty' })).toEqual([]);
    expect(index.earlierFor({ ...current, text: 'Abolish the death penalty', stateUnderReviewCode: 'ROU' })).toHaveLength(1);
  });

  it('forgets removed records, and ignores unknown ids', () => {
    const a = rec('Abolish the death penalty');
    const index = createCrossrefIndex([a]);
    index.remove([a.id, 'r-unknown']);
    expect(index.size).toBe(0);
    expect(index.get(a.id)).toBeUndefined();
    expect(index.earlierFor({ ...current, text: 'Abolish the death penalty' })).toEqual([]);
    expect(index.summaryFor({ recommendingStateCode: 'GBR', stateUnderReviewCode: 'KAZ', cycle: 4 }).total).toBe(0);
  });

  it('keeps records without a state under review for get() only', () => {
    const loose = rec('Abolish the death penalty', { stateUnderReviewCode: null });
    const index = createCrossrefIndex([loose]);
    expect(index.get(loose.id)).toEqual(loose);
    index.remove([loose.id]);
    expect(index.size).toBe(0);
  });
});

describe('summaryFor', () => {
  const index = createCrossrefIndex([
    rec('a one', { cycle: 1, session: 7, response: 'supported' }),
    rec('b two', { cycle: 2, session: 20, response: 'supported' }),
    rec('c three', { cycle: 2, session: 20, response: 'noted' }),
    rec('d four', { cycle: 3, session: 34, response: null }),
    rec('e five', { cycle: 4, session: 48, response: 'supported' }),
    rec('f six', { cycle: 3, session: 34, recommendingStateCode: 'FRA' }),
    rec('g seven', { cycle: 3, session: 29, stateUnderReviewCode: 'ROU' }),
    rec('h eight', { cycle: null, session: null }),
  ]);

  it('counts what the same state recommended in earlier cycles and how it was answered', () => {
    expect(index.summaryFor({ recommendingStateCode: 'GBR', stateUnderReviewCode: 'KAZ', cycle: 4 })).toEqual({
      total: 4,
      supported: 2,
      noted: 1,
      unknown: 1,
      byCycle: [
        { cycle: 1, total: 1, supported: 1, noted: 0, unknown: 0 },
        { cycle: 2, total: 2, supported: 1, noted: 1, unknown: 0 },
        { cycle: 3, total: 1, supported: 0, noted: 0, unknown: 1 },
      ],
    });
  });

  it('counts only cycles before the one asked about, or every known cycle when it is unknown', () => {
    expect(index.summaryFor({ recommendingStateCode: 'GBR', stateUnderReviewCode: 'KAZ', cycle: 2 }).total).toBe(1);
    expect(index.summaryFor({ recommendingStateCode: 'GBR', stateUnderReviewCode: 'KAZ', cycle: null }).total).toBe(5);
  });

  it('counts a joint recommendation for each of its states, once each', () => {
    const joint = rec('Ratify the Rome Statute', {
      cycle: 2,
      session: 20,
      recommendingStateCode: 'NOR',
      recommendingState: 'Norway, United Kingdom',
      recommendingStates: [
        { name: 'Norway', code: 'NOR' },
        { name: 'United Kingdom', code: 'GBR' },
      ],
      response: 'noted',
    });
    const withJoint = createCrossrefIndex([joint, rec('Abolish the death penalty', { cycle: 2, session: 20, recommendingStateCode: 'NOR' })]);
    expect(withJoint.summaryFor({ recommendingStateCode: 'GBR', stateUnderReviewCode: 'KAZ', cycle: 4 })).toMatchObject({ total: 1, noted: 1 });
    expect(withJoint.summaryFor({ recommendingStateCode: 'NOR', stateUnderReviewCode: 'KAZ', cycle: 4 })).toMatchObject({ total: 2, noted: 1 });
    expect(withJoint.summaryFor({ recommendingStateCode: 'FRA', stateUnderReviewCode: 'KAZ', cycle: 4 }).total).toBe(0);
    // The joint states survive the index's own storage.
    expect(loadCrossrefIndex(withJoint.serialize()).summaryFor({ recommendingStateCode: 'GBR', stateUnderReviewCode: 'KAZ', cycle: 4 }).total).toBe(1);
  });

  it('is empty without both states', () => {
    expect(index.summaryFor({ recommendingStateCode: null, stateUnderReviewCode: 'KAZ', cycle: 4 })).toEqual({ total: 0, supported: 0, noted: 0, unknown: 0, byCycle: [] });
    expect(index.summaryFor({ recommendingStateCode: 'GBR', stateUnderReviewCode: 'CHE', cycle: 4 }).total).toBe(0);
  });
});

describe('serialize and load', () => {
  it('round-trips the records and answers the same', () => {
    const records = [rec('Abolish the death penalty', { cycle: 2 }), rec('Ratify the Rome Statute', { cycle: 3, response: 'noted' })];
    const index = createCrossrefIndex(records);
    const loaded = loadCrossrefIndex(index.serialize());
    expect(loaded.size).toBe(2);
    const query = { ...current, text: 'Abolish the death penalty for all crimes' };
    expect(loaded.earlierFor(query)).toEqual(index.earlierFor(query));
    expect(loaded.summaryFor({ recommendingStateCode: 'GBR', stateUnderReviewCode: 'KAZ', cycle: 4 })).toEqual(
      index.summaryFor({ recommendingStateCode: 'GBR', stateUnderReviewCode: 'KAZ', cycle: 4 }),
    );
  });

  it.each([
    ['not JSON', 'nope'],
    ['another version', JSON.stringify({ version: 99, records: [] })],
    ['no records', JSON.stringify({ version: 1 })],
    ['a malformed record', JSON.stringify({ version: 1, records: [{ id: 1, text: 'x' }] })],
    ['a bad response', JSON.stringify({ version: 1, records: [{ ...rec('x'), response: 'maybe' }] })],
  ])('refuses %s', (_, text) => expect(() => loadCrossrefIndex(text)).toThrow());
});

describe('parts with their answers', () => {
  const before = rec('Abolish the death penalty', { cycle: 2, session: 20 });
  const asked = rec('Abolish the death penalty for all crimes', { cycle: 4, session: 48 });

  it('answers a stored recommendation from the answers its state’s part brought, and scores again once the state changes', () => {
    const part = createCrossrefIndex([before, asked]).partOf('KAZ', { earlier: 3 });
    expect(part.earlier?.lists[1]).toEqual([[before.id, expect.any(Number), expect.any(Boolean)]]);
    // A part's answers are taken as stored: a loaded worker does not score its statement again.
    part.earlier!.lists[1] = [[before.id, 0.99, true]];
    const loaded = createCrossrefIndex();
    loaded.addPart(part);
    expect(loaded.earlierFor(asked, { limit: 3 }).map((m) => [m.record.id, m.similarity, m.repeat])).toEqual([[before.id, 0.99, true]]);
    // Asked about with other words, or after a new earlier recommendation to the state, it is scored again.
    expect(loaded.earlierFor({ ...asked, themes: ['Death penalty'] }, { limit: 3 })[0]!.similarity).toBeLessThan(0.99);
    const repeat = rec('Abolish the death penalty for all crimes', { cycle: 3, session: 34 });
    loaded.add([repeat]);
    expect(loaded.earlierFor(asked, { limit: 3 }).map((m) => m.record.id)).toEqual([repeat.id, before.id]);
  });

  it('leaves the records it is told to unanswered, and scores them when asked', () => {
    const part = createCrossrefIndex([before, asked]).partOf('KAZ', { earlier: 3, answering: (r) => r.id !== asked.id });
    expect(part.earlier?.lists).toEqual([[], null]);
    const loaded = createCrossrefIndex();
    loaded.addPart(part);
    expect(loaded.earlierFor(asked, { limit: 3 }).map((m) => m.record.id)).toEqual([before.id]);
  });

  it('refuses a part whose answers are malformed', () => {
    const part = createCrossrefIndex([before, asked]).partOf('KAZ', { earlier: 3 });
    expect(() => createCrossrefIndex().addPart({ ...part, earlier: { limit: 3, lists: [[['x', 'y', true]], []] } as never })).toThrow();
    expect(() => createCrossrefIndex().addPart({ ...part, earlier: { limit: 3, lists: [[]] } })).toThrow();
  });
});
