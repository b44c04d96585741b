import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/utils/model';
import { buildExportFile, slug } from './export-file';

const NOW = new Date('2026-11-29T10:00:00Z');
const EMPTY = { pages: [], recommendations: [], notes: [], settings: DEFAULT_SETTINGS };

describe('export files', () => {
  it.each([
    ['Côte d’Ivoire', 'cote-d-ivoire'],
    ['Iran (Islamic Republic of)', 'iran-islamic-republic-of'],
    ['  UPR 34 ', 'upr-34'],
  ])('slugs %j as %j', (text, expected) => {
    expect(slug(text)).toBe(expected);
  });

  it.each([
    ['json', 'upr-annotator-kazakhstan-upr34-2026-11-29.json', /"format": "upr-annotator-backup"/],
    ['csv', 'upr-annotator-kazakhstan-upr34-2026-11-29.csv', /^\uFEFFRow type,/],
    ['md', 'upr-annotator-kazakhstan-upr34-2026-11-29.md', /^# /],
    ['w3c', 'upr-annotator-kazakhstan-upr34-2026-11-29.jsonld', /"AnnotationCollection"/],
  ] as const)('names and builds a %s file', (format, name, content) => {
    const file = buildExportFile(format, EMPTY, NOW, ['Kazakhstan', 'UPR34']);
    expect(file.name).toBe(name);
    expect(file.text).toMatch(content);
  });
});
