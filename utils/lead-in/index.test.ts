// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePage } from '@/scripts/lib-dom';
import { detectUprPage } from '@/utils/detect';
import { extractStatement } from '@/utils/extract';
import { normalizeSpace } from '@/utils/extract/lines';
import { LABEL_LEAD_IN, LEAD_IN, RECALL_LEAD_IN, mayHoldLeadIn, widen } from './index';

const URL = 'https://www.example.org/peru';

function statement(lead: string, lang = 'en'): string {
  return `<html lang="${lang}"><head><title>Universal Periodic Review of Peru</title></head><body><main>
<p>Thank you, Mr President. We welcome the delegation of Peru and its national report.</p>
<p>${lead}</p><ol><li>Ratify the Escazú Agreement.</li><li>Adopt a law against torture.</li></ol>
<p>Thank you.</p></main></body></html>`;
}

describe('one lexicon for the detector and the extractor', () => {
  // Each of these lead-ins was known to one side only before the two shared utils/lead-in: a page whose only lead-in
  // it was would be extracted but never offered (or offered and read empty).
  it.each([
    ['We put forward two recommendations:'],
    ['We have eight recommendations:'],
    ['We have three key recommendations:'],
    ['Nous souhaitons formuler six recommandations :', 'fr'],
    ['Quisiéramos formular seis recomendaciones:', 'es'],
  ])('"%s": the page is detected and its two recommendations read', (lead, lang = 'en') => {
    const html = statement(lead, lang);
    expect(detectUprPage(parsePage(html, URL), URL).detected).toBe(true);
    expect(extractStatement(parsePage(html, URL), URL).recommendations.map((r) => r.text)).toEqual(['Ratify the Escazú Agreement.', 'Adopt a law against torture.']);
  });

  it('a Public Defender recommending is not a state, for the extractor as for the detector', () => {
    const html = statement('Our Public Defender recommends that all ministries:');
    expect(detectUprPage(parsePage(html, URL), URL).detected).toBe(false);
    expect(extractStatement(parsePage(html, URL), URL).recommendations).toEqual([]);
  });
});

describe('a quick look for a lead-in before the patterns', () => {
  // Each kind of phrase the patterns know, as pages write them: glued to its subject, in capitals, across a soft
  // hyphen or a zero-width space, in any white space.
  const leadIns = [
    'Canada recommends that Kazakhstan:',
    'Werecommend that Iceland',
    'NORWAY RECOMMENDS THAT FINLAND:',
    'We have three key\nrecommendations:',
    'Nous souhaitons formuler six recommandations :',
    'La France recommande au Pérou de',
    'Quisiéramos formular seis recomendaciones:',
    'Chile recomienda a Perú:',
    'We reiterate our previous recommendation to',
    'Canada’s recommendations to Kenya:',
    'Recom\u00admendations:',
    'We recom\u200bmend that Peru',
  ];
  const raw = widen([LEAD_IN, RECALL_LEAD_IN], 'iu');
  it.each(leadIns)('"%s" may hold one, and the patterns find it', (text) => {
    expect(mayHoldLeadIn(text)).toBe(true);
    const spaced = text.replace(/[\u00ad\u200b]/g, '').replace(/\s+/g, ' ');
    expect(raw.test(spaced) || LABEL_LEAD_IN.test(spaced)).toBe(true);
  });

  it('a line that names no recommendation holds none: the patterns are not tried on it', () => {
    for (const text of ['Ratify the Optional Protocol to the Convention against Torture;', 'We welcome the delegation of Peru.', 'Nous saluons la délégation du Pérou.', 'Section 4: interactive dialogue'])
      expect([text, mayHoldLeadIn(text)]).toEqual([text, false]);
  });

  it('never turns away a line any of the patterns would find a lead-in in, whatever its case, spacing and invisible characters', () => {
    const words = ['recommends', 'recommend', 'recommandons', 'recommande', 'recomiendan', 'recomendamos', 'recommendations', 'recommandations',
      'recomendaciones', 'following', 'the', 'that', 'We', 'Canada', 'have', 'three', 'formuler', 'deux', 'reiterates', 'its', 'previous', 'our', ':', 'to', 'Kenya', 'Amnesty'];
    const piece = fc.oneof(fc.constantFrom(...words), fc.constantFrom(' ', '  ', '\n', '\u00a0', '\u00ad', '\u200b', '\ufeff'), fc.string({ maxLength: 4 }));
    const caseOf = (text: string, flips: boolean[]) => [...text].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c.toLowerCase())).join('');
    // Invisible characters dropped inside a word too ("recom­mends").
    const line = fc.tuple(fc.array(piece, { maxLength: 10 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), fc.nat(40)).map(([parts, flips, at]) => {
      const text = caseOf(parts.join(' '), flips);
      return `${text.slice(0, at)}\u00ad${text.slice(at)}`;
    });
    fc.assert(
      fc.property(line, (text) => !(raw.test(text) || LABEL_LEAD_IN.test(normalizeSpace(text))) || mayHoldLeadIn(text)),
      { numRuns: 3_000 },
    );
    // (The generator does reach lines with lead-ins: the property is not true for want of them.)
    expect(fc.sample(line, { numRuns: 3_000, seed: 7 }).filter((text) => raw.test(text)).length).toBeGreaterThan(20);
  });
});
