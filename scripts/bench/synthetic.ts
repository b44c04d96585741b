// Synthetic UPR recommendations for the cross-reference and import bench: deterministic (same seed, same data),
// shaped like the real thing — ~190 states, cycles 1–4 on the 14-session slot rule, UPR Info-style verbs and
// themes, about three quarters supported, and a share of each review repeating an earlier one.
import Papa from 'papaparse';
import { classifyRecommendation } from '@/utils/classify';
import type { StoredRecommendation } from '@/utils/model';
import { countryFromName, displayNameOf } from '@/utils/upr';
import countries from 'i18n-iso-countries';

export const SYNTHETIC_STATE_COUNT = 190;
const CYCLES = [1, 2, 3, 4] as const;
const SUPPORTED_SHARE = 0.75;
const REPEAT_SHARE = 0.2;
const RECOMMENDERS_PER_REVIEW = 100;
const BASE_TIME = Date.UTC(2024, 0, 1);

const VERBS = [
  'Ratify', 'Consider ratifying', 'Continue to strengthen', 'Continue its efforts to promote', 'Take measures to ensure',
  'Take all necessary steps to guarantee', 'Adopt', 'Urgently adopt', 'Establish', 'Amend', 'Repeal', 'Ensure', 'Strengthen',
  'Further strengthen', 'Seek technical assistance to implement', 'Guarantee', 'Promote', 'Investigate', 'Explore the possibility of establishing',
  'Intensify efforts to implement', 'Develop', 'Abolish', 'Criminalize', 'Maintain', 'Review',
];
const OBJECTS = [
  'the Optional Protocol to the Convention against Torture', 'the Second Optional Protocol to the ICCPR aiming at the abolition of the death penalty',
  'a comprehensive anti-discrimination law', 'the independence of the judiciary', 'the national human rights institution in line with the Paris Principles',
  'a national action plan on gender equality', 'the protection of human rights defenders and journalists', 'freedom of expression online and offline',
  'freedom of peaceful assembly and association', 'access to quality education for all children', 'access to health care in rural areas',
  'measures to combat domestic violence against women and girls', 'legislation criminalizing trafficking in persons', 'the rights of persons with disabilities',
  'the rights of indigenous peoples to their ancestral lands', 'conditions of detention and reduce prison overcrowding', 'the rights of migrants and refugees',
  'a moratorium on executions', 'birth registration for all children', 'the Convention on the Rights of Persons with Disabilities',
  'the International Convention for the Protection of All Persons from Enforced Disappearance', 'the Rome Statute of the International Criminal Court',
  'legislation prohibiting corporal punishment in all settings', 'laws that criminalize same-sex relations', 'a standing invitation to all special procedures',
  'its overdue reports to the treaty bodies', 'access to safe drinking water and sanitation', 'the fight against corruption in public institutions',
  'counter-terrorism legislation in line with international standards', 'the kafala system for migrant workers', 'free and fair elections',
  'the right to adequate housing and prevent forced evictions', 'food security for the poorest households', 'human rights education in school curricula',
  'investigations into allegations of excessive use of force by security forces', 'impunity for attacks against civil society',
  'the freedom of religion or belief of minorities', 'the participation of women in public life', 'child labour and child marriage',
  'the protection of internally displaced persons', 'respect for international humanitarian law', 'the implementation of accepted UPR recommendations',
];
const TAILS = [
  '', '', '', 'in line with international standards', 'with the support of the international community', 'as a matter of priority',
  'by allocating adequate human and financial resources', 'in consultation with civil society', 'including in rural and remote areas',
  'with a view to its full implementation', 'and report on progress in its mid-term report', 'without delay', 'in law and in practice',
  'particularly for women and girls', 'for all persons under its jurisdiction', 'in accordance with its international obligations',
];
const REPEAT_MARKERS = ['', '', ', as previously recommended', ' (previously recommended)'];

