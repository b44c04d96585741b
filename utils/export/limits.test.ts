// What an import accepts can always be exported, backed up and imported again: the readers' bounds at their edges.
import { describe, expect, it } from 'vitest';
import { NoteIdSchema } from '@/utils/model';
import * as v from 'valibot';
import { buildBackup, parseBackup, serializeBackup } from './backup';
import { buildCsv } from './csv';
import { dataOf, loadExample } from './export.test-support';
import { buildMarkdown } from './markdown';
import { applyImport, resolveW3cImport } from './merge';
import { ImportError, MAX_IMPORT_RECORDS, MAX_TIME } from './read-json';
import { buildW3cCollection, parseW3c } from './w3c';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const long = (n: number, c = 'x') => c.repeat(n);

/** A W3C file at every edge a foreign tool (or a hostile one) can reach. */
function extremeFile(): string {
  const annotation = (i: number, extra: Record<string, unknown>) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `https://annotations.example.org/${long(1_900)}/${i}`,
    type: 'Annotation',
    created: i === 0 ? '+275760-09-13T00:00:00.000Z' : '1970-01-01T00:00:00.000Z',
    modified: '+275760-09-13T00:00:00.000Z',
    body: [
      { type: 'TextualBody', value: `Note ${i}` },
      ...Array.from({ length: 150 }, (_, t) => ({ type: 'TextualBody', purpose: 'tagging', value: `tag ${t} ${long(300)}` })),
      ...Array.from({ length: 150 }, (_, t) => ({ type: 'SpecificResource', purpose: 'tagging', source: `urn:upr-annotator:theme:${t}${long(300)}` })),
    ],
    ...extra,
  });
  return JSON.stringify({
    type: 'AnnotationCollection',
    first: {
      type: 'AnnotationPage',
      items: [
        // A target that claims to be ours with an id of no shape of ours, a language tag far too long.
        annotation(0, { target: { id: `urn:upr-annotator:recommendation:${long(1_500, 'Z')}`, type: 'TextualBody', value: 'Abolish the death penalty.', language: `en-${long(300, 'a')}` } }),
        annotation(1, { id: `urn:upr-annotator:note:${long(1_000, '%')}`, target: { source: 'https://www.example.org/upr/statement', selector: [{ type: 'TextQuoteSelector', exact: 'Ratify the treaty.' }] } }),
        annotation(2, { target: 'https://www.example.org/upr/statement' }),
      ],
    },
  });
}

describe('import limits', () => {
  it('stores from an extreme W3C file only what exports, backs up and imports again, every note editable', () => {
    const current = { pages: [], recommendations: [], notes: [], settings: dataOf(loadExample()).settings };
    const incoming = resolveW3cImport(current, parseW3c(extremeFile(), NOW));
    const stored = applyImport(current, incoming);
    expect(stored.notes).toHaveLength(3);
    for (const note of stored.notes) {
      expect(v.is(NoteIdSchema, note.id)).toBe(true);
      expect(note.tags.length).toBeLessThanOrEqual(20);
    }
    expect(stored.recommendations.every((r) => r.language === null && r.themes.length <= 100 && /^r[0-9a-f]{24}$/.test(r.id))).toBe(true);

    const backup = serializeBackup(buildBackup(stored, NOW));
    expect(parseBackup(backup).notes.map((n) => n.id).sort()).toEqual(stored.notes.map((n) => n.id).sort());
    expect(() => buildCsv(stored)).not.toThrow();
    expect(() => buildMarkdown(stored, { now: NOW })).not.toThrow();
    const w3c = JSON.stringify(buildW3cCollection(stored, { id: 'urn:uuid:1', now: NOW }));
    expect(parseW3c(w3c, NOW).notes.map((n) => n.id).sort()).toEqual(stored.notes.map((n) => n.id).sort());
  });

  it('refuses a backup with a date past the year 275760, saying so', () => {
    const data = dataOf(loadExample());
    const text = serializeBackup(buildBackup(data, NOW)).replace(`"updatedAt": ${data.notes[0]!.updatedAt}`, `"updatedAt": ${MAX_TIME + 1}`);
    expect(() => parseBackup(text)).toThrow(/275760/);
  });

  it('writes the reports of a store that already holds such a date (from an older version) rather than failing', () => {
    const data = dataOf(loadExample());
    const odd = { ...data, notes: data.notes.map((n, i) => (i === 0 ? { ...n, updatedAt: 9e15 } : n)) };
    expect(buildCsv(odd)).toContain('+275760-09-13T00:00:00.000Z');
    expect(() => buildMarkdown(odd, { now: NOW })).not.toThrow();
  });

  it('refuses a W3C file of more annotations than a store can take back from its own backup', { timeout: 60_000 }, () => {
    const item = '{"id":"a","type":"Annotation","target":"https://www.example.org/p"}';
    const text = `[${Array.from({ length: MAX_IMPORT_RECORDS + 1 }, () => item).join(',')}]`;
    const error = (() => {
      try {
        parseW3c(text, NOW);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toContain('at most 200,000');
  });
});
