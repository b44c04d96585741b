// Cross-references on data no one here wrote (../shared): France's French statement at Kazakhstan's cycle-3
// review (UPR 34) against the English UN record of Kazakhstan's cycle-1 review (UPR 7) in the UPR Info export.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '@/tests/shared-data.test-support';
import { decodeDataset, parseDataset, toStoredRecommendation } from '@/utils/dataset';
import { createCrossrefIndex } from './index';

const datasets = sharedPath('datasets/upr-info-sessions-1-9', 'cross-language earlier matches on real data');
const fixtures = sharedPath('fixtures', 'cross-language earlier matches on real data');

describe.runIf(datasets && fixtures)('a French cycle-3 statement against the English cycle-1 record', () => {
  it('finds the English death-penalty recommendations for France’s French one, and counts France’s cycle-1 ones', async () => {
    const { rows } = await parseDataset(decodeDataset(readFileSync(join(datasets!, '6-9.csv'))).text);
    const kazakhstan = await Promise.all(rows.filter((r) => r.stateUnderReviewCode === 'KAZ').map((r) => toStoredRecommendation(r, 0)));
    expect(kazakhstan.length).toBeGreaterThan(50);
    const index = createCrossrefIndex(kazakhstan);
    const label = JSON.parse(readFileSync(join(fixtures!, '026-france-kazakhstan-upr34-fr.json'), 'utf8')) as { expected: { recommendations: string[] } };
    const deathPenalty = label.expected.recommendations.find((r) => r.startsWith('Abolir la peine de mort'))!;
    const matches = index.earlierFor({ text: deathPenalty, stateUnderReviewCode: 'KAZ', recommendingStateCode: 'FRA', cycle: 3, themes: [] });
    expect(matches.length).toBeGreaterThanOrEqual(3);
    // Every one of the best three is about the death penalty, in English.
    for (const m of matches.slice(0, 3)) expect(m.record.text).toMatch(/death penalty/i);
    // France's own cycle-1 recommendation to abolish it is among them (its caveats keep it from being a repeat).
    expect(matches.slice(0, 3).some((m) => m.record.recommendingStateCode === 'FRA' && /^Abolish the death penalty/.test(m.record.text))).toBe(true);
    // What France asked at UPR 7, jointly or alone, is counted for France.
    const france = kazakhstan.filter((r) => r.recommendingStateCode === 'FRA' || r.recommendingStates?.some((s) => s.code === 'FRA'));
    expect(index.summaryFor({ recommendingStateCode: 'FRA', stateUnderReviewCode: 'KAZ', cycle: 3 }).total).toBe(france.length);
  });
});