/** A small fast PRNG (mulberry32): the same seed gives the same data on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

let stateCodes: string[] | null = null;

/** ~190 states whose display name reads back to the same code, so the CSV import resolves every one. */
export function syntheticStates(): string[] {
  stateCodes ??= Object.keys(countries.getAlpha3Codes())
    .sort()
    .filter((code) => countryFromName(displayNameOf(code))?.code === code)
    .slice(0, SYNTHETIC_STATE_COUNT);
  return stateCodes;
}

/** The session of a state's review in a cycle: a slot in cycle 2 (13–26), ±14 per cycle, cycle 1 one session earlier. */
function sessionOf(slot: number, cycle: number): number {
  return cycle === 1 ? Math.min(12, Math.max(1, slot - 13)) : slot + 14 * (cycle - 2);
}

function hexId(random: () => number): string {
  let id = 'r';
  for (let i = 0; i < 24; i++) id += Math.floor(random() * 16).toString(16);
  return id;
}

/** `count` synthetic stored recommendations (source 'import'), deterministic for a seed. */
export function syntheticRecommendations(count: number, seed = 1): StoredRecommendation[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const states = syntheticStates();
  const reviews = CYCLES.flatMap((cycle) => states.map((code, i) => ({ code, cycle, session: sessionOf(13 + (i % 14), cycle) })));
  const perReview = Math.ceil(count / reviews.length);
  const textsByState = new Map<string, string[]>();
  const records: StoredRecommendation[] = [];
  for (const review of reviews) {
    const earlier = textsByState.get(review.code) ?? [];
    const fresh: string[] = [];
    const said = new Set<string>();
    const recommenders = Array.from({ length: RECOMMENDERS_PER_REVIEW }, () => pick(states)).filter((c) => c !== review.code);
    for (let n = 0; n < perReview && records.length < count; n++) {
      const recommending = pick(recommenders);
      let text = '';
      // The same words in the same review are one recommendation (a joint one when several states make it), not two.
      for (let attempt = 0; !text || said.has(text.toLowerCase()); attempt++) {
        text =
          earlier.length > 0 && random() < REPEAT_SHARE
            ? `${pick(earlier)}${pick(REPEAT_MARKERS)}`
            : [pick(VERBS), pick(OBJECTS), pick(TAILS)].filter(Boolean).join(' ');
        if (attempt > 20) text = `${text} (${n + 1})`;
      }
      said.add(text.toLowerCase());
      fresh.push(text);
      const { actionCategory, themes } = classifyRecommendation(text, 'en');
      const time = BASE_TIME + records.length;
      records.push({
        id: hexId(random),
        pageUrl: null,
        n: 0,
        text,
        selector: null,
        recommendingState: displayNameOf(recommending),
        recommendingStateCode: recommending,
        stateUnderReview: displayNameOf(review.code),
        stateUnderReviewCode: review.code,
        session: review.session,
        cycle: review.cycle,
        language: 'en',
        actionCategory,
        themes,
        response: review.cycle === 4 && random() < 0.3 ? null : random() < SUPPORTED_SHARE ? 'supported' : 'noted',
        source: 'import',
        createdAt: time,
        updatedAt: time,
      });
    }
    textsByState.set(review.code, [...earlier, ...fresh]);
  }
  return records;
}

/** The records as a dataset CSV of the kind users import (UPR Info-like header names). */
export function syntheticCsv(records: readonly StoredRecommendation[]): string {
  return Papa.unparse({
    fields: ['Recommendation', 'Recommending State', 'State under Review', 'Session', 'Response', 'Issues', 'Action category'],
    data: records.map((r) => [
      r.text,
      r.recommendingState ?? '',
      r.stateUnderReview ?? '',
      r.session ?? '',
      r.response === 'supported' ? 'Supported' : r.response === 'noted' ? 'Noted' : '',
      r.themes.join('; '),
      r.actionCategory ?? '',
    ]),
  });
}
