// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPage, normalizeRecommendation, parsePage } from '@/scripts/lib-dom';
import { SHAPES, renderShape } from './shapes/shapes.test-support';
import { sharedPath } from '@/tests/shared-data.test-support';
import { countryFromName } from '@/utils/upr';
import { extractStatement, type Extraction } from './index';

interface Label {
  file: string; url: string; kind: string; language: string; recommendationsComplete: boolean;
  expected: {
    recommendingState: string; stateUnderReview: string | null; session: number; cycle: number; date: string | null; recommendations: string[];
    /** On a page of several statements: each one's state under review, session, date and number of recommendations. */
    statements?: { stateUnderReview: string; session: number; date: string | null; recommendations: number }[];
  } | null;
}

const PAGES = join(__dirname, '../../tests/pages');

function readStatements(dir: string): Label[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Label)
    .filter((l) => l.kind === 'statement');
}

function expectRangesMatchTexts(extraction: Extraction): void {
  for (const rec of extraction.recommendations) {
    // Soft hyphens and zero-width characters stay in the page but not in the text.
    expect(rec.range.toString().replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '').replace(/[\s\u00a0]+/g, ' ').trim()).toBe(rec.text);
    expect(extraction.root.contains(rec.range.commonAncestorContainer)).toBe(true);
  }
}

// The project's own pages always; the shared development set when it is beside the clone.
const SETS = [
  { name: 'tests/pages', dir: PAGES, floor: 18 },
  { name: '../shared/fixtures', dir: sharedPath('fixtures', 'extraction on the shared development pages'), floor: 17 },
].flatMap((set) => (set.dir ? [{ ...set, dir: set.dir }] : []));

describe.each(SETS)('extractStatement on the statements of $name', ({ dir, floor }) => {
  const statements = readStatements(dir);

  it(`has at least ${floor} statements, each labelled with what it recommends`, () => {
    expect(statements.length).toBeGreaterThanOrEqual(floor);
    for (const label of statements) expect(label.expected?.recommendations.length, label.file).toBeGreaterThan(0);
  });

  it.each(statements.map((l) => [l.file, l] as const))('%s', (_file, label) => {
    const extraction = extractStatement(loadPage(join(dir, label.file), label.url), label.url);
    const { page } = extraction;
    const expected = label.expected!;
    const code = (name: string | null) => (name === null ? null : countryFromName(name)!.code);
    expect(page.recommendingStateCode).toBe(code(expected.recommendingState));
    expect(page.stateUnderReviewCode).toBe(code(expected.stateUnderReview));
    expect([page.session, page.cycle, page.date, page.language]).toEqual([expected.session, expected.cycle, expected.date, label.language]);
    if (label.recommendationsComplete) {
      expect(extraction.recommendations.map((r) => normalizeRecommendation(r.text))).toEqual(expected.recommendations.map(normalizeRecommendation));
      expect(extraction.recommendations.map((r) => r.n)).toEqual(expected.recommendations.map((_, i) => i + 1));
    }
    // A page-level state under review means one statement; none means several, each with its own.
    expect(extraction.statements.length > 1).toBe(expected.stateUnderReview === null);
    expect(extraction.statements.flatMap((s) => s.recommendations)).toEqual(extraction.recommendations.map((r) => r.n));
    expectRangesMatchTexts(extraction);
  });
});

// Pages of several statements: each sub-statement's state under review, date and number of recommendations.
const SUB_STATEMENTS: Readonly<Record<string, readonly [string, string | null, number][]>> = {
  '114-australia-multi-upr41-session-page': [['BHR', '2022-11-07', 2], ['ECU', '2022-11-07', 2], ['TUN', '2022-11-08', 1]],
  // Cut inside the third sub-heading: Guinea's statement has no recommendations left.
  '211-australia-multi-upr49-session-page': [['KIR', '2025-04-28', 3], ['KGZ', '2025-04-28', 3], ['GIN', null, 0]],
};

