// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parsePage } from '@/scripts/lib-dom';
import { detectUprPage } from '@/utils/detect';
import { extractStatement } from '@/utils/extract';
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
});
