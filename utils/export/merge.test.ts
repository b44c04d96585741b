import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTING_KEYS, type Note } from '@/utils/model';
import type { BackupData } from './backup';
import { CONFLICT_TAG, applyImport, previewImport, resolveW3cImport } from './merge';
import { editableNoteId } from './read-json';
import { buildW3cCollection, parseW3c } from './w3c';
import { FROZEN_NOW, dataOf, deepFreeze, loadExample } from './export.test-support';

const example = deepFreeze(dataOf(loadExample()));
const note0 = example.notes[0]!;
const empty: BackupData = deepFreeze({ pages: [], recommendations: [], notes: [], settings: DEFAULT_SETTINGS });
const withNotes = (data: BackupData, notes: Note[]): BackupData => ({ ...data, notes });
const replaceNote = (data: BackupData, note: Note): BackupData => withNotes(data, data.notes.map((n) => (n.id === note.id ? note : n)));

describe('previewImport / applyImport', () => {
  it('adds everything into an empty store, and applying gives the backup back (inputs untouched)', () => {
    const preview = previewImport(empty, example);
    expect(preview.added.notes).toHaveLength(example.notes.length);
    expect(preview.added.recommendations).toHaveLength(example.recommendations.length);
    expect(preview.added.pages).toHaveLength(example.pages.length);
    expect(preview.conflicts).toEqual([]);
    // Restoring with every setting ticked gives the backup back; with none, the store keeps its own settings.
    expect(applyImport(empty, example, SETTING_KEYS)).toEqual(example);
    expect(applyImport(empty, example)).toEqual({ ...example, settings: DEFAULT_SETTINGS });
  });

  it('changes nothing when the same backup is imported again', () => {
    const preview = previewImport(example, example);
    expect(preview.unchanged).toEqual({ pages: 3, recommendations: 9, notes: 7 });
    expect(preview.writes).toEqual({ pages: [], recommendations: [], notes: [] });
    expect(preview.settingChanges).toEqual([]);
    expect(applyImport(example, example)).toEqual(example);
  });

  it('takes a newer page capture and recommendation, keeps the stored one when the file is older', () => {
    const page = { ...example.pages[0]!, title: 'Retitled', capturedAt: example.pages[0]!.capturedAt + 1 };
    const older = { ...example.recommendations[1]!, themes: ['Other'], updatedAt: example.recommendations[1]!.updatedAt - 1 };
    const incoming = { ...example, pages: [page], recommendations: [older], notes: [] };
    const preview = previewImport(example, incoming);
    expect(preview.updated.pages).toEqual([page]);
    expect(preview.unchanged.recommendations).toBe(1);
    const after = applyImport(example, incoming);
    expect(after.pages[0]).toEqual(page);
    expect(after.recommendations[1]).toEqual(example.recommendations[1]);
  });

  it('follows the newer version of a note that differs only in time or deletion', () => {
    const deleted = { ...note0, deletedAt: note0.updatedAt + 10, updatedAt: note0.updatedAt + 10 };
    const preview = previewImport(example, replaceNote(example, deleted));
    expect(preview.updated.notes).toEqual([deleted]);
    expect(preview.conflicts).toEqual([]);
  });

  describe('a note changed on both sides', () => {
    const incomingNewer = { ...note0, body: 'Edited on the laptop', updatedAt: note0.updatedAt + 60_000 };
    const incomingOlder = { ...note0, body: 'Edited on the old laptop', tags: ['old'], updatedAt: note0.updatedAt - 60_000 };

    it('keeps the newer one under the id and the stored one as a tagged copy', () => {
      const preview = previewImport(example, replaceNote(example, incomingNewer));
      expect(preview.conflicts).toHaveLength(1);
      const [conflict] = preview.conflicts;
      expect(conflict!.kept).toEqual(incomingNewer);
      // The copy's id is one the extension can name, to edit or delete it.
      expect(conflict!.copy).toEqual({ ...note0, id: editableNoteId(`${note0.id}~${note0.updatedAt}`, note0.recommendationId === null), tags: [...note0.tags, CONFLICT_TAG] });
      expect(conflict!.copy!.id).toMatch(/^[np][0-9a-f]{24}$/);
      const after = applyImport(example, replaceNote(example, incomingNewer));
      expect(after.notes.find((n) => n.id === note0.id)).toEqual(incomingNewer);
      expect(after.notes.filter((n) => n.body === note0.body)).toHaveLength(1);
      expect(after.notes).toHaveLength(example.notes.length + 1);
    });

    it('keeps the stored one when it is newer, and the file’s as a tagged copy', () => {
      const after = applyImport(example, replaceNote(example, incomingOlder));
      expect(after.notes.find((n) => n.id === note0.id)).toEqual(note0);
      const copyId = editableNoteId(`${note0.id}~${incomingOlder.updatedAt}`, note0.recommendationId === null);
      expect(after.notes.find((n) => n.id === copyId)).toEqual({ ...incomingOlder, id: copyId, tags: ['old', CONFLICT_TAG] });
    });

    it('keeps the stored one on a tie', () => {
      const tie = { ...note0, body: 'Same minute, other words' };
      expect(previewImport(example, replaceNote(example, tie)).conflicts[0]!.kept).toEqual(note0);
    });

    it('makes no second copy when the same file is imported twice', () => {
      const file = replaceNote(example, incomingOlder);
      const once = applyImport(example, file);
      const twice = applyImport(once, file);
      expect(twice).toEqual(once);
      expect(previewImport(once, file).writes.notes).toEqual([]);
    });
  });

  it('lists the settings the file would change and keeps the user’s own unless chosen', () => {
    const current = { ...example, settings: { language: 'en' as const, knownHostsOnly: true, disabledHosts: ['a.example'] } };
    expect(previewImport(current, example).settingChanges).toEqual([
      { key: 'language', current: 'en', incoming: 'fr' },
      { key: 'knownHostsOnly', current: true, incoming: false },
      { key: 'disabledHosts', current: ['a.example'], incoming: ['a.example', 'www.example.org'] },
    ]);
    expect(applyImport(current, example).settings).toEqual(current.settings);
    expect(applyImport(current, example, ['disabledHosts']).settings).toEqual({ language: 'en', knownHostsOnly: true, disabledHosts: ['a.example', 'www.example.org'] });
  });

  it('takes the chosen settings from the file but keeps every host turned off on either side', () => {
    const current = { ...example, settings: { language: 'en' as const, knownHostsOnly: true, disabledHosts: ['a.example'] } };
    const after = applyImport(current, example, ['language', 'knownHostsOnly', 'disabledHosts']);
    expect(after.settings).toEqual({ language: 'fr', knownHostsOnly: false, disabledHosts: ['a.example', 'www.example.org'] });
  });

  it('changes no setting with a file that carries none (a statement’s export)', () => {
    const { settings: _none, ...statementExport } = example;
    expect(previewImport(example, statementExport).settingChanges).toEqual([]);
    expect(applyImport(example, statementExport, ['language']).settings).toEqual(example.settings);
  });
});

