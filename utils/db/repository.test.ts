import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { PageCapture } from '../model';
import { createRepository, normalizeTags, openUprDb } from './repository';

let dbCount = 0;
function freshRepo(options: Parameters<typeof createRepository>[1] = {}) {
  const db = openUprDb({ name: `test-${++dbCount}` });
  return createRepository(() => db, options);
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

describe('pages and recommendations', () => {
  it('stores a capture and loads it back in page order, with states and classification', async () => {
    const repo = freshRepo({ classify: (text) => ({ actionCategory: text.startsWith('Ratify') ? 5 : 4, themes: ['International instruments'] }) });
    await repo.capturePage(capture('https://example.gov/kz#top', ['Ratify the treaty.', 'Ensure the law is applied.']));
    const loaded = await repo.loadPage('https://example.gov/kz');
    expect(loaded.page).toMatchObject({ url: 'https://example.gov/kz', stateUnderReviewCode: 'KAZ', session: 34 });
    expect(loaded.recommendations.map((r) => [r.n, r.text, r.actionCategory, r.recommendingState])).toEqual([
      [1, 'Ratify the treaty.', 5, 'Canada'],
      [2, 'Ensure the law is applied.', 4, 'Canada'],
    ]);
  });

  it('keeps a note with its recommendation when the page is captured again, even reordered or at another URL', async () => {
    const repo = freshRepo();
    const [first] = await repo.capturePage(capture('https://example.gov/kz', ['Ratify the treaty.', 'Amend the law.']));
    await repo.saveNote({ recommendationId: first!.id }, { body: 'Check the 2021 follow-up' }, 1000);
    const again = await repo.capturePage(capture('https://mirror.example.org/kz', ['Amend the law.', 'Ratify  the treaty;']));
    expect(again[1]!.id).toBe(first!.id);
    const loaded = await repo.loadPage('https://mirror.example.org/kz');
    expect(loaded.notes).toEqual([expect.objectContaining({ recommendationId: first!.id, body: 'Check the 2021 follow-up' })]);
  });

  it('lists a recommendation that was not found on the last visit as an orphan, with its note, never deleting it', async () => {
    const repo = freshRepo();
    const [gone] = await repo.capturePage(capture('https://example.gov/kz', ['Ratify the treaty.', 'Amend the law.']));
    await repo.saveNote({ recommendationId: gone!.id }, { body: 'Was this removed from the page?' }, 1000);
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
});

describe('notes', () => {
  it('updates a note in place, field by field, and keeps its creation time', async () => {
    const repo = freshRepo();
    const [rec] = await repo.capturePage(capture('https://example.gov/kz', ['Ratify the treaty.']));
    const first = await repo.saveNote({ recommendationId: rec!.id }, { body: 'one' }, 1000);
    await repo.saveNote({ recommendationId: rec!.id }, { status: 'priority', tags: ['Labour', ' labour ', 'follow-up'] }, 1500);
    const third = await repo.saveNote({ recommendationId: rec!.id }, { body: 'two' }, 2000);
    expect(third).toMatchObject({ id: first.id, body: 'two', status: 'priority', tags: ['Labour', 'follow-up'], createdAt: 1000, updatedAt: 2000 });
    expect((await repo.loadPage('https://example.gov/kz')).notes).toHaveLength(1);
  });

  it('keeps one page-level note per page, apart from the recommendations’ notes', async () => {
    const repo = freshRepo();
    const [rec] = await repo.capturePage(capture('https://example.gov/kz', ['Ratify the treaty.']));
    await repo.saveNote({ pageUrl: 'https://example.gov/kz#x' }, { body: 'Delivered by the deputy ambassador.' }, 1000);
    await repo.saveNote({ recommendationId: rec!.id }, { body: 'rec note' }, 1000);
    const loaded = await repo.loadPage('https://example.gov/kz');
    expect(loaded.pageNote).toMatchObject({ body: 'Delivered by the deputy ambassador.', pageUrl: 'https://example.gov/kz', recommendationId: null });
    expect(loaded.notes.map((n) => n.body)).toEqual(['rec note']);
  });

  it('deletes a note so that it can be undone, and suggests tags by use', async () => {
    const repo = freshRepo();
    const [a, b] = await repo.capturePage(capture('https://example.gov/kz', ['Ratify the treaty.', 'Amend the law.']));
    await repo.saveNote({ recommendationId: a!.id }, { body: 'a', tags: ['labour', 'priority'] });
    const noteB = await repo.saveNote({ recommendationId: b!.id }, { body: 'b', tags: ['labour'] });
    expect(await repo.listTags()).toEqual(['labour', 'priority']);

    await repo.deleteNote(noteB.id);
    expect((await repo.loadPage('https://example.gov/kz')).notes.map((n) => n.body)).toEqual(['a']);
    expect(await repo.listTags()).toEqual(['labour', 'priority']);
    await repo.deleteNote((await repo.loadPage('https://example.gov/kz')).notes[0]!.id);
    expect(await repo.listTags()).toEqual([]);

    await repo.restoreNote(noteB.id);
    expect((await repo.loadPage('https://example.gov/kz')).notes).toEqual([expect.objectContaining({ body: 'b', tags: ['labour'], deletedAt: null })]);
    expect(await repo.listTags()).toEqual(['labour']);
  });

  it('refuses a note for a recommendation it does not hold, and stores nothing', async () => {
    const repo = freshRepo();
    await expect(repo.saveNote({ recommendationId: `r${'0'.repeat(24)}` }, { body: 'orphan' }, 1)).rejects.toThrow(/no longer stored/);
    expect(await repo.listTags()).toEqual([]);
  });
});

describe('corrections', () => {
  it('keeps the texts marked as not recommendations and the recommendations added by hand, across captures', async () => {
    const repo = freshRepo();
    await repo.capturePage(capture('https://example.gov/kz', ['Ratify the treaty.', 'Speaking time: 1 minute']));
    await repo.correctPage('https://example.gov/kz', { reject: ['Speaking time: 1 minute'], add: [{ text: 'Continue  the  dialogue ', selector: selector('Continue the dialogue', 500) }] });
    await repo.capturePage(capture('https://example.gov/kz', ['Ratify the treaty.', 'Speaking time: 1 minute']));
    const loaded = await repo.loadPage('https://example.gov/kz');
    expect(loaded.page?.corrections?.rejected).toEqual(['speaking time: 1 minute']);
    expect(loaded.recommendations.map((r) => r.text).sort()).toEqual(['Continue the dialogue', 'Ratify the treaty.']);
    const manual = (await repo.allRecommendations()).find((r) => r.source === 'manual');
    expect(manual).toMatchObject({ text: 'Continue the dialogue', pageUrl: 'https://example.gov/kz' });
  });

  it('moves recommendations and their notes to the corrected states and session, and applies them on the next visit', async () => {
    const repo = freshRepo();
    const [rec] = await repo.capturePage(capture('https://example.gov/kz', ['Ratify the treaty.'], 20));
    await repo.saveNote({ recommendationId: rec!.id }, { body: 'Keep me', tags: ['labour'] });
    await repo.correctPage('https://example.gov/kz', { meta: { session: 34, cycle: 3, recommendingState: 'Norway', recommendingStateCode: 'NOR' } });
    let loaded = await repo.loadPage('https://example.gov/kz');
    expect(loaded.page).toMatchObject({ session: 34, recommendingStateCode: 'NOR' });
    expect(loaded.recommendations).toHaveLength(1);
    expect(loaded.recommendations[0]!.id).not.toBe(rec!.id);
    expect(loaded.notes).toEqual([expect.objectContaining({ body: 'Keep me', recommendationId: loaded.recommendations[0]!.id })]);
    // The page still says session 20 and Canada: the correction wins.
    await repo.capturePage(capture('https://example.gov/kz', ['Ratify the treaty.'], 20));
    loaded = await repo.loadPage('https://example.gov/kz');
    expect(loaded.page).toMatchObject({ session: 34, recommendingStateCode: 'NOR' });
    expect(loaded.notes.map((n) => n.body)).toEqual(['Keep me']);
    expect(await repo.allRecommendations()).toHaveLength(1);
  });
});

describe('normalizeTags', () => {
  it.each([
    [['  Labour  rights ', 'labour rights', 'LGBTI'], ['Labour rights', 'LGBTI']],
    [['', '   '], []],
    [[`x${'y'.repeat(80)}`], [`x${'y'.repeat(49)}`]],
  ])('%j → %j', (input, expected) => {
    expect(normalizeTags(input)).toEqual(expected);
  });
});
