import 'fake-indexeddb/auto';
import { openDB, type IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { createRepository, openUprDb } from './repository';
import { DB_VERSION, MIGRATIONS, type UprDb } from './schema';

// What a database written by each earlier version held: one page, two recommendations, a note with tags.
// A new migration needs a seed for the version before it, or the test below fails.
const PAGE_V1 = {
  url: 'https://example.gov/kz',
  title: 'Kazakhstan - UPR 34',
  recommendingState: 'Canada',
  recommendingStateCode: 'CAN',
  stateUnderReview: 'Kazakhstan',
  stateUnderReviewCode: 'KAZ',
  session: 34,
  cycle: 3,
  date: '2019-11-07',
  language: 'en',
  capturedAt: 1,
};

/** A recommendation as version 1 wrote it: the page's states were on the page only. */
function recommendationV1(c: string, i: number) {
  return {
    id: `r${c.repeat(24)}`,
    pageUrl: PAGE_V1.url,
    n: i + 1,
    text: `Recommendation ${c}`,
    selector: { quote: { type: 'TextQuoteSelector', exact: `Recommendation ${c}`, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 16 } },
    recommendingStateCode: 'CAN',
    stateUnderReviewCode: 'KAZ',
    session: 34,
    cycle: 3,
    source: 'page',
    createdAt: 1,
    updatedAt: 1,
  };
}

const SEEDS: Record<number, { pages: object[]; recommendations: object[]; notes: object[]; tags?: object[] }> = {
  1: {
    pages: [PAGE_V1],
    recommendations: ['a', 'b'].map(recommendationV1),
    notes: [{ id: `n${'a'.repeat(24)}`, recommendationId: `r${'a'.repeat(24)}`, body: 'Written with version 1', tags: ['labour'], createdAt: 1, updatedAt: 2 }],
  },
  // Version 2: classification on recommendations, orphans and corrections on pages, page notes, status and deletion
  // on notes, the tags store.
  2: {
    pages: [{ ...PAGE_V1, orphanIds: [], corrections: { meta: {}, rejected: ['recommendation c'] } }],
    recommendations: ['a', 'b', 'c'].map((c, i) => ({
      ...recommendationV1(c, i),
      recommendingState: 'Canada',
      stateUnderReview: 'Kazakhstan',
      language: 'en',
      actionCategory: null,
      themes: [],
      response: null,
    })),
    notes: [
      { id: `n${'a'.repeat(24)}`, recommendationId: `r${'a'.repeat(24)}`, pageUrl: null, body: 'Written with version 2', tags: ['labour'], status: 'none', createdAt: 1, updatedAt: 2, deletedAt: null },
      { id: `n${'d'.repeat(24)}`, recommendationId: `r${'b'.repeat(24)}`, pageUrl: null, body: 'Deleted, undoable', tags: ['old'], status: 'none', createdAt: 1, updatedAt: 4, deletedAt: 5 },
    ],
    tags: [{ name: 'labour', count: 1, updatedAt: 2 }],
  },
};

// Version 3: the unread indexes gone; dataset rows (no page) stored one record each beside the page's, one with a
// note, one without a state under review.
const REC_V2 = SEEDS[2]!.recommendations as Record<string, unknown>[];
const datasetRowV3 = (c: string, over: object = {}) => ({
  ...REC_V2[0],
  id: `r${c.repeat(24)}`,
  pageUrl: null,
  n: 0,
  selector: null,
  text: `Dataset row ${c}`,
  session: 20,
  cycle: 2,
  response: 'supported',
  source: 'import',
  ...over,
});
SEEDS[3] = {
  pages: SEEDS[2]!.pages,
  recommendations: [...REC_V2, datasetRowV3('e'), datasetRowV3('f', { stateUnderReview: null, stateUnderReviewCode: null })],
  notes: [
    { ...(SEEDS[2]!.notes[0] as object), body: 'Written with version 3' },
    SEEDS[2]!.notes[1]!,
    { id: `n${'e'.repeat(24)}`, recommendationId: `r${'e'.repeat(24)}`, pageUrl: null, body: 'On a dataset row', tags: ['labour'], status: 'done', createdAt: 1, updatedAt: 3, deletedAt: null },
  ],
  tags: [{ name: 'labour', count: 2, updatedAt: 3 }],
};

async function createAt(name: string, version: number) {
  const db = await openDB(name, version, {
    async upgrade(db, _old, _new, tx) {
      for (let v = 0; v < version; v++) await MIGRATIONS[v]!(db, tx);
    },
  });
  const seed = SEEDS[version]!;
  const stores = ['pages', 'recommendations', 'notes', ...(seed.tags ? ['tags'] : [])];
  const tx = db.transaction(stores, 'readwrite');
  for (const page of seed.pages) await tx.objectStore('pages').put(page);
  for (const rec of seed.recommendations) await tx.objectStore('recommendations').put(rec);
  for (const note of seed.notes) await tx.objectStore('notes').put(note);
  for (const tag of seed.tags ?? []) await tx.objectStore('tags').put(tag);
  await tx.done;
  db.close();
}

/** Every record of every store, as stored. */
async function readEverything(db: IDBPDatabase<UprDb>) {
  return {
    pages: await db.getAll('pages'),
    recommendations: await db.getAll('recommendations'),
    notes: await db.getAll('notes'),
    tags: await db.getAll('tags'),
  };
}

describe('schema', () => {
  it('opens a new database at the current version with every store and index', async () => {
    const db = await openUprDb({ name: 'schema-new' });
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['notes', 'pages', 'recommendations', 'rowChunks', 'rowIds', 'tags']);
    const tx = db.transaction(['pages', 'recommendations', 'notes', 'tags']);
    // Only the indexes the repository reads: the others cost every write and served nothing.
    expect([...tx.objectStore('pages').indexNames]).toEqual([]);
    expect([...tx.objectStore('recommendations').indexNames].sort()).toEqual(['pageUrl', 'stateUnderReviewCode']);
    expect([...tx.objectStore('notes').indexNames].sort()).toEqual(['pageUrl', 'recommendationId']);
    expect([...tx.objectStore('tags').indexNames]).toEqual([]);
    db.close();
  });

  it('upgrades a version-2 database to 3 with every record and note as it was, and finds them by page', async () => {
    await createAt('schema-2-to-3', 2);
    const old = await openDB<UprDb>('schema-2-to-3', 2);
    const before = await readEverything(old);
    old.close();
    expect([before.pages.length, before.recommendations.length, before.notes.length, before.tags.length]).toEqual([1, 3, 2, 1]);

    const db = openUprDb({ name: 'schema-2-to-3' });
    expect((await db).version).toBe(DB_VERSION);
    expect(await readEverything(await db)).toEqual(before);
    const repo = createRepository(() => db);
    const loaded = await repo.loadPage('https://example.gov/kz');
    // The rejected one stays stored and out of the list; the deleted note stays out of every view but the backup.
    expect(loaded.recommendations.map((r) => r.text)).toEqual(['Recommendation a', 'Recommendation b']);
    expect(loaded.notes.map((n) => n.body)).toEqual(['Written with version 2']);
    expect((await repo.exportRecords()).notes.map((n) => n.body).sort()).toEqual(['Deleted, undoable', 'Written with version 2']);
    expect(await repo.listTags()).toEqual(['labour']);
    (await db).close();
  });

  it('upgrades a version-3 database to 4: dataset rows packed, every record, page and note read as before', async () => {
    await createAt('schema-3-to-4', 3);
    const old = await openDB<UprDb>('schema-3-to-4', 3);
    const before = await readEverything(old);
    old.close();
    expect(before.recommendations).toHaveLength(5);

    const db = openUprDb({ name: 'schema-3-to-4' });
    const repo = createRepository(() => db);
    // The rows left `recommendations` for the packed stores; the repository gives the same records as before.
    expect((await (await db).getAll('recommendations')).map((r) => r.id)).toEqual(before.recommendations.filter((r) => r.pageUrl !== null).map((r) => r.id));
    expect(await repo.allRecommendations()).toEqual(before.recommendations);
    const exported = await repo.exportRecords();
    expect(exported).toEqual({ pages: before.pages, recommendations: before.recommendations, notes: before.notes });
    expect(await repo.recommendationIds()).toEqual(new Set(before.recommendations.map((r) => r.id)));
    expect(await repo.countTo('KAZ')).toBe(4);
    expect((await repo.recommendationsTo('KAZ')).map((r) => r.id).sort()).toEqual(['a', 'b', 'c', 'e'].map((c) => `r${c.repeat(24)}`));
    expect(await repo.getRecommendation(`r${'f'.repeat(24)}`)).toEqual(before.recommendations[4]);
    expect(await repo.getNote({ recommendationId: `r${'e'.repeat(24)}` })).toMatchObject({ body: 'On a dataset row', status: 'done' });
    // A note on a dataset row can still be written.
    expect((await repo.saveNote({ recommendationId: `r${'f'.repeat(24)}` }, { body: 'New on a row' })).body).toBe('New on a row');
    (await db).close();
  });

  it('has a seed for every earlier version', () => {
    for (let version = 1; version < DB_VERSION; version++) expect(SEEDS[version], `seed for version ${version}`).toBeDefined();
  });

  it.each(Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1))('upgrades a version-%i database without losing a note', async (version) => {
    const name = `schema-from-${version}`;
    await createAt(name, version);
    const db = openUprDb({ name });
    const repo = createRepository(() => db);
    const loaded = await repo.loadPage('https://example.gov/kz');
    expect((await db).version).toBe(DB_VERSION);
    expect(loaded.recommendations.map((r) => [r.text, r.stateUnderReview, r.themes, r.response])).toEqual([
      ['Recommendation a', 'Kazakhstan', [], null],
      ['Recommendation b', 'Kazakhstan', [], null],
    ]);
    expect(loaded.notes).toEqual([expect.objectContaining({ body: `Written with version ${version}`, status: 'none', deletedAt: null, pageUrl: null, tags: ['labour'] })]);
    expect(loaded.orphans).toEqual([]);
    expect(await repo.listTags()).toEqual(['labour']);
    // …and the upgraded database takes new writes.
    const note = await repo.saveNote({ recommendationId: `r${'b'.repeat(24)}` }, { body: 'after the upgrade', tags: ['labour'] });
    expect(note.body).toBe('after the upgrade');
    expect(await repo.listTags()).toEqual(['labour']);
    (await db).close();
  });
});
