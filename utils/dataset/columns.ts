// Which column of a dataset holds which field. Datasets come from UPR Info's database, OHCHR matrices and
// people's own spreadsheets, so headers are matched on a folded key ("Recommending State(s)" → "recommendingstates")
// against a table of names in English, French and Spanish. Add a header name here and nowhere else.
import { foldText } from '@/utils/classify';

export type DatasetField = 'text' | 'recommendingState' | 'stateUnderReview' | 'session' | 'cycle' | 'response' | 'themes' | 'actionCategory';

export const HEADER_NAMES: Readonly<Record<DatasetField, readonly string[]>> = {
  text: [
    'Recommendation', 'Recommendations', 'Text', 'Recommendation text', 'Text of recommendation', 'Full text', 'Recommendation (full text)',
    'Recommandation', 'Texte', 'Texte de la recommandation', 'Recomendación', 'Texto', 'Texto de la recomendación',
  ],
  recommendingState: [
    'Recommending State', 'Recommending States', 'Recommending State(s)', 'Recommending country', 'Recommending entity', 'From',
    'Recommended by', 'Source state', 'État recommandant', 'Pays recommandant', 'Estado recomendante', 'Estado que recomienda',
  ],
  stateUnderReview: [
    'State under Review', 'SuR', 'State under review (SuR)', 'Country', 'Reviewed State', 'State reviewed', 'Country under review',
    'État examiné', 'Pays examiné', 'État sous examen', 'Estado examinado', 'Estado bajo examen', 'País examinado', 'País',
  ],
  session: ['Session', 'UPR session', 'WG session', 'Session number', 'Working Group session', 'Session UPR', 'Sesión', 'Sesión del EPU', 'Session EPU'],
  cycle: ['Cycle', 'UPR cycle', 'Cycle number', 'Review cycle', 'Ciclo', 'Cycle EPU', 'Ciclo del EPU'],
  response: [
    'Response', 'Position', 'Status', 'Response type', 'Position of the State under Review', 'SuR response', 'State response',
    'Recommendation status', 'Réponse', 'Position de l’État', 'Respuesta', 'Posición', 'Estado de la recomendación',
  ],
  themes: ['Issues', 'Issue', 'Themes', 'Theme', 'Topics', 'Topic', 'Thèmes', 'Thématiques', 'Questions', 'Temas', 'Tema', 'Cuestiones'],
  actionCategory: ['Action category', 'Action', 'Category', 'Action type', 'Catégorie', 'Catégorie d’action', 'Categoría', 'Categoría de acción'],
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
};
