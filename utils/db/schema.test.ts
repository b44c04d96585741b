import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { createRepository, openUprDb } from './repository';
import { DB_VERSION, MIGRATIONS, type UprDb } from './schema';

// What a database written by each earlier version held: one page, two recommendations, a note with tags.
// A new migration needs a seed for the version before it, or the test below fails.
const SEEDS: Record<number, { pages: object[]; recommendations: object[]; notes: object[] }> = {
  1: {
    pages: [
      {
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
      },
    ],
    recommendations: ['a', 'b'].map((c, i) => ({
      id: `r${c.repeat(24)}`,
      pageUrl: 'https://example.gov/kz',
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
    })),
    notes: [{ id: `n${'a'.repeat(24)}`, recommendationId: `r${'a'.repeat(24)}`, body: 'Written with version 1', tags: ['labour'], createdAt: 1, updatedAt: 2 }],
  },
};

async function createAt(name: string, version: number) {
  const db = await openDB<UprDb>(name, version, {
    async upgrade(db, _old, _new, tx) {
      for (let v = 0; v < version; v++) await MIGRATIONS[v]!(db, tx);
    },
  });
  const seed = SEEDS[version]!;
  const tx = db.transaction(['pages', 'recommendations', 'notes'], 'readwrite');
  for (const page of seed.pages) await tx.objectStore('pages').put(page as never);
  for (const rec of seed.recommendations) await tx.objectStore('recommendations').put(rec as never);
  for (const note of seed.notes) await tx.objectStore('notes').put(note as never);
  await tx.done;
  db.close();
}

describe('schema', () => {
  it('opens a new database at the current version with every store and index', async () => {
    const db = await openUprDb({ name: 'schema-new' });
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['notes', 'pages', 'recommendations', 'tags']);
    const tx = db.transaction(['recommendations', 'notes']);
    expect([...tx.objectStore('recommendations').indexNames].sort()).toEqual(
      ['cycle', 'pageUrl', 'recommendingStateCode', 'session', 'stateUnderReviewCode', 'themes'].sort(),
    );
    expect([...tx.objectStore('notes').indexNames].sort()).toEqual(['pageUrl', 'recommendationId', 'tags', 'updatedAt']);
    db.close();
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
    expect(loaded.notes).toEqual([expect.objectContaining({ body: 'Written with version 1', status: 'none', deletedAt: null, pageUrl: null, tags: ['labour'] })]);
    expect(loaded.orphans).toEqual([]);
    expect(await repo.listTags()).toEqual(['labour']);
    // …and the upgraded database takes new writes.
    const note = await repo.saveNote({ recommendationId: `r${'b'.repeat(24)}` }, { body: 'after the upgrade', tags: ['labour'] });
    expect(note.body).toBe('after the upgrade');
    expect(await repo.listTags()).toEqual(['labour']);
    (await db).close();
  });
});
