// States and themes as a French reader expects them: UN member states (and the two observer states) by ISO
// alpha-3 with their article ("la France", "le Kazakhstan", "les États-Unis", "l'Iran", "Cuba"), from which the
// forms after "de" and "à" follow ("de la France", "du Kazakhstan", "aux États-Unis", "d'Israël"); and UPR Info's
// themes in French. Short usual names, as French diplomatic texts write them in running prose.
import type { Theme } from '@/utils/classify';

export const FRENCH_STATES: Readonly<Record<string, string>> = {
  AFG: "l'Afghanistan", ZAF: "l'Afrique du Sud", ALB: "l'Albanie", DZA: "l'Algérie", DEU: "l'Allemagne", AND: "l'Andorre",
  AGO: "l'Angola", ATG: 'Antigua-et-Barbuda', SAU: "l'Arabie saoudite", ARG: "l'Argentine", ARM: "l'Arménie",
  AUS: "l'Australie", AUT: "l'Autriche", AZE: "l'Azerbaïdjan", BHS: 'les Bahamas', BHR: 'Bahreïn', BGD: 'le Bangladesh',
  BRB: 'la Barbade', BLR: 'le Bélarus', BEL: 'la Belgique', BLZ: 'le Belize', BEN: 'le Bénin', BTN: 'le Bhoutan',
  BOL: 'la Bolivie', BIH: 'la Bosnie-Herzégovine', BWA: 'le Botswana', BRA: 'le Brésil', BRN: 'le Brunéi Darussalam',
  BGR: 'la Bulgarie', BFA: 'le Burkina Faso', BDI: 'le Burundi', CPV: 'Cabo Verde', KHM: 'le Cambodge',
  CMR: 'le Cameroun', CAN: 'le Canada', CHL: 'le Chili', CHN: 'la Chine', CYP: 'Chypre', COL: 'la Colombie',
  COM: 'les Comores', COG: 'le Congo', CRI: 'le Costa Rica', CIV: "la Côte d'Ivoire", HRV: 'la Croatie', CUB: 'Cuba',
  DNK: 'le Danemark', DJI: 'Djibouti', DMA: 'la Dominique', EGY: "l'Égypte", SLV: 'El Salvador',
  ARE: 'les Émirats arabes unis', ECU: "l'Équateur", ERI: "l'Érythrée", ESP: "l'Espagne", EST: "l'Estonie",
  SWZ: "l'Eswatini", USA: 'les États-Unis', ETH: "l'Éthiopie", FJI: 'les Fidji', FIN: 'la Finlande', FRA: 'la France',
  GAB: 'le Gabon', GMB: 'la Gambie', GEO: 'la Géorgie', GHA: 'le Ghana', GRC: 'la Grèce', GRD: 'la Grenade',
  GTM: 'le Guatemala', GIN: 'la Guinée', GNQ: 'la Guinée équatoriale', GNB: 'la Guinée-Bissau', GUY: 'le Guyana',
  HTI: 'Haïti', HND: 'le Honduras', HUN: 'la Hongrie', MHL: 'les Îles Marshall', SLB: 'les Îles Salomon',
  IND: "l'Inde", IDN: "l'Indonésie", IRN: "l'Iran", IRQ: "l'Iraq", IRL: "l'Irlande", ISL: "l'Islande", ISR: 'Israël',
  ITA: "l'Italie", JAM: 'la Jamaïque', JPN: 'le Japon', JOR: 'la Jordanie', KAZ: 'le Kazakhstan', KEN: 'le Kenya',
  KGZ: 'le Kirghizistan', KIR: 'Kiribati', KWT: 'le Koweït', LSO: 'le Lesotho', LVA: 'la Lettonie', LBN: 'le Liban',
  LBR: 'le Libéria', LBY: 'la Libye', LIE: 'le Liechtenstein', LTU: 'la Lituanie', LUX: 'le Luxembourg',
  MKD: 'la Macédoine du Nord', MDG: 'Madagascar', MYS: 'la Malaisie', MWI: 'le Malawi', MDV: 'les Maldives',
  MLI: 'le Mali', MLT: 'Malte', MAR: 'le Maroc', MUS: 'Maurice', MRT: 'la Mauritanie', MEX: 'le Mexique',
  FSM: 'la Micronésie', MCO: 'Monaco', MNG: 'la Mongolie', MNE: 'le Monténégro', MOZ: 'le Mozambique',
  MMR: 'le Myanmar', NAM: 'la Namibie', NRU: 'Nauru', NPL: 'le Népal', NIC: 'le Nicaragua', NER: 'le Niger',
  NGA: 'le Nigéria', NOR: 'la Norvège', NZL: 'la Nouvelle-Zélande', OMN: 'Oman', UGA: "l'Ouganda",
  UZB: "l'Ouzbékistan", PAK: 'le Pakistan', PLW: 'les Palaos', PAN: 'le Panama', PNG: 'la Papouasie-Nouvelle-Guinée',
  PRY: 'le Paraguay', NLD: 'les Pays-Bas', PER: 'le Pérou', PHL: 'les Philippines', POL: 'la Pologne',
  PRT: 'le Portugal', QAT: 'le Qatar', SYR: 'la République arabe syrienne', CAF: 'la République centrafricaine',
  KOR: 'la République de Corée', MDA: 'la République de Moldova', COD: 'la République démocratique du Congo',
  LAO: 'la République démocratique populaire lao', DOM: 'la République dominicaine',
  PRK: 'la République populaire démocratique de Corée', TZA: 'la République-Unie de Tanzanie', ROU: 'la Roumanie',
  GBR: 'le Royaume-Uni', RUS: 'la Fédération de Russie', RWA: 'le Rwanda', KNA: 'Saint-Kitts-et-Nevis',
  SMR: 'Saint-Marin', VCT: 'Saint-Vincent-et-les Grenadines', LCA: 'Sainte-Lucie', WSM: 'le Samoa',
  STP: 'Sao Tomé-et-Principe', SEN: 'le Sénégal', SRB: 'la Serbie', SYC: 'les Seychelles', SLE: 'la Sierra Leone',
  SGP: 'Singapour', SVK: 'la Slovaquie', SVN: 'la Slovénie', SOM: 'la Somalie', SDN: 'le Soudan',
  SSD: 'le Soudan du Sud', LKA: 'Sri Lanka', SWE: 'la Suède', CHE: 'la Suisse', SUR: 'le Suriname',
  TJK: 'le Tadjikistan', TCD: 'le Tchad', CZE: 'la Tchéquie', THA: 'la Thaïlande', TLS: 'le Timor-Leste',
  TGO: 'le Togo', TON: 'les Tonga', TTO: 'Trinité-et-Tobago', TUN: 'la Tunisie', TKM: 'le Turkménistan',
  TUR: 'la Türkiye', TUV: 'Tuvalu', UKR: "l'Ukraine", URY: "l'Uruguay", VUT: 'le Vanuatu', VEN: 'le Venezuela',
  VNM: 'le Viet Nam', YEM: 'le Yémen', ZMB: 'la Zambie', ZWE: 'le Zimbabwe', VAT: 'le Saint-Siège',
  PSE: "l'État de Palestine",
};

