import { describe, expect, it } from 'vitest';
import { GOVERNMENT_HOSTS, countryOfDomain, isGovernmentDomain } from './hosts';
import { countryFromCode, countryFromName, countryOfHost, cycleOfDate, cycleOfSession, findCountryMentions, sessionOfDate } from './index';

describe('cycleOfSession', () => {
  it.each([
    [1, 1], [12, 1], [13, 2], [26, 2], [27, 3], [34, 3], [40, 3], [41, 4], [54, 4], [55, 5], [60, 5], [0, null], [-3, null],
  ])('session %i → cycle %s', (session, cycle) => expect(cycleOfSession(session)).toBe(cycle));
});

describe('dates', () => {
  it.each([
    ['2019-11-07', 34], ['2019-01-21', 32], ['2023-01-27', 42], ['2018-11-05', 31], ['2019-11-20', 34], ['2019-08-01', null],
  ])('%s falls in WG session %s', (date, session) => expect(sessionOfDate(date)).toBe(session));

  it.each([['2010-06-01', 1], ['2014-06-01', 2], ['2020-06-01', 3], ['2023-06-01', 4], ['2028-01-01', 5], ['garbage', null]])(
    '%s is in cycle %s',
    (date, cycle) => expect(cycleOfDate(date)).toBe(cycle),
  );
});

describe('countryFromName', () => {
  it.each([
    ['Kazakhstan', 'KAZ'], ['Iran (Islamic Republic of)', 'IRN'], ['Republic of Korea', 'KOR'], ['Türkiye', 'TUR'], ['Turkey', 'TUR'],
    ['the Netherlands', 'NLD'], ['United States of America', 'USA'], ['U.S.', 'USA'], ['Royaume-Uni', 'GBR'], ['États-Unis', 'USA'],
    ['Estados Unidos', 'USA'], ['Suisse', 'CHE'], ['Suiza', 'CHE'], ['Côte d’Ivoire', 'CIV'], ['Cote d\'Ivoire', 'CIV'],
    ['Venezuela (Bolivarian Republic of)', 'VEN'], ["Democratic People's Republic of Korea", 'PRK'], ['Viet Nam', 'VNM'],
    ['Government of China', 'CHN'], ['Arabie saoudite', 'SAU'], ['Países Bajos', 'NLD'],
    ['Bolivia (Plurinational State of)', 'BOL'], ['United Kingdom of Great Britain and Northern Ireland', 'GBR'], ["Côte d'Ivoire", 'CIV'],
    ['the Democratic Republic of the Congo', 'COD'], ['Republic of the Congo', 'COG'], ['Libyan Arab Jamahiriya', 'LBY'],
    ['The former Yugoslav Republic of Macedonia', 'MKD'], ['Kingdom of Saudi Arabia', 'SAU'], ['República Democrática del Congo', 'COD'],
  ])('%s → %s', (name, code) => expect(countryFromName(name)?.code).toBe(code));

  it('gives an English display name', () => {
    expect(countryFromName('Estados Unidos')?.name).toBe('United States');
    expect(countryFromName('Kazajistán')?.name).toBe('Kazakhstan');
  });

  it.each(['Atlantis', '', 'Human Rights Council'])('%s is not a country', (name) => expect(countryFromName(name)).toBeNull());
});

describe('findCountryMentions', () => {
  it('finds the longest names in order and skips the pronoun "us"', () => {
    const text = 'Let us thank Papua New Guinea, the Government of China and the US; Guinea and Niger too.';
    expect(findCountryMentions(text).map((m) => m.code)).toEqual(['PNG', 'CHN', 'USA', 'GIN', 'NER']);
  });

  it('tells the two Congos apart by name', () => {
    expect(countryFromName('the Democratic Republic of the Congo')?.name).toBe('Democratic Republic of the Congo');
    expect(countryFromName('Congo')?.name).toBe('Congo');
    expect(countryFromName('Russia')?.name).toBe('Russian Federation');
  });

  it('keeps the closing parenthesis of a UN name', () => {
    const [mention] = findCountryMentions('We recommend that Iran (Islamic Republic of) abolish the death penalty.');
    expect([mention?.code, mention?.text]).toEqual(['IRN', 'Iran (Islamic Republic of)']);
  });

  it('ends a name before a dash standing alone', () => {
    expect(findCountryMentions('Examen du Niger – intervention de la France').map((m) => m.text)).toEqual(['Niger', 'la France']);
  });

  it('reads possessives and trailing punctuation', () => {
    const mentions = findCountryMentions('Switzerland’s record. We recommend that Kazakhstan:');
    expect(mentions.map((m) => [m.code, m.text])).toEqual([['CHE', 'Switzerland'], ['KAZ', 'Kazakhstan']]);
  });
});

describe('countryOfHost', () => {
  it.each([
    ['https://www.gov.uk/government/speeches/x', 'GBR'], ['https://geneva.usmission.gov/2020/', 'USA'], ['https://www.norway.no/en/', 'NOR'],
    ['https://example.org/', null], ['not a url', null],
    // Missions and ministries by their country-code government domains, and the table where the domain is not one.
    ['https://pmindiaun.gov.in/pageinfo/x', 'IND'], ['https://www.ambasadat.gov.al/x', 'ALB'], ['https://www.geneve-mission.emb-japan.go.jp/itpr_en/x', 'JPN'],
    ['https://www.mofa.go.jp/x', 'JPN'], ['https://www.mfa.is/x', 'ISL'], ['https://www.cancilleria.gob.ar/x', 'ARG'], ['https://onu-geneve.delegfrance.org/x', 'FRA'],
    ['https://cu.usembassy.gov/es/x', 'USA'], ['https://www.gov.hk/x', null], ['https://www.mfa.example.com/', null],
  ])('%s → %s', (url, code) => expect(countryOfHost(url)?.code ?? null).toBe(code));

  it('the patterns agree with the host table wherever they name a state, and miss only these hosts', () => {
    const missed: string[] = [];
    for (const [suffix, code] of GOVERNMENT_HOSTS) {
      const byPattern = countryOfDomain(`www.${suffix}`);
      if (byPattern) expect(countryFromCode(byPattern)?.code, suffix).toBe(code);
      else missed.push(suffix);
    }
    expect(missed).toEqual([
      'gc.ca', 'international.gc.ca', 'canada.ca', 'norway.no', 'regjeringen.no', 'delegfrance.org', 'swedenabroad.se',
      'admin.ch', 'auswaertiges-amt.de', 'diplo.de', 'ireland.ie', 'finlandabroad.fi', 'permanentrepresentations.nl',
      'diplomatie.belgium.be', 'gouvernement.lu',
    ]);
    expect(countryOfDomain('www.example.org')).toBeNull();
    // The detector's bonus: government domains only, not a ministry's own name.
    expect([isGovernmentDomain('www.gov.uk'), isGovernmentDomain('geneva.usmission.gov'), isGovernmentDomain('mfa.is'), isGovernmentDomain('www.example.org')]).toEqual([true, true, false, false]);
  });
});
