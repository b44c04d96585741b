import { describe, expect, it } from 'vitest';
import { buildBackup, serializeBackupParts } from './backup';
import { buildCsv, buildCsvParts } from './csv';
import { dataOf, loadExample } from './export.test-support';
import { buildMarkdownParts } from './markdown';
import { jsonParts, joinedParts } from './parts';
import { buildW3cCollection } from './w3c';

const example = dataOf(loadExample());

/** `count` copies of the example's first recommendation, each its own. */
const many = (count: number) => ({
  ...example,
  recommendations: Array.from({ length: count }, (_, i) => ({ ...example.recommendations[0]!, id: `r${String(i).padStart(24, '0')}`, n: i + 1 })),
});

describe('files in parts', () => {
  it.each([
    ['a backup', buildBackup(example, 0)],
    ['a W3C collection', buildW3cCollection(example, { id: 'urn:uuid:1', now: 0 })],
    ['odd values', { a: [], b: {}, c: undefined, d: [{ e: [1, [2, {}]], f: null }], g: 'line\nbreak', h: () => 1, i: new Date(0) }],
  ])('writes %s as JSON.stringify(…, null, 2) would, a record a part', (_, value) => {
    const parts = jsonParts(value);
    expect(parts.join('')).toBe(JSON.stringify(value, null, 2));
  });

  it('writes a backup without any part holding more than one record', { timeout: 60_000 }, () => {
    const backup = buildBackup(many(20_000), 0);
    const parts = serializeBackupParts(backup);
    expect(parts.length).toBeGreaterThan(20_000);
    const longest = parts.reduce((max, p) => Math.max(max, p.length), 0);
    // A record's text, indented: never the whole array.
    const largestRecord = [...backup.pages, ...backup.notes, backup.recommendations[0]!].reduce((max, r) => Math.max(max, JSON.stringify(r, null, 2).length), 0);
    expect(longest).toBeLessThan(largestRecord * 2);
  });

  it('writes a CSV of more rows than a part holds exactly as one piece', () => {
    const data = many(5_001);
    const parts = buildCsvParts(data);
    expect(parts.length).toBe(2);
    const text = parts.join('');
    expect(text).toBe(buildCsv(data));
    expect(text.match(/\r\nrecommendation,/g)).toHaveLength(5_001);
  }, 60_000);

  it('writes a Markdown report in parts of lines', () => {
    const parts = buildMarkdownParts(many(6_000), { now: 0 });
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.join('')).toMatch(/^# UPR Annotator report\n\nMade 1970-01-01T00:00:00(\.000)?Z\. 6000 recommendations/);
    expect(joinedParts(['a', 'b', 'c'], '\n').join('')).toBe('a\nb\nc');
  }, 60_000);
});
