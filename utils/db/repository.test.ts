import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { MAX_SIGHTINGS, recommendationId, type StoredRecommendation } from '@/utils/model';
import { capture, selector, sessionPageCapture } from './capture.test-support';
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

describe('records belong to the page where they were first seen', () => {
  const FIRST = 'https://example.gov/kz';
  const COPY = 'https://copy.example.net/statements/kz';

  it('keeps the first page as a record’s page when another site shows the same words, and notes the sighting', async () => {
    const repo = freshRepo();
    const [a, b] = await repo.capturePage(capture(FIRST, ['Ratify the treaty.', 'Amend the law.']), 1000);
    await repo.saveNote({ recommendationId: b!.id }, { body: 'Mine' }, 1500);
    const copied = await repo.capturePage(capture(COPY, ['Amend the law.', 'Ratify the treaty.', 'Close the camps.']), 2000);
    // The copy's answer numbers them as the copy shows them (its highlights and badge).
    expect(copied.map((r) => [r.id, r.n])).toEqual([[b!.id, 1], [a!.id, 2], [copied[2]!.id, 3]]);
    expect(await repo.getRecommendation(a!.id)).toMatchObject({ pageUrl: FIRST, n: 1, seenAt: [COPY] });
    expect(await repo.getRecommendation(copied[2]!.id)).toMatchObject({ pageUrl: COPY, n: 3 });
    expect(await repo.getRecommendation(copied[2]!.id)).not.toHaveProperty('seenAt');
    // The first page lists what it always did; the copy lists what it shows, in its order, with the note.
    expect((await repo.loadPage(FIRST)).recommendations.map((r) => [r.n, r.text, r.pageUrl])).toEqual([
      [1, 'Ratify the treaty.', FIRST],
      [2, 'Amend the law.', FIRST],
    ]);
    const copy = await repo.loadPage(COPY);
    expect(copy.recommendations.map((r) => [r.n, r.text, r.pageUrl])).toEqual([
      [1, 'Amend the law.', FIRST],
      [2, 'Ratify the treaty.', FIRST],
      [3, 'Close the camps.', COPY],
    ]);
    expect(copy.notes.map((n) => n.body)).toEqual(['Mine']);
    // Capturing the first page again keeps the sighting.
    await repo.capturePage(capture(FIRST, ['Ratify the treaty.', 'Amend the law.', 'Free the press.']), 3000);
    expect(await repo.getRecommendation(a!.id)).toMatchObject({ pageUrl: FIRST, seenAt: [COPY] });
  });

  it('keeps a recommendation of another page that the copy no longer shows as the copy’s orphan, with its note', async () => {
    const repo = freshRepo();
    const [a, b] = await repo.capturePage(capture(FIRST, ['Ratify the treaty.', 'Amend the law.']));
    await repo.capturePage(capture(COPY, ['Ratify the treaty.', 'Amend the law.']));
    await repo.saveNote({ recommendationId: b!.id }, { body: 'Mine' });
    await repo.capturePage(capture(COPY, ['Ratify the treaty.'], 34, [b!.id]));
    const copy = await repo.loadPage(COPY);
    expect(copy.recommendations.map((r) => r.id)).toEqual([a!.id]);
    expect(copy.orphans.map((r) => [r.id, r.pageUrl])).toEqual([[b!.id, FIRST]]);
    expect(copy.notes.map((n) => n.body)).toEqual(['Mine']);
  });

  it('remembers at most MAX_SIGHTINGS other pages', async () => {
    const repo = freshRepo();
    const [rec] = await repo.capturePage(capture(FIRST, ['Ratify the treaty.']));
    for (let i = 0; i < MAX_SIGHTINGS + 5; i++) await repo.capturePage(capture(`https://copy${i}.example.net/kz`, ['Ratify the treaty.']));
    const stored = await repo.getRecommendation(rec!.id);
    expect(stored!.pageUrl).toBe(FIRST);
    expect(stored!.seenAt).toHaveLength(MAX_SIGHTINGS);
    expect(stored!.seenAt![0]).toBe('https://copy0.example.net/kz');
  });
});

