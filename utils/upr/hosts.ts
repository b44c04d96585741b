// Government hosts that publish UPR statements, mapped to the state that owns them: the one place this fact is kept.
// utils/detect reads its domain patterns for the "government host" bonus (this file has no imports, so the detector
// pulls in nothing else), utils/extract the whole table for the author when the page says "We recommend" and nothing
// else names it, utils/detector-registration the host names (and the UN's) for the known-sites-only mode. Detection
// never depends on the table.

/**
 * Every listed government host (and its subdomains) → ISO alpha-3 of the state whose foreign ministry or mission runs
 * it: the one list. The known-sites-only mode registers the detector on exactly these (with UN_HOSTS); the domain
 * patterns below already name the state of most of them, and the table makes it exact where the top-level domain
 * does not ("usmission.gov") and adds the hosts the patterns miss ("gc.ca", "norway.no", "admin.ch").
 */
export const GOVERNMENT_HOSTS: readonly (readonly [suffix: string, code: string])[] = [
  ['gc.ca', 'CAN'],
  // Covered by gc.ca, and listed for the known-sites-only mode's match patterns.
  ['international.gc.ca', 'CAN'],
  ['canada.ca', 'CAN'],
  ['norway.no', 'NOR'],
  ['regjeringen.no', 'NOR'],
  ['delegfrance.org', 'FRA'],
  ['swedenabroad.se', 'SWE'],
  ['government.se', 'SWE'],
  ['admin.ch', 'CHE'],
  ['auswaertiges-amt.de', 'DEU'],
  ['diplo.de', 'DEU'],
  ['ireland.ie', 'IRL'],
  ['finlandabroad.fi', 'FIN'],
  ['government.nl', 'NLD'],
  ['permanentrepresentations.nl', 'NLD'],
  ['diplomatie.belgium.be', 'BEL'],
  ['gouvernement.lu', 'LUX'],
  ['gov.uk', 'GBR'],
  ['usmission.gov', 'USA'],
  ['usembassy.gov', 'USA'],
  ['state.gov', 'USA'],
  ['mfa.ee', 'EST'],
  ['vm.ee', 'EST'],
  ['diplomatie.gouv.fr', 'FRA'],
  ['dfat.gov.au', 'AUS'],
  ['mission.gov.au', 'AUS'],
  ['mfat.govt.nz', 'NZL'],
  ['dfa.ie', 'IRL'],
  ['um.dk', 'DNK'],
  ['um.fi', 'FIN'],
  ['exteriores.gob.es', 'ESP'],
  ['esteri.it', 'ITA'],
  ['mofa.go.jp', 'JPN'],
  ['emb-japan.go.jp', 'JPN'],
  ['mofa.go.kr', 'KOR'],
  ['minrel.gob.cl', 'CHL'],
  ['gob.mx', 'MEX'],
  ['cancilleria.gob.ar', 'ARG'],
  ['itamaraty.gov.br', 'BRA'],
  ['gov.br', 'BRA'],
  ['bmeia.gv.at', 'AUT'],
  ['msz.gov.pl', 'POL'],
  ['gov.pl', 'POL'],
  ['mzv.cz', 'CZE'],
  ['mzv.sk', 'SVK'],
  ['mfa.gov.lv', 'LVA'],
  ['urm.lt', 'LTU'],
  ['mfa.is', 'ISL'],
  ['government.is', 'ISL'],
  ['pmindiaun.gov.in', 'IND'],
  ['mea.gov.in', 'IND'],
  ['ambasadat.gov.al', 'ALB'],
  ['punetejashtme.gov.al', 'ALB'],
  ['maee.lu', 'LUX'],
  ['fmprc.gov.cn', 'CHN'],
  ['mid.ru', 'RUS'],
  ['dirco.gov.za', 'ZAF'],
  ['mfa.gov.sg', 'SGP'],
  ['mfa.gov.il', 'ISR'],
  ['mfa.gov.tr', 'TUR'],
  ['mfa.gov.ua', 'UKR'],
  ['mfa.ge', 'GEO'],
  ['mfa.am', 'ARM'],
  ['mfa.bg', 'BGR'],
  ['mae.ro', 'ROU'],
  ['mfa.gr', 'GRC'],
  ['portaldiplomatico.mne.gov.pt', 'PRT'],
  ['cancilleria.gov.co', 'COL'],
  ['cancilleria.gob.ec', 'ECU'],
  ['rree.gob.pe', 'PER'],
  ['mrree.gub.uy', 'URY'],
  ['sre.gob.mx', 'MEX'],
  ['diplomatie.ma', 'MAR'],
  ['mofa.gov.qa', 'QAT'],
  ['mofa.gov.ae', 'ARE'],
  ['mofa.gov.vn', 'VNM'],
  ['kemlu.go.id', 'IDN'],
  ['dfa.gov.ph', 'PHL'],
  ['kln.gov.my', 'MYS'],
  ['mfa.go.th', 'THA'],
];

