import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { PageCapture } from '../model';
import { createRepository, openUprDb } from './repository';
import { DB_VERSION } from './schema';

let dbCount = 0;
function freshRepo() {
  const db = openUprDb({ name: `test-${++dbCount}` });
  return createRepository(() => db);
}

const selector = (exact: string, start = 0) => ({
  quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector' as const, start, end: start + exact.length },
});

const capture = (url: string, texts: string[], session = 34, orphans: string[] = []): PageCapture => ({
  url,
  meta: {
    title: 'Kazakhstan - UPR 34',
    recommendingState: 'Canada',
    recommendingStateCode: 'CAN',
    stateUnderReview: 'Kazakhstan',
    stateUnderReviewCode: 'KAZ',
    session,
    cycle: 3,
    date: '2019-11-07',
    language: 'en',
  },
  recommendations: texts.map((text, i) => ({ n: i + 1, text, selector: selector(text, i * 100) })),
  orphans,
});

describe('repository', () => {
  it('stores a capture and loads it back in page order', async () => {
    const repo = freshRepo();
    await repo.capturePage(capture('https://example.gov/kz#top', ['Ratify the treaty.', 'Amend the law.']));
    const loaded = await repo.loadPage('https://example.gov/kz');
    expect(loaded.page).toMatchObject({ url: 'https://example.gov/kz', stateUnderReviewCode: 'KAZ', session: 34 });
    expect(loaded.recommendations.map((r) => [r.n, r.text])).toEqual([
      [1, 'Ratify the treaty.'],
      [2, 'Amend the law.'],
    ]);
  });

  it('keeps a note with its recommendation when the page is captured again, even reordered or at another URL', async () => {
    const repo = freshRepo();
    const [first] = await repo.capturePage(capture('https://example.gov/kz', ['Ratify the treaty.', 'Amend the law.']));
    await repo.saveNote(first!.id, 'Check the 2021 follow-up', 1000);
    const again = await repo.capturePage(capture('https://mirror.example.org/kz', ['Amend the law.', 'Ratify  the treaty;']));
    expect(again[1]!.id).toBe(first!.id);
    const loaded = await repo.loadPage('https://mirror.example.org/kz');
    expect(loaded.notes).toEqual([expect.objectContaining({ recommendationId: first!.id, body: 'Check the 2021 follow-up' })]);
  });

  it('lists a recommendation that was not found on the last visit as an orphan, with its note, never deleting it', async () => {
    const repo = freshRepo();
    const [gone] = await repo.capturePage(capture('https://example.gov/kz', ['Ratify the treaty.', 'Amend the law.']));
    await repo.saveNote(gone!.id, 'Was this removed from the page?', 1000);
    await repo.capturePage(capture('https://example.gov/kz', ['Amend the law.'], 34, [gone!.id]));
    const loaded = await repo.loadPage('https://example.gov/kz');
    expect(loaded.recommendations.map((r) => r.text)).toEqual(['Amend the law.']);
    expect(loaded.orphans.map((r) => r.text)).toEqual(['Ratify the treaty.']);
    expect(loaded.notes.map((n) => n.body)).toContain('Was this removed from the page?');
  });

  it('treats the same words at another session as another recommendation', async () => {
    const repo = freshRepo();
    const [a] = await repo.capturePage(capture('https://example.gov/a', ['Ratify the treaty.'], 20));
    const [b] = await repo.capturePage(capture('https://example.gov/b', ['Ratify the treaty.'], 34));
    expect(a!.id).not.toBe(b!.id);
  });

  it('updates a note in place and keeps its creation time', async () => {
    const repo = freshRepo();
    const [rec] = await repo.capturePage(capture('https://example.gov/kz', ['Ratify the treaty.']));
    const first = await repo.saveNote(rec!.id, 'one', 1000);
    const second = await repo.saveNote(rec!.id, 'two', 2000);
    expect(second).toMatchObject({ id: first.id, body: 'two', createdAt: 1000, updatedAt: 2000 });
    expect((await repo.loadPage('https://example.gov/kz')).notes).toHaveLength(1);
  });

  it('refuses a note for a recommendation it does not hold, and stores nothing', async () => {
    const repo = freshRepo();
    await expect(repo.saveNote(`r${'0'.repeat(24)}`, 'orphan', 1)).rejects.toThrow(/No recommendation/);
  });
});

describe('schema', () => {
  it('opens at the current version with every store and index', async () => {
    const db = await openUprDb({ name: 'schema-check' });
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['notes', 'pages', 'recommendations']);
    const tx = db.transaction(['recommendations', 'notes']);
    expect([...tx.objectStore('recommendations').indexNames].sort()).toEqual(
      ['cycle', 'pageUrl', 'recommendingStateCode', 'session', 'stateUnderReviewCode'].sort(),
    );
    expect([...tx.objectStore('notes').indexNames].sort()).toEqual(['recommendationId', 'tags', 'updatedAt']);
    db.close();
  });
});
