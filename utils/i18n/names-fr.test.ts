import { describe, expect, it } from 'vitest';
import { THEMES } from '@/utils/classify';
import { countryFromCode, CYCLE_ONE_SESSIONS } from '@/utils/upr';
import { createTranslator } from './index';
import { FRENCH_STATES, FRENCH_THEMES, frenchStateForms } from './names-fr';

describe('states in French prose', () => {
  it.each([
    ['FRA', 'France', 'la France', 'de la France', 'à la France'],
    ['KAZ', 'Kazakhstan', 'le Kazakhstan', 'du Kazakhstan', 'au Kazakhstan'],
    ['USA', 'États-Unis', 'les États-Unis', 'des États-Unis', 'aux États-Unis'],
    ['IRN', 'Iran', "l'Iran", "de l'Iran", "à l'Iran"],
    ['CUB', 'Cuba', 'Cuba', 'de Cuba', 'à Cuba'],
    ['ISR', 'Israël', 'Israël', "d'Israël", 'à Israël'],
    ['HTI', 'Haïti', 'Haïti', "d'Haïti", 'à Haïti'],
    ['MHL', 'Îles Marshall', 'les Îles Marshall', 'des Îles Marshall', 'aux Îles Marshall'],
    ['GBR', 'Royaume-Uni', 'le Royaume-Uni', 'du Royaume-Uni', 'au Royaume-Uni'],
  ])('%s: %s, %s, %s, %s', (code, name, withArticle, of, to) => {
    expect(frenchStateForms(code, 'x')).toEqual({ name, withArticle, of, to });
  });

  it('keeps a state it does not know, without inventing an article', () => {
    expect(frenchStateForms(null, 'Atlantis')).toEqual({ name: 'Atlantis', withArticle: 'Atlantis', of: "d'Atlantis", to: 'à Atlantis' });
  });

  it('has the 193 UN member states and the two observer states, each a real ISO code, first-cycle states included', () => {
    const codes = Object.keys(FRENCH_STATES);
    expect(codes).toHaveLength(195);
    expect(codes.filter((code) => countryFromCode(code) === null)).toEqual([]);
    expect(Object.keys(CYCLE_ONE_SESSIONS).filter((code) => !(code in FRENCH_STATES))).toEqual([]);
  });

  it('writes the sentences of the panel with the right articles', () => {
    const t = createTranslator('fr');
    expect(t('earlierNone', { ofState: 'de la France', toSur: 'au Kazakhstan' })).toBe('Aucune recommandation antérieure de la France au Kazakhstan n’est encore enregistrée.');
    expect(t('cycle', { cycle: 1 })).toBe('1er cycle');
    expect(t('cycle', { cycle: 3 })).toBe('3e cycle');
    expect(createTranslator('en')('cycle', { cycle: 1 })).toBe('cycle 1');
  });
});

describe('themes in French', () => {
  it('names every theme, each differently', () => {
    expect(Object.keys(FRENCH_THEMES).sort()).toEqual([...THEMES].sort());
    expect(new Set(Object.values(FRENCH_THEMES)).size).toBe(THEMES.length);
  });
});