export const FRENCH_THEMES: Readonly<Record<Theme, string>> = {
  'Asylum-seekers and refugees': 'Demandeurs d’asile et réfugiés',
  'Civil and political rights – general': 'Droits civils et politiques – général',
  'Civil society': 'Société civile',
  Corruption: 'Corruption',
  'Counter-terrorism': 'Lutte contre le terrorisme',
  'Death penalty': 'Peine de mort',
  Detention: 'Détention',
  Development: 'Développement',
  Disabilities: 'Handicap',
  'Economic, social and cultural rights – general': 'Droits économiques, sociaux et culturels – général',
  Elections: 'Élections',
  'Enforced disappearances': 'Disparitions forcées',
  Environment: 'Environnement',
  'Extrajudicial executions': 'Exécutions extrajudiciaires',
  'Freedom of association and peaceful assembly': 'Liberté d’association et de réunion pacifique',
  'Freedom of movement': 'Liberté de circulation',
  'Freedom of opinion and expression': 'Liberté d’opinion et d’expression',
  'Freedom of religion and belief': 'Liberté de religion et de conviction',
  'Freedom of the press': 'Liberté de la presse',
  General: 'Général',
  'HIV/AIDS': 'VIH/sida',
  'Human rights defenders': 'Défenseurs des droits de l’homme',
  'Human rights education and training': 'Éducation et formation aux droits de l’homme',
  'Human rights violations by state agents': 'Violations des droits de l’homme par des agents de l’État',
  Impunity: 'Impunité',
  'Indigenous peoples': 'Peuples autochtones',
  'Internally displaced persons': 'Personnes déplacées à l’intérieur de leur pays',
  'International humanitarian law': 'Droit international humanitaire',
  'International instruments': 'Instruments internationaux',
  Justice: 'Justice',
  Labour: 'Travail',
  Migrants: 'Migrants',
  Minorities: 'Minorités',
  'National human rights institution': 'Institution nationale des droits de l’homme',
  'National plan of action': 'Plan d’action national',
  Other: 'Autre',
  Poverty: 'Pauvreté',
  'Public security': 'Sécurité publique',
  'Racial discrimination': 'Discrimination raciale',
  'Right to education': 'Droit à l’éducation',
  'Right to food': 'Droit à l’alimentation',
  'Right to health': 'Droit à la santé',
  'Right to housing': 'Droit au logement',
  'Right to land': 'Droit à la terre',
  'Right to water': 'Droit à l’eau',
  'Rights of the child': 'Droits de l’enfant',
  'Sexual orientation and gender identity': 'Orientation sexuelle et identité de genre',
  'Special procedures': 'Procédures spéciales',
  'Technical assistance and cooperation': 'Assistance technique et coopération',
  'Torture and other cruel, inhuman or degrading treatment': 'Torture et autres traitements cruels, inhumains ou dégradants',
  Trafficking: 'Traite des êtres humains',
  'Treaty bodies': 'Organes conventionnels',
  'UPR process': 'Processus de l’EPU',
  "Women's rights": 'Droits des femmes',
};