describe('a capture that changes nothing writes nothing', () => {
  const URL = 'https://example.gov/kz';

  it('leaves the page and its records as they were when the statement reads the same, without asking to write', async () => {
    const repo = freshRepo();
    const [rec] = await repo.capturePage(capture(URL, ['Ratify the treaty.', 'Amend the law.']), 1000);
    const asked: boolean[] = [];
    await repo.capturePage(capture(URL, ['Ratify the treaty.', 'Amend the law.']), 2000, ({ newPage }) => void asked.push(newPage));
    expect(asked).toEqual([]);
    expect(await repo.getPage(URL)).toMatchObject({ capturedAt: 1000 });
    expect(await repo.getRecommendation(rec!.id)).toMatchObject({ updatedAt: 1000 });
    // A changed statement is written, and asked about first.
    await repo.capturePage(capture(URL, ['Ratify the treaty.', 'Amend the law.', 'Free the press.']), 3000, ({ newPage }) => void asked.push(newPage));
    expect(asked).toEqual([false]);
    expect(await repo.getPage(URL)).toMatchObject({ capturedAt: 3000 });
  });

  it('writes nothing when the capture is refused', async () => {
    const repo = freshRepo();
    await expect(
      repo.capturePage(capture(URL, ['Ratify the treaty.']), 1000, () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await repo.getPage(URL)).toBeNull();
    expect(await repo.allRecommendations()).toEqual([]);
  });
});

describe('a page of several statements', () => {
  const URL = 'https://example.gov.au/upr41';
  const surs = (recs: StoredRecommendation[]) => recs.map((r) => [r.text, r.stateUnderReview, r.stateUnderReviewCode, r.session, r.statement]);

  it('stores each recommendation with its own statement’s state under review, and the page with its statements', async () => {
    const repo = freshRepo();
    const stored = await repo.capturePage(sessionPageCapture(URL));
    expect(surs(stored)).toEqual([
      ['Abolish the death penalty.', 'Bahrain', 'BHR', 41, 0],
      ['Release detained journalists.', 'Bahrain', 'BHR', 41, 0],
      ['Prevent violence in prisons.', 'Ecuador', 'ECU', 41, 1],
      ['Prevent femicide.', 'Ecuador', 'ECU', 41, 1],
      ['Guarantee judicial independence.', 'Tunisia', 'TUN', 41, 2],
      ['End military trials of civilians.', 'Tunisia', 'TUN', 41, 2],
    ]);
    // The same words to Ecuador from Australia at UPR 41 are the same record wherever they are read.
    expect(stored[2]!.id).toBe(recommendationId('Prevent violence in prisons.', { recommendingStateCode: 'AUS', stateUnderReviewCode: 'ECU', session: 41 }));
    const loaded = await repo.loadPage(URL);
    expect(loaded.page).toMatchObject({ stateUnderReview: null, recommendingState: 'Australia' });
    expect(loaded.page?.statements?.map((s) => [s.stateUnderReview, s.date])).toEqual([['Bahrain', '2022-11-07'], ['Ecuador', '2022-11-07'], ['Tunisia', '2022-11-08']]);
    expect(surs(loaded.recommendations)).toEqual(surs(stored));
  });

  it('a later batch of the same reading stores its recommendations under their own statements too', async () => {
    const repo = freshRepo();
    const whole = sessionPageCapture(URL);
    await repo.capturePage({ ...whole, recommendations: whole.recommendations.slice(0, 3) });
    const rest = await repo.capturePage({ ...whole, recommendations: whole.recommendations.slice(3), continues: true });
    expect(rest.map((r) => r.stateUnderReviewCode)).toEqual(['ECU', 'TUN', 'TUN']);
  });

  it('a reading sent in batches reads the page’s stored records once, not again at every later batch', async () => {
    const repo = freshRepo();
    const whole = sessionPageCapture(URL);
    const pageReads = vi.spyOn(IDBIndex.prototype, 'getAll');
    const readsOfPage = () => (pageReads.mock.contexts as IDBIndex[]).filter((index) => index.name === 'pageUrl' && index.objectStore.name === 'recommendations').length;
    await repo.capturePage({ ...whole, recommendations: whole.recommendations.slice(0, 2) });
    for (const start of [2, 4]) await repo.capturePage({ ...whole, recommendations: whole.recommendations.slice(start, start + 2), continues: true });
    expect(readsOfPage()).toBe(1);
    expect((await repo.loadPage(URL)).recommendations.map((r) => r.stateUnderReviewCode)).toEqual(['BHR', 'BHR', 'ECU', 'ECU', 'TUN', 'TUN']);
    pageReads.mockRestore();
  });

  it('correcting the recommending state keeps each recommendation’s own state under review; a passage added is its statement’s', async () => {
    const repo = freshRepo();
    await repo.capturePage(sessionPageCapture(URL));
    await repo.correctPage(URL, { meta: { recommendingState: 'New Zealand', recommendingStateCode: 'NZL' }, add: [{ text: 'Ratify the Optional Protocol.', selector: selector('Ratify the Optional Protocol.', 650), statement: 2 }] });
    const all = await repo.allRecommendations();
    expect(all.map((r) => [r.text, r.recommendingStateCode, r.stateUnderReviewCode]).sort()).toEqual([
      ['Abolish the death penalty.', 'NZL', 'BHR'],
      ['End military trials of civilians.', 'NZL', 'TUN'],
      ['Guarantee judicial independence.', 'NZL', 'TUN'],
      ['Prevent femicide.', 'NZL', 'ECU'],
      ['Prevent violence in prisons.', 'NZL', 'ECU'],
      ['Ratify the Optional Protocol.', 'NZL', 'TUN'],
      ['Release detained journalists.', 'NZL', 'BHR'],
    ]);
    // Read again after the correction, the added passage (now placed in Tunisia's statement) is the same record.
    const again = sessionPageCapture(URL);
    again.recommendations.push({ n: 7, text: 'Ratify the Optional Protocol.', selector: selector('Ratify the Optional Protocol.', 650), statement: 2 });
    await repo.capturePage(again);
    expect((await repo.allRecommendations()).filter((r) => r.text === 'Ratify the Optional Protocol.')).toHaveLength(1);
  });

  it('a session page stored as one statement by an earlier version becomes its statements, notes kept, nothing listed twice', async () => {
    const repo = freshRepo();
    const whole = sessionPageCapture(URL);
    const old = await repo.capturePage({ ...whole, statements: undefined, recommendations: whole.recommendations.map(({ statement: _s, ...r }) => r) });
    expect(old[3]!.stateUnderReviewCode).toBeNull();
    await repo.saveNote({ recommendationId: old[3]!.id }, { body: 'Femicide law of 2023?', tags: ['gender'] });
    const stored = await repo.capturePage(whole);
    const loaded = await repo.loadPage(URL);
    expect(loaded.recommendations.map((r) => [r.n, r.stateUnderReviewCode])).toEqual([[1, 'BHR'], [2, 'BHR'], [3, 'ECU'], [4, 'ECU'], [5, 'TUN'], [6, 'TUN']]);
    expect(loaded.notes).toEqual([expect.objectContaining({ recommendationId: stored[3]!.id, body: 'Femicide law of 2023?', tags: ['gender'] })]);
    expect(await repo.allRecommendations()).toHaveLength(6);
    expect(await repo.listTags()).toEqual(['gender']);
  });

  it('a dataset row to one of the states merges into that statement’s recommendation', async () => {
    const repo = freshRepo();
    const stored = await repo.capturePage(sessionPageCapture(URL));
    const row: StoredRecommendation = {
      ...stored[3]!,
      id: `r${'b'.repeat(24)}`,
      pageUrl: null,
      n: 0,
      selector: null,
      text: 'Prevent femicide',
      response: 'supported',
      source: 'import',
      dataset: { name: 'UPR Info database export: 41.csv', actionCategory: false, themes: false, response: true, reportSymbol: 'A/HRC/52/8', paragraph: '93.1' },
    };
    delete row.statement;
    expect(await repo.importRecommendations([row])).toEqual({ added: 0, updated: 1 });
    const merged = (await repo.allRecommendations()).find((r) => r.id === stored[3]!.id);
    expect(merged).toMatchObject({ response: 'supported', stateUnderReviewCode: 'ECU', statement: 1, pageUrl: URL });
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

describe('taking a correction back', () => {
  const URL = 'https://example.gov/kz';
  const TEXTS = ['Ratify the treaty.', 'Protect journalists.', 'Speaking time: 1 minute'];
  /** What the user sees of a page: listed items, corrected-away items, and every live note with its text. */
  const seen = async (repo: ReturnType<typeof freshRepo>) => {
    const loaded = await repo.loadPage(URL);
    const textOf = new Map([...loaded.recommendations, ...loaded.corrected].map((r) => [r.id, r.text]));
    return {
      listed: loaded.recommendations.map((r) => r.text).sort(),
      corrected: loaded.corrected.map((r) => r.text).sort(),
      notes: loaded.notes.map((n) => ({ on: textOf.get(n.recommendationId!), body: n.body, tags: n.tags, status: n.status })),
      rejected: loaded.page?.corrections?.rejected ?? [],
      tags: await repo.listTags(),
    };
  };
  async function withNotes() {
    const repo = freshRepo();
    const [a, b] = await repo.capturePage(capture(URL, TEXTS));
    await repo.saveNote({ recommendationId: a!.id }, { body: 'First note', tags: ['courts'], status: 'priority' });
    await repo.saveNote({ recommendationId: b!.id }, { body: 'Second note', tags: ['press'] });
    return repo;
  }
  const lastStep = (page: { corrections?: { steps?: { id: string }[] } }) => page.corrections!.steps!.at(-1)!.id;

  it('a merge carries both notes to its result, and taking it back gives each note back to its own item', async () => {
    const repo = await withNotes();
    const before = await seen(repo);
    const page = await repo.correctPage(URL, { add: [{ text: 'Ratify the treaty. Protect journalists.', selector: selector('Ratify the treaty. Protect journalists.', 0) }], reject: TEXTS.slice(0, 2) });
    expect(page.corrections?.steps?.at(-1)?.kind).toBe('merge');
    const merged = await seen(repo);
    expect(merged.listed).toEqual(['Ratify the treaty. Protect journalists.', 'Speaking time: 1 minute']);
    expect(merged.corrected).toEqual(['Protect journalists.', 'Ratify the treaty.']);
    expect(merged.notes).toEqual([{ on: 'Ratify the treaty. Protect journalists.', body: 'First note\n\nSecond note', tags: ['courts', 'press'], status: 'priority' }]);
    expect(merged.tags.sort()).toEqual(['courts', 'press']);

    await repo.revertCorrection(URL, { step: lastStep(page) });
    expect(await seen(repo)).toEqual(before);
    expect((await repo.getPage(URL))?.corrections?.steps).toEqual([]);
  });

  it('a split puts the note on its first part; taking it back puts it on the whole again', async () => {
    const repo = await withNotes();
    const before = await seen(repo);
    const page = await repo.correctPage(URL, {
      add: [{ text: 'Ratify', selector: selector('Ratify', 0) }, { text: 'the treaty.', selector: selector('the treaty.', 7) }],
      reject: ['Ratify the treaty.'],
    });
    expect((await seen(repo)).notes).toContainEqual({ on: 'Ratify', body: 'First note', tags: ['courts'], status: 'priority' });
    await repo.revertCorrection(URL, { step: lastStep(page) });
    expect(await seen(repo)).toEqual(before);
  });

  it('a dismissed item keeps its note in sight among the corrected ones, and comes back with it', async () => {
    const repo = await withNotes();
    const before = await seen(repo);
    const page = await repo.correctPage(URL, { reject: ['Protect journalists.'] });
    const dismissed = await seen(repo);
    expect(dismissed.corrected).toEqual(['Protect journalists.']);
    expect(dismissed.notes).toContainEqual({ on: 'Protect journalists.', body: 'Second note', tags: ['press'], status: 'none' });
    await repo.revertCorrection(URL, { step: lastStep(page) });
    expect(await seen(repo)).toEqual(before);
  });

  it('an item dismissed before corrections were remembered one by one is restored by its id', async () => {
    const repo = await withNotes();
    const before = await seen(repo);
    await repo.correctPage(URL, { reject: ['Protect journalists.'] });
    const rec = (await repo.loadPage(URL)).corrected[0]!;
    await repo.revertCorrection(URL, { recommendationId: rec.id });
    expect((await seen(repo)).listed).toEqual(before.listed);
  });

  it('what the user wrote on a merge’s result since stays, with the result, among the corrected items', async () => {
    const repo = await withNotes();
    const page = await repo.correctPage(URL, { add: [{ text: 'Ratify the treaty. Protect journalists.', selector: selector('Ratify the treaty. Protect journalists.', 0) }], reject: TEXTS.slice(0, 2) }, 1_000);
    const result = (await repo.loadPage(URL)).recommendations.find((r) => r.source === 'manual')!;
    await repo.saveNote({ recommendationId: result.id }, { body: 'First note\n\nSecond note\n\nWritten after the merge' }, 2_000);
    await repo.revertCorrection(URL, { step: lastStep(page) }, 3_000);
    const after = await seen(repo);
    expect(after.listed).toEqual(TEXTS.slice().sort());
    expect(after.corrected).toEqual(['Ratify the treaty. Protect journalists.']);
    expect(after.notes.map((n) => [n.on, n.body])).toEqual(
      expect.arrayContaining([
        ['Ratify the treaty.', 'First note'],
        ['Protect journalists.', 'Second note'],
        ['Ratify the treaty. Protect journalists.', 'First note\n\nSecond note\n\nWritten after the merge'],
      ]),
    );
  });

  it('new details taken back: the states, the ids and the notes as they were', async () => {
    const repo = await withNotes();
    const before = await seen(repo);
    const ids = (await repo.loadPage(URL)).recommendations.map((r) => r.id);
    const page = await repo.correctPage(URL, { meta: { recommendingState: 'Norway', recommendingStateCode: 'NOR' } });
    await repo.revertCorrection(URL, { step: lastStep(page) });
    const loaded = await repo.loadPage(URL);
    expect(loaded.page).toMatchObject({ recommendingStateCode: 'CAN', corrections: { meta: {} } });
    expect(loaded.recommendations.map((r) => r.id)).toEqual(ids);
    expect(await seen(repo)).toEqual(before);
  });

  it('an added recommendation taken back is gone, and the passage it came from is offered again', async () => {
    const repo = freshRepo();
    const offered = { text: 'Continue the dialogue', selector: selector('Continue the dialogue', 500) };
    await repo.capturePage({ ...capture(URL, TEXTS), candidates: [offered] });
    const page = await repo.correctPage(URL, { add: [offered] });
    expect((await repo.getPage(URL))?.candidates).toBeUndefined();
    await repo.revertCorrection(URL, { step: lastStep(page) });
    expect((await seen(repo)).listed).toEqual(TEXTS.slice().sort());
    expect((await repo.getPage(URL))?.candidates).toEqual([offered]);
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

const CANADA_TO_KAZAKHSTAN = { recommendingState: 'Canada', recommendingStateCode: 'CAN', stateUnderReview: 'Kazakhstan', stateUnderReviewCode: 'KAZ' };

/** A dataset row: Canada's recommendation to Kazakhstan at session 34, unless `over` says otherwise. */
async function datasetRow(text: string, over: Partial<StoredRecommendation> = {}): Promise<StoredRecommendation> {
  const who = { recommendingStateCode: 'CAN', stateUnderReviewCode: 'KAZ', session: 34, ...over };
  return {
    id: await recommendationId(text, who),
    pageUrl: null,
    n: 0,
    text,
    selector: null,
    ...CANADA_TO_KAZAKHSTAN,
    session: 34,
    cycle: 3,
    language: 'en',
    actionCategory: 5,
    themes: ['Torture and other cruel, inhuman or degrading treatment'],
    response: 'supported',
    source: 'import',
    createdAt: 500,
    updatedAt: 500,
    ...over,
  };
}

describe('one record per real recommendation (page capture + dataset row)', () => {
  const PAGE_TEXT = '1. To ratify the Optional Protocol to the Convention against Torture, as previously recommended;';
  const OFFICIAL = 'Ratify the Optional Protocol to the Convention against Torture';
  const dataset = { name: 'UPR Info database export: kz.csv', actionCategory: true, themes: true, response: true, reportSymbol: 'A/HRC/28/10', paragraph: '106.12' };
  const row = (text: string, over: Partial<StoredRecommendation> = {}) => datasetRow(text, { dataset, ...over });
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

describe('dataset rows, packed', () => {
  /** `count` dataset rows to `state` (Canada's, session 20), numbered. */
  const rows = (count: number, state = 'KAZ', from = 0): Promise<StoredRecommendation[]> =>
    Promise.all(
      Array.from({ length: count }, (_, i) =>
        datasetRow(`Row ${from + i} to ${state}: ratify the treaty`, { stateUnderReview: state, stateUnderReviewCode: state, session: 20, cycle: 2, themes: [], createdAt: 7, updatedAt: 7 }),
      ),
    );
  const byId = (list: StoredRecommendation[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

  it('writes a 1,200-row import as a few records (the speed of a 100,000-row import), read back row for row', async () => {
    const db = openUprDb({ name: `test-${++dbCount}` });
    const repo = createRepository(() => db);
    const kaz = await rows(1_100);
    const fin = await rows(100, 'FIN');
    expect(await repo.importRecommendations([...kaz, ...fin])).toEqual({ added: 1_200, updated: 0 });
    // One record per 500 rows of a state, not one per row.
    expect(await (await db).count('recommendations')).toBe(0);
    expect(await (await db).count('rowChunks')).toBe(4);
    expect(await repo.allRecommendations()).toEqual(byId([...kaz, ...fin]));
    expect((await repo.exportRecords()).recommendations).toEqual(byId([...kaz, ...fin]));
    expect((await repo.recommendationIds()).size).toBe(1_200);
    expect(await repo.countTo('KAZ')).toBe(1_100);
    expect(byId(await repo.recommendationsTo('FIN'))).toEqual(byId(fin));
    expect(await repo.getRecommendation(kaz[777]!.id)).toEqual(kaz[777]);
  });

  it('gives every packed row once to a paged read, with the page records, and counts them in its totals', async () => {
    const repo = freshRepo();
    const kaz = await rows(1_100);
    const fin = await rows(100, 'FIN');
    await repo.importRecommendations([...kaz, ...fin]);
    const [onPage] = await repo.capturePage(capture('https://example.gov/kz', ['Amend the law.']));
    const seen: string[] = [];
    let cursor: Parameters<typeof repo.recordsPage>[0] = null;
    let answers = 0;
    do {
      const page = await repo.recordsPage(cursor, 700);
      if (answers === 0) expect(page.total).toEqual({ pages: 1, recommendations: 1_201, notes: 0 });
      seen.push(...page.recommendations.map((r) => r.id));
      cursor = page.next;
      answers++;
    } while (cursor !== null && answers < 20);
    expect(cursor).toBeNull();
    expect(seen.sort()).toEqual([onPage!.id, ...kaz.map((r) => r.id), ...fin.map((r) => r.id)].sort());
  });

  it('imports the same rows again as updates, in place: the same count, the new answer, a note kept', async () => {
    const repo = freshRepo();
    const kaz = await rows(600);
    await repo.importRecommendations(kaz, 10);
    await repo.saveNote({ recommendationId: kaz[550]!.id }, { body: 'Follow this one', tags: ['treaties'] });
    const existing = await repo.recommendationIds();
    const again = kaz.map((r) => ({ ...r, response: 'noted' as const }));
    expect(await repo.importRecommendations(again, 20, { existing })).toEqual({ added: 0, updated: 600 });
    const all = await repo.allRecommendations();
    expect(all).toHaveLength(600);
    expect(new Set(all.map((r) => r.response))).toEqual(new Set(['noted']));
    expect(all.find((r) => r.id === kaz[550]!.id)).toMatchObject({ createdAt: 7, updatedAt: 20 });
    expect(await repo.getNote({ recommendationId: kaz[550]!.id })).toMatchObject({ body: 'Follow this one' });
  });

  it('round-trips a backup with rows: delete-all empties everything, the restore gives the same records back', async () => {
    const repo = freshRepo();
    await repo.capturePage(capture('https://example.gov/kz', ['Amend the law.']));
    await repo.importRecommendations([...(await rows(700)), ...(await rows(3, 'FIN'))]);
    const [first] = await repo.allRecommendations();
    await repo.saveNote({ recommendationId: first!.id }, { body: 'Kept in the backup' });
    const backup = await repo.exportRecords();
    expect(backup.recommendations).toHaveLength(704);
    await repo.deleteAll();
    expect(await repo.exportRecords()).toEqual({ pages: [], recommendations: [], notes: [] });
    expect(await repo.recommendationIds()).toEqual(new Set());
    await repo.importRecords(backup);
    expect(await repo.exportRecords()).toEqual(backup);
    // Restoring it over itself changes nothing either (each record stays in one place).
    await repo.importRecords(backup);
    expect(await repo.exportRecords()).toEqual(backup);
  });

  it('a page correction that gives a page record a dataset row’s id leaves one record with that id', async () => {
    const repo = freshRepo();
    const text = 'Ratify the treaty on enforced disappearance';
    const who = { recommendingStateCode: 'CAN', stateUnderReviewCode: 'KAZ', session: 20 };
    const [row] = await rows(1);
    const twin = { ...row!, id: await recommendationId(text, who), text };
    await repo.importRecommendations([twin]);
    // Read at session 34 first (another record), then corrected to the dataset's session 20: the same id.
    await repo.capturePage(capture('https://example.gov/kz', [text]));
    expect(await repo.allRecommendations()).toHaveLength(2);
    await repo.correctPage('https://example.gov/kz', { meta: { session: 20, cycle: 2 } });
    const all = await repo.allRecommendations();
    expect(all.map((r) => [r.id, r.pageUrl])).toEqual([[twin.id, 'https://example.gov/kz']]);
    expect(await repo.countTo('KAZ')).toBe(1);
  });
});

describe('notes of a page', () => {
  it('loads the notes of a page’s recommendations the same with few or many notes stored elsewhere', async () => {
    const repo = freshRepo();
    const [first, second] = await repo.capturePage(capture('https://example.gov/kz', ['Amend the law.', 'Ratify the treaty.']));
    await repo.saveNote({ recommendationId: second!.id }, { body: 'On the second' });
    await repo.saveNote({ recommendationId: first!.id }, { body: 'On the first' });
    const few = await repo.loadPage('https://example.gov/kz');
    expect(few.notes.map((n) => n.body)).toEqual(['On the first', 'On the second']);
    // Sixty other recommendations with notes: the page's are looked up one by one, with the same answer.
    const others = await repo.capturePage(capture('https://example.gov/other', Array.from({ length: 60 }, (_, i) => `Other recommendation ${i}.`)));
    for (const rec of others) await repo.saveNote({ recommendationId: rec.id }, { body: 'Elsewhere' });
    expect(await repo.loadPage('https://example.gov/kz')).toEqual(few);
    expect((await repo.exportRecords('https://example.gov/kz')).notes.map((n) => n.body).sort()).toEqual(['On the first', 'On the second']);
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
