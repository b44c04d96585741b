import { describe, expect, it } from 'vitest';
import { createTranslator } from '@/utils/i18n';
import { facetValueLabel, formatSize } from './dashboard-format';

const en = createTranslator('en');
const fr = createTranslator('fr');

describe('formatSize', () => {
  it.each([
    [0, 'en', '0.0 MB'],
    [1_000, 'en', '0.1 MB'],
    [1.25 * 1024 * 1024, 'en', '1.3 MB'],
    [250 * 1024 * 1024, 'en', '250 MB'],
    [3 * 1024 ** 3, 'en', '3.0 GB'],
    [1.25 * 1024 * 1024, 'fr', '1,3 Mo'],
  ] as const)('%d bytes in %s: %s', (bytes, language, expected) => {
    expect(formatSize(bytes, language === 'en' ? en : fr, language)).toBe(expected);
  });
});

describe('facetValueLabel', () => {
  it.each([
    ['cycle', '3', 'cycle 3'],
    ['session', '34', 'UPR 34'],
    ['actionCategory', '5', '5 · Specific action'],
    ['hasNotes', 'yes', 'With a note'],
    ['hasNotes', 'no', 'Without a note'],
    ['tag', 'labour', 'labour'],
  ] as const)('%s %s reads %s', (key, value, expected) => {
    expect(facetValueLabel(key, value, en)).toBe(expected);
  });
});
