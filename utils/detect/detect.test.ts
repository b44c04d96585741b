// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPage, parsePage } from '@/scripts/lib-dom';
import { SHAPES, renderShape } from '@/utils/extract/shapes/shapes.test-support';
import { sharedPath } from '@/tests/shared-data.test-support';
import { drain } from '@/utils/steps';
import { detectInSteps, detectUprPage } from './index';

interface Label { file: string; url: string; kind: string }

/** The labels of a folder of labelled pages, after checking every page has its label and every label its page. */
function readLabels(dir: string): Label[] {
  const names = readdirSync(dir);
  const labels = names.filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Label);
  expect(names.filter((f) => f.endsWith('.html')).sort()).toEqual(labels.map((l) => l.file).sort());
  return labels;
}

// The project's own pages always; the shared development set when it is beside the clone. Floors, so a folder that
// lost its pages fails instead of passing with nothing in it.
const SETS = [
  { name: 'tests/pages', dir: join(__dirname, '../../tests/pages'), statements: 18, negatives: 12 },
  { name: '../shared/fixtures', dir: sharedPath('fixtures', 'detection on the shared development pages'), statements: 17, negatives: 15 },
].flatMap((set) => (set.dir ? [{ ...set, dir: set.dir }] : []));

describe.each(SETS)('detectUprPage on $name', ({ dir, statements, negatives }) => {
  const labels = readLabels(dir);

  it(`has at least ${statements} statements and ${negatives} look-alikes, each a page with its label`, () => {
    expect(labels.filter((l) => l.kind === 'statement').length).toBeGreaterThanOrEqual(statements);
    expect(labels.filter((l) => l.kind === 'negative').length).toBeGreaterThanOrEqual(negatives);
    expect(labels.every((l) => l.kind === 'statement' || l.kind === 'negative')).toBe(true);
  });

  it.each(labels.map((l) => [l.file, l] as const))('%s', (_file, label) => {
    const detection = detectUprPage(loadPage(join(dir, label.file), label.url), label.url);
    expect(detection.detected, detection.reasons.join('; ')).toBe(label.kind === 'statement');
    expect(detection.reasons.length).toBeGreaterThan(0);
  });
});

describe('detectUprPage on hand-written shapes', () => {
  it.each(SHAPES.map((s) => [s.name, s] as const))('%s', (_name, shape) => {
    const detection = detectUprPage(parsePage(renderShape(shape), shape.url), shape.url);
    expect(detection.detected, `${detection.score}: ${detection.reasons.join('; ')}`).toBe(shape.statement);
  });
});

