// Country names the i18n-iso-countries tables miss or spell differently from the UN, plus the display names we
// show. One table so a wrong alias is fixed in one place. Keys are ISO 3166-1 alpha-3 codes.

/** Extra names (EN / FR / ES, UN forms, common short forms) that resolve to a country. */
export const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  USA: ['United States', 'United States of America', 'U.S.', 'U.S.A.', 'USA', 'US', 'Etats-Unis', 'États-Unis', 'Estados Unidos de América'],
  GBR: ['United Kingdom', 'United Kingdom of Great Britain and Northern Ireland', 'UK', 'U.K.', 'Great Britain', 'Royaume-Uni de Grande-Bretagne et d’Irlande du Nord', 'Reino Unido de Gran Bretaña e Irlanda del Norte'],
  IRN: ['Iran (Islamic Republic of)', 'Islamic Republic of Iran', "République islamique d'Iran", 'Iran (République islamique d’)', 'Irán (República Islámica del)'],
  KOR: ['Republic of Korea', 'South Korea', 'République de Corée', 'República de Corea', 'Corea del Sur'],
  PRK: ["Democratic People's Republic of Korea", 'North Korea', 'DPRK', 'République populaire démocratique de Corée', 'Corea del Norte'],
  TUR: ['Türkiye', 'Turkiye', 'Turkey', 'Turquie', 'Turquía'],
  RUS: ['Russian Federation', 'Russia', 'Fédération de Russie', 'Federación de Rusia'],
  SYR: ['Syrian Arab Republic', 'Syria', 'République arabe syrienne', 'República Árabe Siria'],
  LAO: ["Lao People's Democratic Republic", 'Laos', 'Lao PDR', 'République démocratique populaire lao'],
  MDA: ['Republic of Moldova', 'Moldova', 'République de Moldova', 'República de Moldova'],
  TZA: ['United Republic of Tanzania', 'Tanzania', 'République-Unie de Tanzanie', 'República Unida de Tanzanía'],
  VEN: ['Venezuela (Bolivarian Republic of)', 'Bolivarian Republic of Venezuela', 'Venezuela (République bolivarienne du)', 'República Bolivariana de Venezuela', 'Venezuela (República Bolivariana de)'],
  BOL: ['Bolivia (Plurinational State of)', 'Plurinational State of Bolivia', 'Bolivie (État plurinational de)', 'Estado Plurinacional de Bolivia'],
  COD: ['Democratic Republic of the Congo', 'DRC', 'République démocratique du Congo', 'República Democrática del Congo'],
  COG: ['Republic of the Congo', 'Congo'],
  CIV: ["Côte d'Ivoire", 'Cote d’Ivoire', 'Ivory Coast'],
  VNM: ['Viet Nam', 'Vietnam'],
  PSE: ['State of Palestine', 'Palestine', 'État de Palestine', 'Estado de Palestina'],
  VAT: ['Holy See', 'Saint-Siège', 'Santa Sede'],
  FSM: ['Micronesia (Federated States of)', 'Federated States of Micronesia', 'Micronesia'],
  GMB: ['Gambia', 'The Gambia'],
  NLD: ['Netherlands', 'The Netherlands', 'Kingdom of the Netherlands', 'Netherlands (Kingdom of the)'],
  CZE: ['Czechia', 'Czech Republic', 'République tchèque', 'República Checa'],
  MKD: ['North Macedonia', 'Macédoine du Nord', 'Macedonia del Norte'],
  SWZ: ['Eswatini', 'Swaziland'],
  CPV: ['Cabo Verde', 'Cape Verde'],
  TLS: ['Timor-Leste', 'East Timor'],
  MMR: ['Myanmar', 'Burma'],
  KAZ: ['Kazakhstan', 'Kazakstan'],
  CHN: ["People's Republic of China", 'China'],
  BHS: ['Bahamas', 'The Bahamas'],
  KGZ: ['Kyrgyzstan', 'Kyrgyz Republic', 'Kirghizistan'],
  STP: ['Sao Tome and Principe', 'São Tomé and Príncipe'],
};

/** English display names where the library's first name is not the one the UN and governments use. */
export const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  USA: 'United States',
  GBR: 'United Kingdom',
  CHN: 'China',
  IRN: 'Iran (Islamic Republic of)',
  KOR: 'Republic of Korea',
  PRK: "Democratic People's Republic of Korea",
  TUR: 'Türkiye',
  MDA: 'Republic of Moldova',
  VEN: 'Venezuela (Bolivarian Republic of)',
  BOL: 'Bolivia (Plurinational State of)',
  FSM: 'Micronesia (Federated States of)',
  VAT: 'Holy See',
  GMB: 'Gambia',
  VNM: 'Viet Nam',
  CIV: "Côte d'Ivoire",
  COG: 'Congo',
  CZE: 'Czechia',
  NLD: 'Netherlands',
};

/** Territories and non-state entries that never speak at the UPR; their names ("Jersey", "Christmas Island") only cause false hits. */
export const NON_UPR_CODES: ReadonlySet<string> = new Set([
  'ATA', 'BVT', 'HMD', 'UMI', 'ATF', 'IOT', 'CXR', 'CCK', 'NFK', 'PCN', 'SGS', 'TKL', 'WLF', 'JEY', 'GGY', 'IMN', 'ALA',
  'ESH', 'SJM', 'SPM', 'BLM', 'MAF', 'SXM', 'BES', 'CUW', 'ABW', 'AIA', 'BMU', 'CYM', 'FLK', 'GIB', 'GLP', 'GUF', 'GUM',
  'MTQ', 'MYT', 'MSR', 'NCL', 'PYF', 'REU', 'SHN', 'TCA', 'VGB', 'VIR', 'ASM', 'MNP', 'PRI', 'FRO', 'GRL', 'HKG', 'MAC',
  'NIU', 'COK', 'XKX',
]);
