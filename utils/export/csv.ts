// The spreadsheet export: one row per recommendation with its notes, tags, metadata, action category, themes and
// cross-reference count, then one row per page-level note ("Row type" tells them apart). UTF-8 with a byte-order
// mark (so spreadsheets pick the right charset), CRLF between rows, RFC 4180 quoting by papaparse, and every formula
// start neutralised with an apostrophe, at a cell's start and wherever a locale's separator could split one out. Invisible formatting (bidi
// overrides…) shows as visible codes (utils/text), so a cell reads as it holds.
import Papa from 'papaparse';
import type { Note, RecordSets } from '@/utils/model';
import { revealFormatting } from '@/utils/text';
import { ACTION_CATEGORY_NAMES, arrangeForReport, isoTime, type StatementGroup } from './arrange';

export interface CsvOptions {
  /** How many stored recommendations of earlier cycles match this one; the column stays empty without it. */
  crossrefCount?: (recommendationId: string) => number;
}

export const CSV_COLUMNS = [
  'Row type',
  'State under review',
  'State under review code',
  'Recommending state',
  'Recommending state code',
  'Session',
  'Cycle',
  'Statement date',
  'Page title',
  'Page URL',
  'Recommendation number',
  'Recommendation ID',
  'Recommendation',
  'Language',
  'Response',
  'Action category',
  'Action category name',
  'Themes',
  'Cross-references',
  'Notes',
  'Note status',
  'Tags',
  'Note created',
  'Note updated',
  'Source',
  'First seen',
  'Last updated',
] as const;

type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string | number | null>>;

/** Joins several values of one cell; a semicolon survives every spreadsheet's CSV import. */
const LIST_SEPARATOR = '; ';
/** Between two notes of one recommendation, inside its cell. */
const NOTE_SEPARATOR = '\n\n';
const BOM = '\uFEFF';
const CRLF = '\r\n';

// OWASP's list: a cell starting with these is a formula (or becomes one) in Excel, LibreOffice and Google Sheets.
const FORMULA_START = /^[=+\-@\t\r]/;
// The same inside a cell, after anything a spreadsheet may split a cell at: the separators of the world's locales
// (comma, semicolon, tab, pipe), a line break, or a quote a parser may take for a field's start. Opened with `;` as
// separator (French, German…), "a;=1336+1;b" is three cells, the middle one a formula, quoted or not.
const FORMULA_AFTER_SPLIT = /([,;\t\r\n|"])([=+\-@])/g;

/**
 * An apostrophe before every formula start, at the cell's start and after each place a spreadsheet may split it:
 * spreadsheets show what follows an apostrophe as text; the apostrophe is visible, which is the point.
 */
export function neutralizeFormula(cell: string): string {
  const inner = cell.replace(FORMULA_AFTER_SPLIT, "$1'$2");
  return FORMULA_START.test(inner) ? `'${inner}` : inner;
}

function noteColumns(notes: Note[]): Row {
  if (notes.length === 0) return {};
  const tags = [...new Set(notes.flatMap((n) => n.tags))];
  return {
    Notes: notes.map((n) => n.body).join(NOTE_SEPARATOR),
    'Note status': notes.map((n) => n.status).join(LIST_SEPARATOR),
    Tags: tags.join(LIST_SEPARATOR),
    'Note created': isoTime(Math.min(...notes.map((n) => n.createdAt))),
    'Note updated': isoTime(Math.max(...notes.map((n) => n.updatedAt))),
  };
}

function statementColumns(s: StatementGroup): Row {
  return {
    'State under review': s.stateUnderReview,
    'State under review code': s.stateUnderReviewCode,
    'Recommending state': s.recommendingState,
    'Recommending state code': s.recommendingStateCode,
    Session: s.session,
    Cycle: s.cycle,
    'Statement date': s.date,
    'Page title': s.page?.title ?? null,
    'Page URL': s.page?.url ?? (s.key.startsWith('no-page|') ? null : s.key),
  };
}

export function buildCsv(data: RecordSets, options: CsvOptions = {}): string {
  return buildCsvParts(data, options).join('');
}

const ROWS_PER_PART = 5_000;

/** buildCsv's text as parts (see parts.ts). */
export function buildCsvParts(data: RecordSets, options: CsvOptions = {}): string[] {
  const rows: Row[] = [];
  for (const state of arrangeForReport(data)) {
    for (const statement of state.statements) {
      const where = statementColumns(statement);
      for (const { recommendation: r, notes } of statement.recommendations) {
        rows.push({
          'Row type': 'recommendation',
          ...where,
          'Recommendation number': r.n || null,
          'Recommendation ID': r.id,
          Recommendation: r.text,
          Language: r.language,
          Response: r.response,
          'Action category': r.actionCategory,
          'Action category name': r.actionCategory === null ? null : ACTION_CATEGORY_NAMES[r.actionCategory],
          Themes: r.themes.join(LIST_SEPARATOR),
          'Cross-references': options.crossrefCount ? options.crossrefCount(r.id) : null,
          ...noteColumns(notes),
          Source: r.source,
          'First seen': isoTime(r.createdAt),
          'Last updated': isoTime(r.updatedAt),
        });
      }
      for (const note of statement.pageNotes) rows.push({ 'Row type': 'page note', ...where, ...noteColumns([note]) });
    }
  }
  const cells = rows.map((row) => CSV_COLUMNS.map((column) => neutralizeFormula(revealFormatting(String(row[column] ?? '')))));
  // Written a few thousand rows a part, the header with the first.
  const parts = [BOM + Papa.unparse({ fields: [...CSV_COLUMNS], data: cells.slice(0, ROWS_PER_PART) }, { newline: CRLF, quotes: false }) + CRLF];
  for (let start = ROWS_PER_PART; start < cells.length; start += ROWS_PER_PART) {
    parts.push(Papa.unparse({ fields: [...CSV_COLUMNS], data: cells.slice(start, start + ROWS_PER_PART) }, { newline: CRLF, quotes: false, header: false }) + CRLF);
  }
  return parts;
}