/** A state in French prose: its name alone, with its article, and after "de" and "à" (contractions and elisions). */
export interface FrenchStateForms {
  name: string;
  withArticle: string;
  of: string;
  to: string;
}

const VOWEL_START = /^[aeiouyhâàéèêëîïôöûü]/i;

/** The French forms of the state `code` (ISO alpha-3); a state the table lacks keeps `fallback`, without article. */
export function frenchStateForms(code: string | null | undefined, fallback: string): FrenchStateForms {
  const withArticle = (code && FRENCH_STATES[code]) || fallback;
  const article = /^(les|le|la|l')\s?/.exec(withArticle)?.[1];
  const name = article ? withArticle.slice(article.length).trimStart() : withArticle;
  switch (article) {
    case 'le':
      return { name, withArticle, of: `du ${name}`, to: `au ${name}` };
    case 'les':
      return { name, withArticle, of: `des ${name}`, to: `aux ${name}` };
    case 'la':
    case "l'":
      return { name, withArticle, of: `de ${withArticle}`, to: `à ${withArticle}` };
    default:
      return { name, withArticle, of: VOWEL_START.test(name) ? `d'${name}` : `de ${name}`, to: `à ${name}` };
  }
}

/** "1er", "2e", … : the French ordinal of a cycle or session number. */
export function frenchOrdinal(n: number | string): string {
  return Number(n) === 1 ? '1er' : `${n}e`;
}
