import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { recommendationId, type StoredRecommendation } from '@/utils/model';
import { capture, selector } from './capture.test-support';
import { createRepository, normalizeTags, noteIdFor, openUprDb } from './repository';

let dbCount = 0;
function freshRepo(options: Parameters<typeof createRepository>[1] = {}) {
  const db = openUprDb({ name: `test-${++dbCount}` });
  return createRepository(() => db, options);
}

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

describe('one record per real recommendation (page capture + dataset row)', () => {
  const PAGE_TEXT = '1. To ratify the Optional Protocol to the Convention against Torture, as previously recommended;';
  const OFFICIAL = 'Ratify the Optional Protocol to the Convention against Torture';
  const dataset = { name: 'UPR Info database export: kz.csv', actionCategory: true, themes: true, response: true, reportSymbol: 'A/HRC/28/10', paragraph: '106.12' };
  const row = async (text: string, over: Partial<StoredRecommendation> = {}): Promise<StoredRecommendation> => {
    const who = { recommendingStateCode: 'CAN', stateUnderReviewCode: 'KAZ', session: 34, ...over };
    return {
      id: await recommendationId(text, who),
      pageUrl: null,
      n: 0,
      text,
      selector: null,
      recommendingState: 'Canada',
      recommendingStateCode: 'CAN',
      stateUnderReview: 'Kazakhstan',
      stateUnderReviewCode: 'KAZ',
      session: 34,
      cycle: 3,
      language: 'en',
      actionCategory: 5,
      themes: ['Torture and other cruel, inhuman or degrading treatment'],
      response: 'supported',
      source: 'import',
      createdAt: 500,
      updatedAt: 500,
      dataset,
      ...over,
    };
  };
  // What the computed classification would say: deliberately not the dataset's coding.
  const classify = () => ({ actionCategory: 4 as const, themes: ['International instruments'] });
  const comparable = (r: StoredRecommendation) => {
    const { updatedAt: _u, createdAt: _c, ...rest } = r;
    return rest;
  };

  it('page first, then the dataset: one record with the official text, response, coding and facts, the page place and the note', async () => {
    const repo = freshRepo({ classify });
    const [captured] = await repo.capturePage(capture('https://example.gov/kz', [PAGE_TEXT, 'Amend the law.']));
    await repo.saveNote({ recommendationId: captured!.id }, { body: 'Ask about the NPM budget', tags: ['torture'] });
    expect(await repo.importRecommendations([await row(OFFICIAL)])).toEqual({ added: 0, updated: 1 });

    const all = await repo.allRecommendations();
    expect(all).toHaveLength(2);
    const merged = all.find((r) => r.id === captured!.id)!;
    expect(merged).toMatchObject({ text: OFFICIAL, response: 'supported', actionCategory: 5, themes: ['Torture and other cruel, inhuman or degrading treatment'], dataset, pageUrl: 'https://example.gov/kz', n: 1, source: 'page' });
    expect(merged.selector?.quote.exact).toBe(PAGE_TEXT);
    const loaded = await repo.loadPage('https://example.gov/kz');
    expect(loaded.recommendations.map((r) => r.id)).toContain(captured!.id);
    expect(loaded.notes).toEqual([expect.objectContaining({ recommendationId: captured!.id, body: 'Ask about the NPM budget' })]);

    // Visiting the page again and importing the dataset again change nothing: still one record, still the dataset's.
    await repo.capturePage(capture('https://example.gov/kz', [PAGE_TEXT, 'Amend the law.']));
    expect(await repo.importRecommendations([await row(OFFICIAL)])).toEqual({ added: 0, updated: 1 });
    const again = await repo.allRecommendations();
    expect(again).toHaveLength(2);
    expect(again.find((r) => r.id === captured!.id)).toMatchObject({ text: OFFICIAL, actionCategory: 5, response: 'supported', dataset });
  });

  it('the dataset first, then the page: the same single record, and a note written on the imported record moves with it', async () => {
    const pageFirst = freshRepo({ classify });
    await pageFirst.capturePage(capture('https://example.gov/kz', [PAGE_TEXT]));
    await pageFirst.importRecommendations([await row(OFFICIAL)]);
    const expected = (await pageFirst.allRecommendations()).map(comparable);

    const repo = freshRepo({ classify });
    const imported = await row(OFFICIAL);
    await repo.importRecommendations([imported]);
    await repo.saveNote({ recommendationId: imported.id }, { body: 'Read in the WG report', tags: ['torture'] });
    const removed: string[] = [];
    const watched = createRepository(() => openUprDb({ name: `test-${dbCount}` }), { classify, onRemoved: (ids) => removed.push(...ids) });
    const [captured] = await watched.capturePage(capture('https://example.gov/kz', [PAGE_TEXT]));

    const all = await watched.allRecommendations();
    expect(all.map(comparable)).toEqual(expected);
    expect(removed).toEqual([imported.id]);
    const loaded = await watched.loadPage('https://example.gov/kz');
    expect(loaded.recommendations.map((r) => r.id)).toEqual([captured!.id]);
    expect(loaded.orphans).toEqual([]);
    expect(loaded.notes).toEqual([expect.objectContaining({ recommendationId: captured!.id, body: 'Read in the WG report', tags: ['torture'] })]);
    expect(await watched.listTags()).toEqual(['torture']);
  });

  it('keeps both notes when a page record and its dataset twin each had one (stored apart by an older version)', async () => {
    const repo = freshRepo({ classify });
    // Another session's number on the page keeps them apart at first, as before this merge existed.
    const [captured] = await repo.capturePage(capture('https://example.gov/kz', [PAGE_TEXT]));
    const imported = await row(OFFICIAL, { session: 20, cycle: 2 });
    await repo.importRecommendations([imported]);
    expect(await repo.allRecommendations()).toHaveLength(2);
    await repo.saveNote({ recommendationId: captured!.id }, { body: 'Page note', tags: ['a'] });
    await repo.saveNote({ recommendationId: imported.id }, { body: 'Dataset note', tags: ['b'] });
    // The user corrects the page's session: its recommendation is now the dataset's, the next import joins them.
    await repo.correctPage('https://example.gov/kz', { meta: { session: 20, cycle: 2 } });
    await repo.importRecommendations([imported]);
    const all = await repo.allRecommendations();
    expect(all).toHaveLength(1);
    const loaded = await repo.loadPage('https://example.gov/kz');
    expect(loaded.notes).toHaveLength(1);
    expect(loaded.notes[0]!.body).toContain('Page note');
    expect(loaded.notes[0]!.body).toContain('Dataset note');
    expect(loaded.notes[0]!.tags.sort()).toEqual(['a', 'b']);
    expect((await repo.listTags()).sort()).toEqual(['a', 'b']);
  });

  it('joins a page record and its dataset twin that an older version stored apart, on the next import of the dataset', async () => {
    const repo = freshRepo({ classify });
    const [captured] = await repo.capturePage(capture('https://example.gov/kz', [PAGE_TEXT]));
    const imported = await row(OFFICIAL);
    // Written as the version before this merge left them: two records, a note on the dataset's.
    await repo.importRecords({ pages: [], recommendations: [imported], notes: [] });
    await repo.saveNote({ recommendationId: imported.id }, { body: 'Written on the dataset’s copy' });
    expect(await repo.allRecommendations()).toHaveLength(2);
    const removed: string[] = [];
    const watched = createRepository(() => openUprDb({ name: `test-${dbCount}` }), { classify, onRemoved: (ids) => removed.push(...ids) });
    expect(await watched.importRecommendations([imported])).toEqual({ added: 0, updated: 1 });
    expect((await watched.allRecommendations()).map((r) => r.id)).toEqual([captured!.id]);
    expect(removed).toEqual([imported.id]);
    expect((await watched.loadPage('https://example.gov/kz')).notes).toEqual([expect.objectContaining({ recommendationId: captured!.id, body: 'Written on the dataset’s copy' })]);
  });

  it('joins a joint recommendation to the page of one of its states, and keeps its states', async () => {
    const repo = freshRepo({ classify });
    const [captured] = await repo.capturePage(capture('https://example.gov/kz', [PAGE_TEXT]));
    const states = [
      { name: 'Norway', code: 'NOR' },
      { name: 'Canada', code: 'CAN' },
    ];
    await repo.importRecommendations([await row(OFFICIAL, { recommendingStates: states, recommendingState: 'Norway, Canada', recommendingStateCode: 'NOR' })]);
    const all = await repo.allRecommendations();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: captured!.id, recommendingStates: states });
  });

  it.each([
    ['another recommending state', { recommendingStateCode: 'NOR', recommendingState: 'Norway' }, OFFICIAL],
    ['another session', { session: 20, cycle: 2 }, OFFICIAL],
    ['another ask on the same subject', {}, 'Ratify the Optional Protocol to the Convention on the Rights of the Child'],
    ['an added demand', {}, 'Ratify the Optional Protocol to the Convention against Torture and establish a national preventive mechanism'],
  ])('keeps a dataset row apart from the page’s recommendation with %s', async (_label, over, text) => {
    const repo = freshRepo({ classify });
    await repo.capturePage(capture('https://example.gov/kz', [PAGE_TEXT]));
    expect(await repo.importRecommendations([await row(text, over)])).toEqual({ added: 1, updated: 0 });
    expect(await repo.allRecommendations()).toHaveLength(2);
  });

  it('never merges two rows of one dataset into one page record', async () => {
    const repo = freshRepo({ classify });
    await repo.capturePage(capture('https://example.gov/kz', [PAGE_TEXT]));
    const result = await repo.importRecommendations([await row(OFFICIAL), await row(`${OFFICIAL} (OP-CAT)`)]);
    expect(result).toEqual({ added: 1, updated: 1 });
    expect(await repo.allRecommendations()).toHaveLength(2);
  });

  it('keeps the id a page note was stored under (SHA-256 of the page key, as the hand-written digest gave it)', () => {
    expect(noteIdFor({ pageUrl: 'https://www.gov.uk/government/speeches/upr34-uk-statement-on-egypt#top' })).toBe('p558c5d0a3e317b900f2e04c5');
    expect(noteIdFor({ recommendationId: 'rdfc35a268e5e4fb9a5fd03ad' })).toBe('ndfc35a268e5e4fb9a5fd03ad');
  });
});

