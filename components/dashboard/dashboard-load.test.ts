import { describe, expect, it } from 'vitest';
import type { RecordsCursor } from '@/utils/db';
import type { ExportedPage, Result } from '@/utils/messages';
import { FIRST_PAGE_RECORDS, FIRST_ROWS, loadInPages, PAGE_RECORDS } from './dashboard-load';
import { rec } from './records.test-support';

/** A background holding `count` recommendations, answering data.page in key order, and what it was asked. */
function store(count: number) {
  const recommendations = Array.from({ length: count }, (_, i) => rec(`r${String(i).padStart(24, '0')}`, null, 0, `Recommendation ${i}`));
  const asked: { cursor: RecordsCursor | null; limit: number }[] = [];
  const page = async (cursor: RecordsCursor | null, limit: number): Promise<Result<ExportedPage>> => {
    asked.push({ cursor, limit });
    const start = cursor?.after ? recommendations.findIndex((r) => r.id === cursor.after) + 1 : 0;
    const slice = recommendations.slice(start, start + limit);
    const next = start + limit < count ? { store: 'recommendations' as const, after: slice.at(-1)!.id } : null;
    return { ok: true, value: { pages: [], notes: [], recommendations: slice, next, ...(cursor ? {} : { total: { pages: 0, notes: 0, recommendations: count } }) } };
  };
  return { recommendations, asked, page };
}

describe('loadInPages', () => {
  it('shows a first screen from the first small page, then reads the rest in pages to the last record', async () => {
    const { recommendations, asked, page } = store(12_345);
    const firsts: number[][] = [];
    const result = await loadInPages(page, { onFirst: (data, progress) => firsts.push([data.recommendations.length, progress.loaded, progress.total]) });
    expect(firsts).toEqual([[FIRST_PAGE_RECORDS, FIRST_PAGE_RECORDS, 12_345]]);
    expect(asked.map((a) => a.limit)).toEqual([FIRST_PAGE_RECORDS, PAGE_RECORDS, PAGE_RECORDS, PAGE_RECORDS]);
    expect(result?.ok && result.value.recommendations.map((r) => r.id)).toEqual(recommendations.map((r) => r.id));
  });

  it('keeps asking small pages until they hold a screen of rows (pages and notes come first)', async () => {
    const { asked, page } = store(5_000);
    const firsts: number[] = [];
    await loadInPages(
      async (cursor, limit) => {
        const answer = await page(cursor, limit);
        // The first answer: statements and notes only.
        if (answer.ok && !cursor) answer.value.recommendations = answer.value.recommendations.slice(0, FIRST_ROWS - 1);
        return answer;
      },
      { onFirst: (data) => firsts.push(data.recommendations.length) },
    );
    expect(asked.map((a) => a.limit).slice(0, 3)).toEqual([FIRST_PAGE_RECORDS, FIRST_PAGE_RECORDS, PAGE_RECORDS]);
    expect(firsts).toEqual([FIRST_ROWS - 1 + FIRST_PAGE_RECORDS]);
  });

  it('stops when a newer load has started', async () => {
    const { page } = store(20_000);
    let calls = 0;
    const result = await loadInPages(page, { onFirst: () => {}, stale: () => ++calls > 2 });
    expect(result).toBeNull();
  });

  it('hands on a failed page as the failure of the load', async () => {
    const failure = { ok: false as const, error: { code: 'storage' as const, message: 'The disk is full.' } };
    expect(await loadInPages(async () => failure, { onFirst: () => {} })).toEqual(failure);
  });
});
