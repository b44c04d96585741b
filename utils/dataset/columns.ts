// Which column of a dataset holds which field, and which kind of file the headers show. Datasets come from UPR
// Info's database (its older export: "To", "From", "Action", "Issue"; its web export: "State under Review",
// "Recommending State", "Action Category", "Issues"), OHCHR's Universal Human Rights Index ("Countries Concerned",
// "UPR Reccomending States" — OHCHR's spelling —, "UPR Position", "Document Symbol"), our own CSV export and
// people's own spreadsheets, so headers are matched on a folded key ("Recommending State(s)" → "recommendingstates")
// against a table of names in English, French and Spanish. Add a header name here and nowhere else.
import { foldText } from '@/utils/text';

export type DatasetField =
  | 'text'
  | 'recommendingState'
  | 'stateUnderReview'
  | 'session'
  | 'cycle'
  | 'response'
  | 'themes'
  | 'actionCategory'
  | 'reportSymbol'
  | 'paragraph'
  | 'mechanism';

export const HEADER_NAMES: Readonly<Record<DatasetField, readonly string[]>> = {
  text: [
    'Recommendation', 'Recommendations', 'Text', 'Recommendation text', 'Text of recommendation', 'Full text', 'Recommendation (full text)',
    'Recommandation', 'Texte', 'Texte de la recommandation', 'Recomendación', 'Texto', 'Texto de la recomendación',
  ],
  recommendingState: [
    'Recommending State', 'Recommending States', 'Recommending State(s)', 'Recommending country', 'Recommending entity', 'From',
    'Recommended by', 'Source state', 'UPR Reccomending States', 'UPR Recommending States', 'UPR Recommending State', 'État recommandant', 'Pays recommandant', 'Estado recomendante', 'Estado que recomienda',
  ],
  stateUnderReview: [
    'State under Review', 'SuR', 'State under review (SuR)', 'To', 'Countries Concerned', 'Country Concerned', 'Country', 'Reviewed State', 'State reviewed', 'Country under review',
    'État examiné', 'Pays examiné', 'État sous examen', 'Estado examinado', 'Estado bajo examen', 'País examinado', 'País',
  ],
  session: ['Session', 'UPR session', 'UPR Session number', 'WG session', 'Session number', 'Working Group session', 'Session UPR', 'Sesión', 'Sesión del EPU', 'Session EPU'],
  cycle: ['Cycle', 'UPR cycle', 'Cycle number', 'Review cycle', 'Ciclo', 'Cycle EPU', 'Ciclo del EPU'],
  response: [
    'Response', 'Position', 'Status', 'Response type', 'Position of the State under Review', 'SuR response', 'State response',
    'Recommendation status', 'UPR Position', 'Réponse', 'Position de l’État', 'Respuesta', 'Posición', 'Estado de la recomendación',
  ],
  themes: ['Issues', 'Issue', 'Themes', 'Theme', 'Topics', 'Topic', 'Thèmes', 'Thématiques', 'Questions', 'Temas', 'Tema', 'Cuestiones'],
  actionCategory: ['Action category', 'Action', 'Category', 'Action type', 'Catégorie', 'Catégorie d’action', 'Categoría', 'Categoría de acción'],
  reportSymbol: ['Document Symbol', 'Symbol', 'Report symbol', 'Working Group report', 'Cote du document', 'Signatura del documento'],
  paragraph: ['Paragraph', 'Paragraph number', 'Para', 'Paragraphe', 'Párrafo'],
  mechanism: ['Reccomending Body', 'Recommending Body', 'Body', 'Mechanism', 'Mécanisme', 'Mecanismo'],
};

export const REQUIRED_FIELDS: readonly DatasetField[] = ['text', 'recommendingState', 'stateUnderReview'];

/** "Recommending State(s) " → "recommendingstates"; also the form without a bracketed note ("recommendingstate"). */
export function headerKeys(header: string): string[] {
  const folded = foldText(header);
  const key = (s: string) => s.replace(/[^a-z0-9]+/g, '');
  const whole = key(folded);
  const bare = key(folded.replace(/\([^)]*\)/g, ' '));
  return whole === bare ? [whole] : [whole, bare];
}

const FIELD_BY_KEY: ReadonlyMap<string, DatasetField> = new Map(
  (Object.entries(HEADER_NAMES) as [DatasetField, readonly string[]][]).flatMap(([field, names]) => names.flatMap((n) => headerKeys(n).map((k) => [k, field] as const))),
);

export function fieldOfHeader(header: string): DatasetField | null {
  for (const key of headerKeys(header)) {
    const field = FIELD_BY_KEY.get(key);
    if (field) return field;
  }
  return null;
}

export type ColumnMap = Partial<Record<DatasetField, number>>;

/** Column index of each field; the first column named for a field wins. */
export function mapColumns(headers: readonly string[]): ColumnMap {
  const columns: ColumnMap = {};
  headers.forEach((header, i) => {
    const field = typeof header === 'string' && header.length <= 200 ? fieldOfHeader(header) : null;
    if (field && columns[field] === undefined) columns[field] = i;
  });
  return columns;
}

/** Which producer's file the headers show; the reading is the same, the name tells the user what was recognised. */
export type DatasetFormat = 'upr-info' | 'uhri' | 'upr-annotator' | 'csv' | 'json';

export const FORMAT_NAMES: Readonly<Record<DatasetFormat, string>> = {
  'upr-info': 'UPR Info database export',
  uhri: 'OHCHR Universal Human Rights Index (UHRI) export',
  'upr-annotator': 'UPR Annotator export',
  csv: 'CSV',
  json: 'JSON',
};

const UHRI_KEYS = new Set(['countriesconcerned', 'upreccomendingstates', 'uprrecommendingstates', 'uprposition', 'ohchrannotationid', 'reccomendingbody']);
const UPR_INFO_KEYS = new Set(['to', 'torgrp', 'toorg', 'fromrgrp', 'fromorg']);

export function formatOfHeaders(headers: readonly string[], fallback: 'csv' | 'json'): DatasetFormat {
  const keys = new Set(headers.filter((h) => typeof h === 'string').flatMap(headerKeys));
  const columns = mapColumns(headers);
  if ([...keys].some((k) => UHRI_KEYS.has(k))) return 'uhri';
  if (keys.has('recommendationid') || keys.has('rowtype')) return 'upr-annotator';
  // UPR Info's two exports: the short names of the old one, or its human coding (action category and issues).
  if ([...keys].some((k) => UPR_INFO_KEYS.has(k)) || (columns.actionCategory !== undefined && columns.themes !== undefined)) return 'upr-info';
  return fallback;
}

export function missingFields(columns: ColumnMap): DatasetField[] {
  const missing = REQUIRED_FIELDS.filter((f) => columns[f] === undefined);
  if (columns.session === undefined && columns.cycle === undefined) missing.push('session');
  return missing;
}

export const FIELD_DESCRIPTIONS: Readonly<Record<DatasetField, string>> = {
  text: 'the recommendation text ("Recommendation")',
  recommendingState: 'the recommending state ("Recommending State")',
  stateUnderReview: 'the state under review ("State under Review")',
  session: 'the session or cycle ("Session" or "Cycle")',
  cycle: 'the cycle ("Cycle")',
  response: 'the response ("Response")',
  themes: 'the issues ("Issues")',
  actionCategory: 'the action category ("Action category")',
  reportSymbol: 'the report symbol ("Document Symbol")',
  paragraph: 'the paragraph ("Paragraph")',
  mechanism: 'the recommending body ("Recommending Body")',
};