describe('a reading in batches', () => {
  it('adds a further batch to the page without resetting what the first one stored', async () => {
    const repo = freshRepo();
    const [gone] = await repo.capturePage(capture('https://example.gov/kz', ['Old recommendation.']));
    const first = capture('https://example.gov/kz', ['First.', 'Second.'], 34, [gone!.id]);
    await repo.capturePage(first);
    const more = capture('https://example.gov/kz', ['Third.']);
    await repo.capturePage({ ...more, recommendations: more.recommendations.map((r) => ({ ...r, n: 3 })), orphans: [], continues: true });
    const loaded = await repo.loadPage('https://example.gov/kz');
    expect(loaded.recommendations.map((r) => [r.n, r.text])).toEqual([
      [1, 'First.'],
      [2, 'Second.'],
      [3, 'Third.'],
    ]);
    expect(loaded.orphans.map((r) => r.text)).toEqual(['Old recommendation.']);
  });
});

describe('everything, a page at a time', () => {
  it('reads every page, note and recommendation exactly once, each answer within its record and size limits', async () => {
    const repo = freshRepo();
    const texts = Array.from({ length: 23 }, (_, i) => `Ratify treaty number ${i} of the list${' and more words'.repeat(i % 4)}.`);
    const recs = await repo.capturePage(capture('https://example.gov/kz', texts));
    await repo.capturePage(capture('https://example.gov/kz-2', ['Amend the law.'], 20));
    for (const rec of recs.slice(0, 7)) await repo.saveNote({ recommendationId: rec.id }, { body: `note on ${rec.n}` }, 1000);
    await repo.saveNote({ pageUrl: 'https://example.gov/kz' }, { body: 'statement note' }, 1000);
    const whole = await repo.exportRecords();

    const seen = { pages: [] as string[], recommendations: [] as string[], notes: [] as string[] };
    let cursor: Parameters<typeof repo.recordsPage>[0] = null;
    let answers = 0;
    do {
      const page = await repo.recordsPage(cursor, 5, 1_200);
      if (answers === 0) expect(page.total).toEqual({ pages: 2, recommendations: 24, notes: 8 });
      else expect(page.total).toBeUndefined();
      const records = [...page.pages, ...page.notes, ...page.recommendations];
      expect(records.length).toBeGreaterThan(0);
      expect(records.length).toBeLessThanOrEqual(5);
      if (records.length > 1) expect(records.reduce((n, r) => n + JSON.stringify(r).length, 0)).toBeLessThanOrEqual(1_200);
      seen.pages.push(...page.pages.map((p) => p.url));
      seen.notes.push(...page.notes.map((n) => n.id));
      seen.recommendations.push(...page.recommendations.map((r) => r.id));
      cursor = page.next;
      answers++;
    } while (cursor !== null && answers < 100);
    expect(cursor).toBeNull();
    expect(answers).toBeGreaterThan(7);
    expect(seen.pages.sort()).toEqual(whole.pages.map((p) => p.url).sort());
    expect(seen.notes.sort()).toEqual(whole.notes.map((n) => n.id).sort());
    expect(seen.recommendations.sort()).toEqual(whole.recommendations.map((r) => r.id).sort());
  });

  it('gives a record larger than the size limit a page of its own rather than stopping', async () => {
    const repo = freshRepo();
    await repo.capturePage(capture('https://example.gov/kz', ['Ratify the treaty.', 'Amend the law.']));
    const page = await repo.recordsPage({ store: 'recommendations', after: null }, 10, 10);
    expect(page.recommendations).toHaveLength(1);
    const rest = await repo.recordsPage(page.next, 10, 10);
    expect(rest.recommendations).toHaveLength(1);
    expect(rest.recommendations[0]!.id).not.toBe(page.recommendations[0]!.id);
  });
});