describe.each(SETS)('sub-statements of the pages of several statements in $name', ({ dir }) => {
  const pages = readStatements(dir).filter((l) => l.expected!.stateUnderReview === null);

  it.each(pages.map((l) => [l.file, l] as const))('%s: each with its own state, date and recommendations', (file, label) => {
    const extraction = extractStatement(loadPage(join(dir, file), label.url), label.url);
    const labelled = label.expected!.statements?.map((s) => [countryFromName(s.stateUnderReview)?.code, s.date, s.recommendations]);
    expect(extraction.statements.map((s) => [s.stateUnderReviewCode, s.date, s.recommendations.length])).toEqual(SUB_STATEMENTS[file.replace(/\.html$/, '')] ?? labelled);
    for (const rec of extraction.recommendations) expect(extraction.statements[rec.statement]!.recommendations).toContain(rec.n);
  });
});

describe('extractStatement on hand-written shapes', () => {
  const statements = SHAPES.filter((s) => s.statement);

  it.each(statements.map((s) => [s.name, s] as const))('%s', (_name, shape) => {
    const extraction = extractStatement(parsePage(renderShape(shape), shape.url), shape.url);
    expect(extraction.recommendations.map((r) => normalizeRecommendation(r.text))).toEqual(shape.recommendations!.map(normalizeRecommendation));
    const page = extraction.page;
    const want = shape.expected ?? {};
    const got = {
      recommendingState: page.recommendingStateCode, stateUnderReview: page.stateUnderReviewCode, session: page.session,
      cycle: page.cycle, date: page.date, language: page.language,
    };
    expect(Object.fromEntries(Object.keys(want).map((k) => [k, got[k as keyof typeof got]]))).toEqual(want);
    if (shape.statements) expect(extraction.statements.map((s) => [s.stateUnderReviewCode, s.recommendations.length])).toEqual(shape.statements);
    else expect(extraction.statements).toHaveLength(1);
    expectRangesMatchTexts(extraction);
  });

  it('starts each range after the marker and ends it before "; and"', () => {
    const shape = SHAPES[0]!;
    const { recommendations } = extractStatement(parsePage(renderShape(shape), shape.url), shape.url);
    expect(recommendations[1]!.range.toString()).toBe('Guarantee access to safe abortion services in all regions');
    const glued = SHAPES.find((s) => s.name.startsWith('glued markers'))!;
    const first = extractStatement(parsePage(renderShape(glued), glued.url), glued.url).recommendations[0]!;
    expect(first.range.startContainer.textContent!.slice(first.range.startOffset, first.range.startOffset + 5)).toBe('Enact');
  });

  it('spans inline elements inside one item', () => {
    const doc = parsePage('<html lang="en"><head><title>UPR 44: Peru</title></head><body><main><p>We recommend that Peru:</p><ol><li>Ratify the <em>Escazú</em> Agreement <a href="#n1">promptly</a>;</li></ol></main></body></html>');
    const [rec] = extractStatement(doc, 'https://x.gov/').recommendations;
    expect(rec!.text).toBe('Ratify the Escazú Agreement promptly');
    expect(rec!.range.toString()).toBe('Ratify the Escazú Agreement promptly');
  });

  it('finds nothing in menus, breadcrumbs, share widgets or footers', () => {
    const shape = SHAPES.find((s) => s.name.startsWith('ordered list'))!;
    const texts = extractStatement(parsePage(renderShape(shape), shape.url), shape.url).recommendations.map((r) => r.text);
    expect(texts.join(' ')).not.toMatch(/Facebook|Home|Privacy|Human rights/);
  });

  it('resolves "We recommend" to the author named in the title or by the site', () => {
    const doc = parsePage('<html lang="en"><head><title>UPR 51: statement on Australia</title></head><body><main><h1>UPR 51: statement on Australia</h1><p>We recommend that Australia:</p><ol><li>Raise the minimum age of criminal responsibility.</li></ol></main></body></html>');
    const { page } = extractStatement(doc, 'https://www.gov.uk/government/speeches/upr51');
    expect([page.recommendingStateCode, page.recommendingState, page.stateUnderReviewCode, page.session, page.cycle]).toEqual(['GBR', 'United Kingdom', 'AUS', 51, 4]);
  });

  it('reads a numeric date month first on a U.S. site and day first elsewhere', () => {
    const html = '<html lang="en"><head><title>UPR 34: Iraq</title></head><body><main><p>Posted 11/07/2019</p><p>We recommend that Iraq:</p><ol><li>Ratify the Optional Protocol.</li></ol></main></body></html>';
    expect(extractStatement(parsePage(html), 'https://geneva.usmission.gov/2019/upr-iraq/').page.date).toBe('2019-11-07');
    expect(extractStatement(parsePage(html), 'https://www.example.gc.ca/upr-iraq').page.date).toBe('2019-07-11');
  });

  it('stays fast and linear on a statement with 300 recommendations', () => {
    const items = Array.from({ length: 300 }, (_, i) => `<li>Ensure that measure number ${i + 1} is funded, monitored and reported on every year;</li>`).join('');
    const doc = parsePage(`<html lang="en"><head><title>UPR 40: Togo</title></head><body><main><p>Canada recommends that Togo:</p><ol>${items}</ol></main></body></html>`);
    extractStatement(doc, 'https://x.gov/');
    const started = performance.now();
    const { recommendations } = extractStatement(doc, 'https://x.gov/');
    expect(recommendations).toHaveLength(300);
    expect(recommendations[299]!.text).toBe('Ensure that measure number 300 is funded, monitored and reported on every year');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('takes no items from a "Recommendations" or "We recommend" heading over links, documents or last cycle\'s record', () => {
    const page = (body: string) => parsePage(`<html lang="en"><head><title>UPR 42: Switzerland</title></head><body><main><p>Statement on the Universal Periodic Review of Switzerland, 26 January 2023, with the documents of the review.</p>${body}</main></body></html>`);
    const texts = (body: string) => extractStatement(page(body), 'https://x.gov/').recommendations.map((r) => r.text);
    expect(texts('<h2>Recommendations</h2><ul><li><a href="/a">Ensure your organisation is registered</a></li><li><a href="/b">Adopted recommendations (PDF)</a></li></ul>')).toEqual([]);
    expect(texts('<h2>Recommendations</h2><ul><li>National report of Switzerland</li><li>Compilation of United Nations information</li><li>Summary of stakeholders’ submissions</li></ul>')).toEqual([]);
    expect(texts('<h2>Recommendations from the previous cycle</h2><ul><li>Ratify the Optional Protocol.</li><li>Adopt a law on equality.</li></ul>')).toEqual([]);
    expect(texts('<h2>Recommendations</h2><p>Switzerland received 317 recommendations in its last review.</p><ul><li>Ratify the Optional Protocol.</li></ul>')).toEqual([]);
    expect(texts('<h3>We recommend</h3><ul><li><a href="/r">Understanding the Universal Periodic Review in ten minutes</a></li></ul>')).toEqual([]);
    expect(texts('<h2>Recommendations to Switzerland</h2><ul><li>Ratify the Optional Protocol.</li><li>Adopt a law on equality.</li></ul>')).toEqual(['Ratify the Optional Protocol.', 'Adopt a law on equality.']);
  });

  it('never writes the DOM', () => {
    const shape = SHAPES[1]!;
    const doc = parsePage(renderShape(shape), shape.url);
    const before = doc.documentElement.outerHTML;
    extractStatement(doc, shape.url);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

// Variants of issue 15's families beyond the labelled pages: each row a small page, what must come out of it.
describe('extractStatement on variants of the families', () => {
  const extract = (url: string, head: string, body: string, lang = 'en') =>
    extractStatement(parsePage(`<html lang="${lang}"><head>${head}</head><body><main>${body}</main></body></html>`, url), url);

  it.each([
    ['a missing space after a full stop ends the sentence', 'https://geneva.usmission.gov/2023/11/14/upr-cuba/', '<title>U.S. Statement at the UPR of Cuba</title>',
      '<h1>U.S. Statement at the UPR of Cuba</h1><p>44th Session</p><p>The United States welcomes Cuba.Werecommend that Cuba release all political prisoners.We also recommend that Cuba allow independent unions.</p>',
      ['release all political prisoners.', 'allow independent unions.']],
    ['lettered items inline after the lead-in', 'https://www.gov.uk/x/upr44-nigeria', '<title>UPR44: UK statement on Nigeria</title>',
      '<p>We recommend that Nigeria: (a) establish a moratorium on the death penalty; (b) repeal the Same Sex Marriage (Prohibition) Act; and (c) protect journalists from arbitrary arrest.</p>',
      ['establish a moratorium on the death penalty', 'repeal the Same Sex Marriage (Prohibition) Act', 'protect journalists from arbitrary arrest.']],
    ['run-together gerunds after a bare "We recommend:" in its own paragraph', 'https://www.gov.uk/x/upr41-india', '<title>UPR41: UK Statement on India</title>',
      '<p>We recommend: Introducing legislation to criminalise marital rape. Ensuring that the law on foreign contributions does not restrict civil society.</p><p>Thank you.</p>',
      ['Introducing legislation to criminalise marital rape.', 'Ensuring that the law on foreign contributions does not restrict civil society.']],
    ['an item\'s own second sentence stays with it', 'https://www.gov.uk/x/upr41-india', '<title>UPR41: UK Statement on India</title>',
      '<p>We recommend that India:</p><p>Ratify the Convention against Torture. This would give effect to its long-standing commitment.</p><p>Thank you.</p>',
      ['Ratify the Convention against Torture. This would give effect to its long-standing commitment.']],
    ['a summary folding two recommendations into one sentence, without a standfirst class', 'https://www.gov.uk/x/upr37-kiribati', '<title>UPR37: UK statement on Kiribati</title>',
      '<p>The UK recommends that Kiribati tackles gender-based violence and ratifies the Convention against Torture.</p><p>We recommend that Kiribati:</p><ul><li>Tackle gender-based violence by funding shelters in the outer islands.</li><li>Ratify the Convention against Torture.</li></ul>',
      ['Tackle gender-based violence by funding shelters in the outer islands.', 'Ratify the Convention against Torture.']],
    ['a Drupal summary field above the body, but not the body field "text-with-summary" itself', 'https://www.example.gov.au/upr37-kiribati', '<title>UPR 37: statement on Kiribati</title>',
      '<div class="field--name-field-summary"><p>Australia recommends that Kiribati establishes a human rights commission soon.</p></div><div class="field--type-text-with-summary"><p>Australia recommends that Kiribati:</p><ul><li>Ratify the Convention against Torture.</li></ul></div>',
      ['Ratify the Convention against Torture.']],
    ['an inline recommendation before the list that the list does not repeat is kept', 'https://www.gov.uk/x/upr37-kiribati', '<title>UPR37: UK statement on Kiribati</title>',
      '<p>The UK recommends that Kiribati establishes a national human rights institution.</p><p>We recommend that Kiribati:</p><ul><li>Ratify the Convention against Torture.</li></ul>',
      ['establishes a national human rights institution.', 'Ratify the Convention against Torture.']],
    ['items numbered with roman numerals inline', 'https://www.gov.uk/x/upr44-nigeria', '<title>UPR44: UK statement on Nigeria</title>',
      '<p>We recommend that Nigeria: (i) establish a moratorium on the death penalty; (ii) repeal the Same Sex Marriage (Prohibition) Act; and (iii) protect journalists.</p>',
      ['establish a moratorium on the death penalty', 'repeal the Same Sex Marriage (Prohibition) Act', 'protect journalists.']],
    ['clauses after the colon split at ";" when each opens with a verb', 'https://www.gov.uk/x/upr46-chile', '<title>UPR46: UK statement on Chile</title>',
      '<p>We recommend that Chile: adopt a law on indigenous consultation; ensure that police use force only as a last resort; and establish a national preventive mechanism.</p>',
      ['adopt a law on indigenous consultation', 'ensure that police use force only as a last resort', 'establish a national preventive mechanism.']],
    ['but not when a clause is no recommendation of its own', 'https://www.gov.uk/x/upr46-chile', '<title>UPR46: UK statement on Chile</title>',
      '<p>We recommend that Chile: adopt a law on indigenous consultation, in line with ILO Convention 169; and its full implementation in all regions.</p>',
      ['adopt a law on indigenous consultation, in line with ILO Convention 169; and its full implementation in all regions.']],
    ['"We have three recommendations." closing its sentence, then ordinal paragraphs', 'https://www.gov.uk/x/upr41-algeria', '<title>UPR41: UK Statement on Algeria</title>',
      '<p>We have three recommendations.</p><p>First, to release all those detained for peaceful expression.</p><p>Second, to amend the law on associations.</p><p>Third, to end the prosecution of journalists under counter-terrorism laws.</p><p>Thank you.</p>',
      ['to release all those detained for peaceful expression.', 'to amend the law on associations.', 'to end the prosecution of journalists under counter-terrorism laws.']],
    ['list items that are each a full lead-in sentence', 'https://geneva.usmission.gov/2022/01/26/upr-iceland/', '<title>U.S. Statement at the UPR of Iceland</title>',
      '<p>40th Session, January 26, 2022</p><ol><li>Werecommend that Icelandstrengthen protections for migrant workers.</li><li>Finally, we recommend that Iceland ensure access to shelters in rural areas.</li></ol>',
      ['strengthen protections for migrant workers.', 'ensure access to shelters in rural areas.']],
    ['but not a list of linked headlines that say "recommends"', 'https://www.gov.uk/x/upr40-iceland', '<title>UPR40: UK statement on Iceland</title>',
      '<p>We recommend that Iceland:</p><ol><li>Ratify the Optional Protocol.</li></ol><h2>Related</h2><ul><li><a href="/a">Norway recommends that Iceland review its asylum law</a></li></ul>',
      ['Ratify the Optional Protocol.']],
  ])('%s', (_name, url, head, body, expected) => {
    expect(extract(url, head, body).recommendations.map((r) => r.text)).toEqual(expected);
  });

  it.each([
    ['Statement at the Forty-Ninth Session of the UPR Working Group', 49],
    ['Intervention de la France – quarante-huitième session de l’Examen périodique universel', 48],
    ['Intervención en el cuadragésimo octavo período de sesiones del EPU', 48],
    ['UPR of Kiribati at the 59th session of the Human Rights Council; Working Group 49th session', 49],
    ['Estonia welcomes Kiribati to its third UPR session', null],
    ['Universal Periodic Review Working Group, Session 49: Kiribati', 49],
    ['UPR – Human Rights Council session 59 – Kiribati', null],
    ['UPR: the session 12 March 2025 on Kiribati', null],
  ])('reads the session in "%s"', (title, session) => {
    const { page } = extract('https://www.example.org/x', `<title>${title}</title>`, '<p>We recommend that Kiribati:</p><ul><li>Ratify the Convention against Torture.</li></ul>');
    expect(page.session).toBe(session);
  });

  it('takes the dateline just above the lead-in over the post\'s publication date', () => {
    const { page, sources } = extract('https://www.example.gov/statements/germany', '<title>U.S. Statement on Germany</title>',
      '<p>Posted <time datetime="2018-05-14">May 14, 2018</time></p><p>The United States thanks Germany for its report.</p><p>As delivered, Geneva, May 8, 2018</p><p>We recommend that Germany:</p><ul><li>Ensure that the same rights are protected online.</li></ul>');
    expect([page.date, sources.date, page.session]).toEqual(['2018-05-08', 'body title', 30]);
  });

  it('takes the session held on the stated date over a stale one in the address', () => {
    const { page, sources } = extract('https://www.example.go.cr/epu-47-italia', '<title>Intervención de Costa Rica en el EPU de Italia</title>',
      '<p>Ginebra, 28 de enero de 2025</p><p>Costa Rica recomienda a Italia:</p><ol><li>Establecer una institución nacional de derechos humanos.</li></ol>', 'es');
    expect([page.session, sources.session, page.cycle, page.recommendingStateCode, page.stateUnderReviewCode]).toEqual([48, 'date', 4, 'CRI', 'ITA']);
  });

  it('skips an adverb before a French addressee and names the author of "intervention de la France" after a dash', () => {
    const { page, recommendations } = extract('https://www.example.org/epu-niger', '<title>EPU 38 : Niger</title>',
      '<h1>Examen périodique universel du Niger – intervention de la France</h1><p>Genève, 5 mai 2021</p><p>Notre pays recommande au Niger de ratifier le deuxième protocole facultatif se rapportant au Pacte.</p><p>Nous recommandons également au Niger d’adopter le code de protection de l’enfant.</p>', 'fr');
    expect([page.recommendingStateCode, page.stateUnderReviewCode, page.session, page.date]).toEqual(['FRA', 'NER', 38, '2021-05-05']);
    expect(recommendations.map((r) => r.text)).toEqual(['de ratifier le deuxième protocole facultatif se rapportant au Pacte.', 'd’adopter le code de protection de l’enfant.']);
  });

  it('gives the statement\'s language where the page\'s tag says another', () => {
    const language = (lang: string, body: string) => extract('https://www.example.org/x', '<title>UPR 49</title>', body, lang).page.language;
    expect(language('ja', '<p>Japan recommends that Türkiye:</p><ul><li>strengthen the independence of the judiciary.</li></ul>')).toBe('en');
    expect(language('en', '<p>Estados Unidos recomienda a Cuba:</p><ul><li>Liberar a todos los presos políticos.</li></ul>')).toBe('es');
    expect(language('fr', '<p>La France recommande à Cuba :</p><ul><li>Libérer tous les prisonniers politiques.</li></ul>')).toBe('fr');
  });

  it('takes a state\'s possessive label ("Canada’s recommendations to Kenya:"), not an organisation\'s', () => {
    const texts = (lead: string) => extract('https://www.example.org/x', '<title>UPR 35: Kenya</title>', `<p>${lead}</p><ol><li>Ratify the Optional Protocol.</li></ol>`).recommendations.map((r) => r.text);
    expect(texts('Canada’s recommendations to Kenya:')).toEqual(['Ratify the Optional Protocol.']);
    expect(texts('The United Kingdom’s recommendations:')).toEqual(['Ratify the Optional Protocol.']);
    expect(texts('Amnesty International’s recommendations to Kenya:')).toEqual([]);
  });

  it('reads French and Spanish infinitive lead-ins ("souhaite recommander à", "quisiéramos recomendar a")', () => {
    const texts = (lang: string, body: string) => extract('https://www.example.org/x', '<title>EPU 43</title>', body, lang).recommendations.map((r) => r.text);
    expect(texts('fr', '<p>La Suisse souhaite recommander à la France de mettre fin aux contrôles d’identité discriminatoires.</p>')).toEqual(['de mettre fin aux contrôles d’identité discriminatoires.']);
    expect(texts('es', '<p>Quisiéramos recomendar a Chile que adopte una ley de consulta indígena.</p>')).toEqual(['adopte una ley de consulta indígena.']);
  });

  it('starts a Spanish inline clause after "al Estado de <name>"', () => {
    const { page, recommendations } = extract('https://www.example.org/x', '<title>EPU 48: Bosnia y Herzegovina</title>',
      '<p>México recomienda al Estado de Bosnia y Herzegovina eliminar la discriminación étnica en la Constitución.</p>', 'es');
    expect([page.recommendingStateCode, page.stateUnderReviewCode, recommendations.map((r) => r.text)]).toEqual(['MEX', 'BIH', ['eliminar la discriminación étnica en la Constitución.']]);
  });

  it('reads the author from a Permanent Representative line, og:site_name, and says which signal gave each field', () => {
    const rep = extract('https://www.example.org/statements/upr-40', '<title>UPR 40 – Moldova</title>',
      '<h1>UPR 40 – Review of the Republic of Moldova</h1><p>Statement delivered by H.E. Ms. Anna Krasniqi, Permanent Representative of Albania</p><p>26 January 2022</p><p>We recommend that the Republic of Moldova:</p><ul><li>Strengthen the independence of the judiciary.</li></ul>');
    expect([rep.page.recommendingStateCode, rep.sources.recommendingState, rep.page.stateUnderReviewCode, rep.sources.stateUnderReview]).toEqual(['ALB', 'author line', 'MDA', 'lead-in']);
    const site = extract('https://www.example-portal.net/upr/statement', '<title>Statement at the UPR of Brazil</title><meta property="og:site_name" content="Ministry of Foreign Affairs of Japan">',
      '<h1>Statement at the 41st UPR session: Brazil</h1><p>14 November 2022</p><p>We recommend that Brazil:</p><ul><li>Strengthen efforts to protect human rights defenders.</li></ul>');
    expect([site.page.recommendingStateCode, site.sources.recommendingState, site.page.session, site.sources.session, site.page.date, site.sources.date]).toEqual(['JPN', 'site identity', 41, 'body title', '2022-11-14', 'body title']);
    // The footer's copyright line, not its links ("Australia and the UN" could be any page's).
    const footer = extractStatement(parsePage('<html lang="en"><head><title>UPR 49: Statement on Kiribati</title></head><body><main><p>We recommend that Kiribati:</p><ul><li>Establish a national human rights institution.</li></ul></main><footer><ul><li>New Zealand and the UN</li></ul><p class="copyright">© Commonwealth of Australia</p></footer></body></html>'), 'https://www.example.org/x');
    expect([footer.page.recommendingStateCode, footer.sources.recommendingState]).toEqual(['AUS', 'site identity']);
    const host = extract('https://pmindiaun.gov.in/pageinfo/x', '<title>UPR 48: Slovenia</title>', '<p>We recommend that Slovenia:</p><ul><li>Continue its efforts on Roma inclusion.</li></ul>');
    expect([host.page.recommendingStateCode, host.sources.recommendingState, host.page.cycle, host.sources.cycle]).toEqual(['IND', 'host', 4, 'session']);
  });

  it('gives each sub-statement the date written under its sub-heading, and the session the page states', () => {
    const { page, statements } = extract('https://www.example.gov.au/upr-49', '<title>49th session</title>',
      '<h1>49th session of the Universal Periodic Review</h1><h3>Statement by Australia at the UPR of Kyrgyzstan</h3><p>Delivered 29 April 2025</p><p>Australia recommends that Kyrgyzstan:</p><ol><li>Repeal the law on foreign representatives.</li></ol><h3>Statement by Australia at the UPR of Guinea</h3><p>Delivered 30 April 2025</p><p>Australia recommends that Guinea:</p><ol><li>Abolish the death penalty in the military code.</li><li>Criminalise torture.</li></ol>');
    expect([page.recommendingStateCode, page.stateUnderReviewCode, page.session, page.date]).toEqual(['AUS', null, 49, null]);
    expect(statements.map((s) => [s.stateUnderReviewCode, s.date, s.session, s.recommendations])).toEqual([['KGZ', '2025-04-29', 49, [1]], ['GIN', '2025-04-30', 49, [2, 3]]]);
  });

  it('reads sub-headings that are a state\'s name and a date', () => {
    const { statements } = extract('https://www.example.gov.au/upr-49', '<title>UPR 49: Australia’s statements</title>',
      '<h3>Kiribati – 28 April 2025</h3><p>We recommend that Kiribati:</p><ol><li>Establish a national human rights institution.</li></ol><h3>Guinea, 30 April 2025</h3><p>We recommend that Guinea:</p><ol><li>Criminalise torture.</li></ol>');
    expect(statements.map((s) => [s.stateUnderReviewCode, s.date, s.recommendations])).toEqual([['KIR', '2025-04-28', [1]], ['GIN', '2025-04-30', [2]]]);
  });

  it('keeps one statement when sub-headings name one state (the statement\'s own heading block)', () => {
    const { statements, page } = extract('https://www.example.go.jp/x', '<title>Statement</title>',
      '<h2>UPR of the Republic of Türkiye</h2><h2>Statement by the Permanent Mission of Japan</h2><p>6 May 2025</p><p>Japan recommends that Türkiye:</p><ul><li>strengthen the independence of the judiciary.</li></ul><h2>Türkiye</h2><p>Japan also recommends that Türkiye:</p><ul><li>ensure freedom of assembly.</li></ul>');
    expect(statements).toHaveLength(1);
    expect([page.stateUnderReviewCode, page.date]).toEqual(['TUR', '2025-05-06']);
  });
});

describe('candidate passages when nothing was found', () => {
  const page = (body: string) => parsePage(`<html lang="en"><head><title>UPR 49: Statement on Türkiye</title></head><body><main>${body}</main></body></html>`);

  it('offers the verb-led lines of a statement whose list did not read as one, not the lead-in that announces them', () => {
    const extraction = extractStatement(page('<p>Japan welcomes the delegation of Türkiye.</p><p>In the spirit of dialogue, Japan recommends that Türkiye:</p><p>I thank you</p><div><span>Strengthen the independence of the judiciary in line with its reform strategy;</span></div><p>Japan wishes Türkiye a successful review.</p>'), 'https://www.example.go.jp/x');
    expect(extraction.recommendations).toEqual([]);
    expect(extraction.candidates.map((c) => c.text)).toEqual(['Strengthen the independence of the judiciary in line with its reform strategy;']);
    expect(extraction.candidates.map((c) => c.range.toString().trim())).toEqual(extraction.candidates.map((c) => c.text));
  });

  it('offers none when recommendations were found', () => {
    expect(extractStatement(page('<p>Japan recommends that Türkiye:</p><ul><li>Strengthen the independence of the judiciary.</li></ul>'), 'https://x.go.jp/').candidates).toEqual([]);
  });
});
