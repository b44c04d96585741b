// The real UPR Info export beside the project (../shared), read byte for byte as a user's file would be.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '@/tests/shared-data.test-support';
import { themeFromName } from '@/utils/classify';
import { decodeDataset, parseDataset } from './index';

const dir = sharedPath('datasets/upr-info-sessions-1-9', 'UPR Info export import on real data');

describe.runIf(dir)('the shared UPR Info export (sessions 1–9)', () => {
  it.each([
    // file, data rows, records after joint rows are merged, joint records, skipped rows
    ['1-5.csv', 6_094, 5_630, 293, []],
    ['6-9.csv', 8_343, 8_176, 107, [{ line: 5_765, reason: 'same recommendation as line 5764' }]],
  ])('reads every row of %s', async (file, read, records, joint, skipped) => {
    const bytes = readFileSync(join(dir!, file));
    const { text, encoding } = decodeDataset(bytes);
    expect(encoding).toBe('Mac Roman');
    const result = await parseDataset(text, { fileName: file });
    expect(result).toMatchObject({ format: 'upr-info', read, skipped, skippedCount: skipped.length });
    expect(result.rows).toHaveLength(records);
    expect(result.rows.filter((r) => r.recommendingStates).length).toBe(joint);
    // Every state is known by its ISO code, every action category and issue list is UPR Info's own.
    expect(result.rows.filter((r) => !r.stateUnderReviewCode)).toEqual([]);
    expect(result.rows.filter((r) => r.recommendingState && !r.recommendingStateCode && !r.recommendingStates).map((r) => r.recommendingState)).toEqual([]);
    expect(result.rows.every((r) => r.dataset?.actionCategory && r.dataset.themes && r.dataset.response)).toBe(true);
    expect(text).not.toContain('\ufffd');
  });

  it('maps every UPR Info issue tag of the files to one theme, and no two tags to the same theme', () => {
    const tags = new Set<string>();
    for (const file of ['1-5.csv', '6-9.csv']) {
      const lines = decodeDataset(readFileSync(join(dir!, file))).text.split('\r').slice(1);
      // The Issue cell is the one before the session: "…,5,\"Rights of the Child,Women's rights\",5".
      for (const line of lines) for (const tag of (/,(?:"([^"]*)"|([^,"]*)),\d+$/.exec(line)?.slice(1).find((c) => c !== undefined) ?? '').split(',')) tags.add(tag.trim());
    }
    const themes = [...tags].map((tag) => [tag, themeFromName(tag)] as const);
    expect(themes.filter(([, theme]) => theme === null)).toEqual([]);
    expect(new Set(themes.map(([, theme]) => theme)).size).toBe(tags.size);
    expect(tags.size).toBe(54);
  });

  it('reads the accented names as written', async () => {
    const { rows } = await parseDataset(decodeDataset(readFileSync(join(dir!, '1-5.csv'))).text);
    expect(rows.some((r) => r.text.includes('Mr. Hissène Habré'))).toBe(true);
    expect(rows.some((r) => r.text.includes('Instance Equité - Reconciliation'))).toBe(true);
  });
});
