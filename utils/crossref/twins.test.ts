import { describe, expect, it } from 'vitest';
import { isSameRecommendation, twinForm } from './twins';

describe('isSameRecommendation: a page’s wording and the UN record’s', () => {
  it.each([
    ['1. To ratify the Optional Protocol to the Convention against Torture;', 'Ratify the Optional Protocol to the Convention against Torture'],
    ['(b) that Kazakhstan’s “Law on Trade Unions” be amended, as previously recommended.', "that Kazakhstan's \"Law on Trade Unions\" be amended"],
    ['– Establish a national preventive mechanism against torture, with adequate resources; and', 'Establish a national preventive mechanism against torture with adequate resources'],
    ['Adopts a comprehensive anti-discrimination law that covers sexual orientation', 'Adopt a comprehensive anti-discrimination law that covers sexual orientation'],
    ['We recommend that civil society organisations be allowed to register freely', 'Civil society organizations be allowed to register freely'],
    ['Ratifier la Convention relative aux droits des personnes handicapées, tel que recommandé précédemment', 'Ratifier la Convention relative aux droits des personnes handicapées'],
  ])('%s ≡ %s', (a, b) => {
    expect(isSameRecommendation(a, b)).toBe(true);
  });

  it.each([
    ['Ratify the Optional Protocol to the Convention against Torture', 'Ratify the Optional Protocol to the Convention on the Rights of the Child'],
    ['Ratify the Optional Protocol to the Convention against Torture', 'Consider ratifying the Optional Protocol to the Convention against Torture'],
    ['Ratify the Optional Protocol to the Convention against Torture', 'Ratify the Optional Protocol to the Convention against Torture and establish a national preventive mechanism'],
    ['Abolish the death penalty', 'Establish a moratorium on the death penalty'],
    ['Ensure that journalists can work freely', 'Ensure that journalists cannot be detained'],
    ['', ''],
  ])('%s ≢ %s', (a, b) => {
    expect(isSameRecommendation(a, b)).toBe(false);
  });

  it('reads past list markers, lead-ins and the repeat formula', () => {
    expect(twinForm('iv) To ensure access to justice (as previously recommended).')).toBe('ensure access to justice');
  });
});