describe('detectUprPage reasons and gate', () => {
  it('quotes the lead-in and names the adoption stage', () => {
    const ok = SHAPES[0]!;
    expect(detectUprPage(parsePage(renderShape(ok), ok.url), ok.url).reasons).toContain("lead-in: 'Ireland recommends that Chile'");
    const adoption = SHAPES.find((s) => s.name.includes('Item 6'))!;
    const reasons = detectUprPage(parsePage(renderShape(adoption), adoption.url), adoption.url).reasons.join('\n');
    expect(reasons).toMatch(/negative: adoption of the outcome \(Item 6\)/);
  });

  it('stops after the cheap reads on a big page that never mentions the UPR', () => {
    const paragraph = '<p>Our supreme group recommends that you renew your permit: bring two photos and a form.</p>';
    const doc = parsePage(`<html><head><title>Permits</title></head><body><main><h1>Permits</h1>${paragraph.repeat(12_000)}</main></body></html>`);
    const detection = detectUprPage(doc, 'https://www.example.gov/permits');
    expect(detection).toEqual({ detected: false, score: 0, reasons: ['no mention of the Universal Periodic Review'] });
  });

  it('reads a bounded opening of a huge page that does mention the UPR', () => {
    // One 5 MB text node with its only lead-in at the very end: too far to be read, so no recommending phrase.
    const doc = parsePage(`<html><head><title>UPR 34: Kazakhstan</title></head><body><main><p>${'budget '.repeat(700_000)} Canada recommends that Kazakhstan:</p><ol><li>Ratify it.</li></ol></main></body></html>`);
    const detection = detectUprPage(doc, 'https://www.example.gov/news/budget');
    expect(detection.detected).toBe(false);
    expect(detection.reasons).toContain('negative: no recommending phrase');
  });

  it('reads the UPR in a class-less breadcrumb, "UPR48" glued to its number, and ignores "we recommend that you" and sidebars', () => {
    const page = (crumb: string, aside = '') => parsePage(`<html><head><title>Statement on Peru</title></head><body>
<nav aria-label="Breadcrumb"><ol><li>Home</li><li>${crumb}</li></ol></nav><main><p>We recommend that you enable cookies.</p>
<p>Ireland recommends that Peru:</p><ol><li>Ratify the Escazú Agreement.</li></ol>${aside}</main></body></html>`);
    expect(detectUprPage(page('Universal Periodic Review'), 'https://www.example.ie/peru').reasons).toContain("lead-in: 'Ireland recommends that Peru'");
    expect(detectUprPage(page('UPR48'), 'https://www.example.ie/peru').detected).toBe(true);
    expect(detectUprPage(page('Human rights'), 'https://www.example.ie/peru').detected).toBe(false);
    const withSidebar = page('UPR48', '<aside><h2>Latest news</h2><ul><li>Item 6: adoption of the UPR outcome of Chile</li></ul></aside>');
    expect(detectUprPage(withSidebar, 'https://www.example.ie/peru').detected).toBe(true);
  });

  it('reads a long page that mentions the UPR in steps (its body text in one, the patterns in the next) to its whole verdict', () => {
    const items = Array.from({ length: 3_000 }, (_, i) => `<li>Guarantee the right to education in district ${i + 1}.</li>`).join('');
    const doc = parsePage(`<html><head><title>UPR 41: Finland</title></head><body><main><p>Canada recommends that Finland:</p><ol>${items}</ol></main></body></html>`);
    const url = 'https://www.example.gc.ca/upr/finland';
    const steps = detectInSteps(doc, url);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).toBe(2);
    expect(step.value).toEqual({
      detected: true,
      score: 9,
      reasons: ['title or headings mention the Universal Periodic Review', 'address mentions the UPR', "lead-in: 'Canada recommends that Finland'", "session marker: 'UPR 41'"],
    });
    // A page the cheap look turns down is done at once.
    const permits = parsePage('<html><head><title>Permits</title></head><body><main><p>Bring two photos.</p></main></body></html>');
    const other = detectInSteps(permits, 'https://www.example.gov/permits');
    expect(other.next().done).toBe(true);
    expect(drain(detectInSteps(permits, 'https://www.example.gov/permits')).detected).toBe(false);
  });

  it('does not match UPR or EPU inside other words', () => {
    const doc = parsePage('<html><head><title>Supreme support for Europe</title></head><body><main><h1>Eupraxia and superpowers</h1><p>We recommend that Canada: <ol><li>Ratify it.</li></ol></p></main></body></html>');
    expect(detectUprPage(doc, 'https://www.example.org/supreme-europe').detected).toBe(false);
  });

  it('imports only the lead-in patterns, the host table and the steps: no country tables or extractor in the always-on script', () => {
    const source = readFileSync(join(__dirname, 'index.ts'), 'utf8');
    expect(source.match(/^\s*import\s.*$/gm)).toEqual([
      "import { LABEL_LEAD_IN, LEAD_IN, isStatesLeadIn } from '@/utils/lead-in';",
      "import { isGovernmentDomain } from '@/utils/upr/hosts';",
      "import { drain, type Steps } from '@/utils/steps';",
    ]);
    // They stay import-free, so the detector pulls in nothing else through them.
    for (const file of ['../lead-in/index.ts', '../upr/hosts.ts', '../steps/index.ts']) expect(readFileSync(join(__dirname, file), 'utf8'), file).not.toMatch(/^\s*import\s/m);
  });

  it('reads a verb glued to its subject ("Werecommend that"), and French and Spanish "make N recommendations"', () => {
    const page = (lead: string, lang = 'en') => parsePage(`<html lang="${lang}"><head><title>Universal Periodic Review of Peru</title></head><body><main><p>${lead}</p><ul><li>Ratify the Escazú Agreement.</li></ul></main></body></html>`);
    const detected = (lead: string, lang?: string) => detectUprPage(page(lead, lang), 'https://www.example.org/peru').detected;
    expect(detected('Werecommend that Peru:')).toBe(true);
    expect(detected('Nous souhaiterions également formuler deux recommandations :', 'fr')).toBe(true);
    expect(detected('Quisiéramos formular dos recomendaciones:', 'es')).toBe(true);
    expect(detected('España recomendaría al Perú:', 'es')).toBe(true);
    expect(detected('Nous souhaitons recommander au Pérou :', 'fr')).toBe(true);
    expect(detected('Quisiéramos recomendar al Perú:', 'es')).toBe(true);
    expect(detected('Recommandations de la France :', 'fr')).toBe(true);
    expect(detected('Canada’s recommendations to Peru:')).toBe(true);
    expect(detected('Amnesty International’s recommendations to Peru:')).toBe(false);
    expect(detected('Nous souhaiterions formuler des remarques :', 'fr')).toBe(false);
  });

  it('finds the UPR named in the eighth opening paragraph, after the greetings', () => {
    const greetings = ['Thank you, Mr President.', 'Excellencies,', 'Distinguished delegates,', 'Good morning.', 'It is an honour to speak today.', 'We thank the Troika.', 'We welcome the delegation.'];
    const doc = parsePage(`<html><head><title>Statement on Kenya</title></head><body><main>${greetings.map((g) => `<p>${g}</p>`).join('')}<p>This is our statement at the Universal Periodic Review of Kenya.</p><p>We recommend that Kenya:</p><ol><li>Ratify the Optional Protocol.</li></ol></main></body></html>`);
    expect(detectUprPage(doc, 'https://www.example.org/kenya').detected).toBe(true);
  });

  it('takes a linked headline that quotes a lead-in for a pointer, not a statement', () => {
    const page = (item: string) => parsePage(`<html><head><title>Universal Periodic Review: latest</title></head><body><main><ul>${item}</ul></main></body></html>`);
    const headline = 'Norway recommends that Australia raise the age of criminal responsibility';
    expect(detectUprPage(page(`<li><a href="/a">${headline}</a></li><li><a href="/b">France recommends that Madagascar abolish the death penalty</a></li>`), 'https://news.example.org/upr').detected).toBe(false);
    expect(detectUprPage(page(`<li>${headline}.</li>`), 'https://news.example.org/upr').detected).toBe(true);
  });

  it('tells a recommending state praising implementation from the state under review counting its own', () => {
    const page = (sentence: string) => parsePage(`<html><head><title>UPR 35: Statement on Kenya</title></head><body><main><p>${sentence}</p><p>We recommend that Kenya:</p><ol><li>Ratify the Optional Protocol.</li></ol></main></body></html>`);
    const detected = (sentence: string) => detectUprPage(page(sentence), 'https://www.example.org/kenya').detected;
    expect(detected('We supported Kenya’s efforts to implement recommendations from its last review.')).toBe(true);
    expect(detected('We noted with appreciation the steps Kenya took on earlier recommendations.')).toBe(true);
    expect(detected('Since our last review we have implemented most of the recommendations.')).toBe(false);
    expect(detected('We received 253 recommendations and accepted 192.')).toBe(false);
  });

  it('takes a page of several statements for a statement, and advice to states in general for none', () => {
    const body = ['Angola', 'Bolivia', 'Egypt'].map((s) => `<h2>${s}</h2><p>Norway recommends that ${s}:</p><ol><li>Adopts a law on equality.</li></ol>`).join('');
    const session = parsePage(`<html><head><title>UPR 34: Norway’s statements</title></head><body><main>${body}</main></body></html>`);
    expect(detectUprPage(session, 'https://www.norway.no/upr34').detected).toBe(true);
    const advice = (lead: string) => parsePage(`<html><head><title>Universal Periodic Review of Peru</title></head><body><main><p>${lead}</p><ul><li>Ratify the Escazú Agreement.</li></ul></main></body></html>`);
    expect(detectUprPage(advice('We recommend that states ask Peru to:'), 'https://ngo.example.org/').detected).toBe(false);
    expect(detectUprPage(advice('Nous recommandons aux États de demander au Pérou de :'), 'https://ngo.example.org/').detected).toBe(false);
    expect(detectUprPage(advice('Critics say that states recommend that their allies do little:'), 'https://ngo.example.org/').detected).toBe(false);
  });
});
