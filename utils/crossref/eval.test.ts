import { readFileSync } from 'node:fs';
import { foldText } from '@/utils/classify';
import { describe, expect, it } from 'vitest';
import { createCrossrefIndex, normalizeInstruments, type CrossrefRecord } from './index';
import { scorePairSets, type LabelledPair } from './eval';

const { pairs } = JSON.parse(readFileSync(new URL('./pairs.json', import.meta.url), 'utf8')) as { pairs: LabelledPair[] };

describe('the labelled pairs (npm run crossref-eval)', () => {
  const sets = scorePairSets(pairs);

  it('holds same-language and cross-language pairs, same and not same, tuning and held-out', () => {
    for (const report of [sets.tuning, sets.heldOut]) {
      for (const s of [report.sameLanguage, report.crossLanguage]) {
        expect(s.positives).toBeGreaterThan(2);
        expect(s.pairs - s.positives).toBeGreaterThan(2);
      }
    }
  });

  // Floors at today's figures: a change to the vocabulary or the thresholds that loses any of them fails here.
  it.each([
    ['tuning, same language', () => sets.tuning.sameLanguage, 1, 0.93],
    ['tuning, across languages', () => sets.tuning.crossLanguage, 1, 0.92],
    ['held-out, same language', () => sets.heldOut.sameLanguage, 1, 0.4],
    ['held-out, across languages', () => sets.heldOut.crossLanguage, 1, 0.6],
  ] as const)('%s: precision ≥ %d, recall ≥ %d', (_name, get, precision, recall) => {
    expect(get().precision).toBeGreaterThanOrEqual(precision);
    expect(get().recall).toBeGreaterThanOrEqual(recall);
  });
});

describe('instruments and languages in earlierFor', () => {
  const earlier = (text: string, over: Partial<CrossrefRecord> = {}): CrossrefRecord => ({
    id: `r${Math.random().toString(16).slice(2, 14).padEnd(24, '0')}`,
    text,
    stateUnderReviewCode: 'KAZ',
    recommendingStateCode: 'FRA',
    recommendingState: 'France',
    session: 20,
    cycle: 2,
    themes: [],
    response: 'noted',
    pageUrl: null,
    ...over,
  });
  const later = { stateUnderReviewCode: 'KAZ', recommendingStateCode: 'FRA', cycle: 3, themes: [] };

  it('sees "…to the ICCPR" as a repeat of "…to the International Covenant on Civil and Political Rights…"', () => {
    const full = earlier('Ratify the Second Optional Protocol to the International Covenant on Civil and Political Rights, aiming at the abolition of the death penalty');
    const [match] = createCrossrefIndex([full, earlier('Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights')]).earlierFor({
      ...later,
      text: 'Ratify the Second Optional Protocol to the ICCPR',
    });
    expect(match?.record.id).toBe(full.id);
    expect(match?.repeat).toBe(true);
  });

  it('finds the English twin of a French recommendation from an earlier cycle, and the French twin of a Spanish one', () => {
    const english = earlier('Abolish the death penalty for all crimes, including for acts of terrorism');
    const french = earlier('Ratifier le Statut de Rome de la Cour pénale internationale');
    const index = createCrossrefIndex([english, french, earlier('Ensure the independence of the judiciary')]);
    const [fromFrench] = index.earlierFor({ ...later, text: 'Abolir la peine de mort pour tous les crimes, y compris pour les actes de terrorisme' });
    expect(fromFrench).toMatchObject({ record: { id: english.id }, repeat: true });
    const [fromSpanish] = index.earlierFor({ ...later, text: 'Ratificar el Estatuto de Roma de la Corte Penal Internacional' });
    expect(fromSpanish).toMatchObject({ record: { id: french.id }, repeat: true });
  });

  it.each([
    ['OP-CAT', 'opcat'],
    ['the Optional Protocol to the Convention against Torture', 'opcat'],
    ['le Protocole facultatif se rapportant à la Convention contre la torture', 'opcat'],
    ['ICCPR-OP2', 'op2iccpr'],
    ['la CEDEF', 'cedaw'],
    ['el PIDESC', 'icescr'],
    ['la Convención sobre los Derechos de las Personas con Discapacidad', 'crpd'],
  ])('names %s as %s', (name, token) => {
    expect(normalizeInstruments(foldText(name).split(/[^a-z0-9]+/).join(' ')).split(' ')).toContain(token);
  });
});