describe('resolveW3cImport', () => {
  const w3c = JSON.stringify(buildW3cCollection(example, { id: 'urn:x:export', now: FROZEN_NOW }));

  it('re-imports our own W3C export onto the stored data without a change', () => {
    const incoming = resolveW3cImport(example, parseW3c(w3c));
    expect(incoming.recommendations).toEqual([]);
    const preview = previewImport(example, incoming);
    expect(preview.writes.notes).toEqual([]);
    expect(preview.unchanged.notes).toBe(example.notes.filter((n) => n.deletedAt === null).length);
  });

  it('brings notes and recommendations from our W3C export into an empty store', () => {
    const after = applyImport(empty, resolveW3cImport(empty, parseW3c(w3c)));
    expect(after.notes).toHaveLength(example.notes.filter((n) => n.deletedAt === null).length);
    expect(after.recommendations).toHaveLength(example.recommendations.length);
    expect(after.recommendations.every((r) => r.source === 'import')).toBe(true);
    const rec = after.recommendations.find((r) => r.id === example.recommendations[0]!.id)!;
    expect(rec).toMatchObject({ text: example.recommendations[0]!.text, selector: example.recommendations[0]!.selector, actionCategory: 5, n: 1 });
  });

  it('attaches a foreign annotation to the stored recommendation with the same page and text', () => {
    const rec = example.recommendations[3]!;
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://hyp.example/a/1',
      type: 'Annotation',
      bodyValue: 'Vu.',
      target: { source: rec.pageUrl, selector: { type: 'TextQuoteSelector', exact: `  ${rec.text.toUpperCase()} ` } },
    };
    const incoming = resolveW3cImport(example, parseW3c(JSON.stringify(foreign), FROZEN_NOW));
    expect(incoming.recommendations).toEqual([]);
    expect(incoming.notes).toEqual([expect.objectContaining({ recommendationId: rec.id, body: 'Vu.' })]);
  });
});
