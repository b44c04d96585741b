import { describe, expect, it } from 'vitest';
import { createCrossrefIndex } from '@/utils/crossref';
import { parseDatasetCsv } from '@/utils/dataset';
import { cycleOfSession } from '@/utils/upr';
import { SYNTHETIC_STATE_COUNT, syntheticCsv, syntheticRecommendations } from './synthetic';

describe('synthetic recommendations', () => {
  const records = syntheticRecommendations(3_000, 7);

  it('is deterministic for a seed and differs between seeds', () => {
    expect(syntheticRecommendations(3_000, 7)).toEqual(records);
    expect(syntheticRecommendations(50, 8).map((r) => r.text)).not.toEqual(records.slice(0, 50).map((r) => r.text));
  });

  it('is shaped like stored imported recommendations over four cycles', () => {
    expect(records).toHaveLength(3_000);
    expect(new Set(records.map((r) => r.id)).size).toBe(3_000);
    for (const r of records) {
      expect(r.id).toMatch(/^r[0-9a-f]{24}$/);
      expect(cycleOfSession(r.session!)).toBe(r.cycle);
      expect(r.recommendingStateCode).not.toBe(r.stateUnderReviewCode);
    }
    expect(new Set(records.map((r) => r.cycle))).toEqual(new Set([1, 2, 3, 4]));
    expect(new Set(records.map((r) => r.stateUnderReviewCode)).size).toBe(SYNTHETIC_STATE_COUNT);
    const supported = records.filter((r) => r.response === 'supported').length / records.length;
    expect(supported).toBeGreaterThan(0.5);
    expect(supported).toBeLessThan(0.85);
  });

  it('holds repeats the cross-reference index finds', () => {
    const index = createCrossrefIndex(records);
    const repeats = records.filter((r) => r.cycle === 4).filter((r) => index.earlierFor(r, { limit: 1 })[0]?.repeat);
    expect(repeats.length).toBeGreaterThan(0);
  });

  it('reads back from its CSV row for row', async () => {
    const { rows, skippedCount } = await parseDatasetCsv(syntheticCsv(records));
    expect(skippedCount).toBe(0);
    expect(rows.map((r) => [r.text, r.recommendingStateCode, r.stateUnderReviewCode, r.session, r.response])).toEqual(
      records.map((r) => [r.text, r.recommendingStateCode, r.stateUnderReviewCode, r.session, r.response]),
    );
  });
});