/** Sites that publish UPR material besides governments' own, for the known-sites-only mode. */
export const UN_HOSTS: readonly string[] = ['ohchr.org', 'un.org'];

/** Is `host` the site `suffix` or one of its subdomains? */
export function isOnSite(host: string, suffix: string): boolean {
  return host === suffix || host.endsWith(`.${suffix}`);
}

/**
 * Governments' own second-level domains, whose country-code top-level domain names the state: "mea.gov.in",
 * "x.gouv.fr", "y.gob.cl", "z.go.jp", "mfat.govt.nz", "bmeia.gv.at", "mrree.gub.uy".
 */
export const GOVERNMENT_SLD = /(?:^|\.)(?:gov|gouv|gob|go|govt|gv|gub|government|gobierno)\.([a-z]{2})$/;

/** Foreign ministries on a country-code domain of their own: "mfa.is", "um.dk", "mzv.cz", "esteri.it", "dfa.ie". */
export const MINISTRY_HOST = /(?:^|\.)(?:mfa|mofa|mofaic|mfat|dfat|dfa|mzv|mzz|msz|um|urm|vm|mae|maee|mre|mrree|rree|minrel|minrex|cancilleria|exteriores|esteri|diplomatie|diplomacy|foreignaffairs|mid|mvep|mvp|punetejashtme)\.([a-z]{2})$/;

/** ".uk" is the United Kingdom's top-level domain, though its ISO code is GB. */
const TLD_ALPHA2: Readonly<Record<string, string>> = { uk: 'GB' };

function longestSuffix(host: string, table: readonly (readonly [string, string])[]): string | null {
  let best: readonly [string, string] | null = null;
  for (const entry of table) {
    const [suffix] = entry;
    if (isOnSite(host, suffix) && (!best || suffix.length > best[0].length)) best = entry;
  }
  return best ? best[1] : null;
}

/**
 * Is `host` on a government's own domain (".gov", "gov.in", "gouv.fr", "go.jp")? All the always-on detector affords
 * (5 KB gzip in all): the ministries' own names and the named hosts are for extraction, which names the state.
 */
export function isGovernmentDomain(host: string): boolean {
  const h = host.toLowerCase();
  return /\.gov$/.test(h) || GOVERNMENT_SLD.test(h);
}

/** The state whose government or foreign ministry domain `host` is on, by the patterns alone: an alpha-2 code. */
export function countryOfDomain(host: string): string | null {
  const h = host.toLowerCase().replace(/\.$/, '');
  // ".gov" is the United States government's own top-level domain.
  if (/\.gov$/.test(h)) return 'US';
  const tld = GOVERNMENT_SLD.exec(h)?.[1] ?? MINISTRY_HOST.exec(h)?.[1];
  return tld ? (TLD_ALPHA2[tld] ?? tld.toUpperCase()) : null;
}

/** The state that runs `host`, as an alpha-3 code from the table, or an alpha-2 code from its domain. */
export function governmentOfHost(host: string): { alpha3: string } | { alpha2: string } | null {
  const listed = longestSuffix(host.toLowerCase().replace(/\.$/, ''), GOVERNMENT_HOSTS);
  if (listed) return { alpha3: listed };
  const alpha2 = countryOfDomain(host);
  return alpha2 ? { alpha2 } : null;
}
