import { describe, expect, it } from 'vitest';
import { createTranslator, numberFormat, resolveLanguage } from './index';
import { EN, FR } from './messages';

describe('i18n', () => {
  it.each([
    ['auto', 'fr-CA', 'fr'],
    ['auto', 'en-US', 'en'],
    ['auto', 'de', 'en'],
    ['auto', undefined, 'en'],
    ['fr', 'en-US', 'fr'],
    ['en', 'fr-FR', 'en'],
  ] as const)('setting %s with browser %s shows %s', (setting, browser, expected) => {
    expect(resolveLanguage(setting, browser)).toBe(expected);
  });

  it('fills values and picks plural forms per language', () => {
    expect(createTranslator('en')('recCount', { count: 1 })).toBe('1 recommendation');
    expect(createTranslator('en')('recCount', { count: 3 })).toBe('3 recommendations');
    expect(createTranslator('fr')('recCount', { count: 0 })).toBe('0 recommandation');
    expect(createTranslator('fr')('notSaved', { error: 'disque plein' })).toBe('Non enregistré : disque plein');
  });

  it('writes counts with the language\'s separators, and a count so written still picks its plural form', () => {
    expect(numberFormat('en')(300_000)).toBe('300,000');
    expect(numberFormat('fr')(300_000)).toBe('300\u202f000');
    expect(createTranslator('en')('recCount', { count: numberFormat('en')(1) })).toBe('1 recommendation');
    expect(createTranslator('en')('recCount', { count: numberFormat('en')(12_345) })).toBe('12,345 recommendations');
    expect(createTranslator('fr')('recCount', { count: numberFormat('fr')(1) })).toBe('1 recommandation');
    expect(createTranslator('fr')('recCount', { count: numberFormat('fr')(2_000) })).toBe('2\u202f000 recommandations');
  });

  it('has every English string in French, and no French string left in English', () => {
    expect(Object.keys(FR).sort()).toEqual(Object.keys(EN).sort());
    const same = Object.keys(EN).filter((k) => JSON.stringify(EN[k as keyof typeof EN]) === JSON.stringify(FR[k as keyof typeof FR]));
    // Words French writes as English does.
    expect(same).toEqual(['appName', 'noteCount', 'correctionsTitle']);
  });
});
