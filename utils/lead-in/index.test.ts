// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parsePage } from '@/scripts/lib-dom';
import { detectUprPage } from '@/utils/detect';
import { extractStatement } from '@/utils/extract';

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
