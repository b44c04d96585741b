// utils/dataset: reading a dataset of earlier recommendations into records ready to store: UPR Info's database
// exports, OHCHR's Universal Human Rights Index (UHRI) export, our own CSV export, or any CSV/JSON with
// recognisable headers. Bytes are decoded with the encoding sniffed (decode.ts), headers matched flexibly
// (columns.ts), states resolved to ISO codes, cycles derived from sessions, a joint recommendation (one row per
// recommending state) kept as one record, and missing issues and action categories classified from the text — with
// each record saying which values the dataset gave. Pure: the dashboard previews with it, the background stores
// its rows in one transaction, the CLI prints them. A file that is not a dataset throws a DatasetError whose
// message a user can act on; a bad row is skipped with its line and the reason, and nothing is half-read silently.
import Papa from 'papaparse';
import { classifyRecommendation } from '@/utils/classify';
import { recommendationId, type DatasetFacts, type StoredRecommendation } from '@/utils/model';
import { jsonDepthExceeds } from '@/utils/export/read-json';
import { FIELD_DESCRIPTIONS, FORMAT_NAMES, HEADER_NAMES, formatOfHeaders, mapColumns, missingFields, type ColumnMap, type DatasetField, type DatasetFormat } from './columns';
import { decode, type Decoded, type EncodingName } from './decode';
import {
  cleanCell,
  echo,
  readActionCategory,
  readCycle,
  readRecommendingStates,
  readResponse,
  readSession,
  readStateUnderReview,
  readText,
  readThemes,
  themesTooMany,
  splitReportText,
  type RecommendingState,
} from './values';

export { HEADER_NAMES, FORMAT_NAMES, fieldOfHeader, type DatasetField, type DatasetFormat } from './columns';
export { decode, type Decoded, type EncodingName } from './decode';

/** A dataset row, ready to become a StoredRecommendation with source 'import' (no page, no selector). */
export type ImportedRecommendation = Omit<StoredRecommendation, 'id' | 'pageUrl' | 'n' | 'selector' | 'source' | 'createdAt' | 'updatedAt'> & {
  /** Where it came from in the file: the spreadsheet row (header = 1) for CSV, the item (first = 1) for JSON. */
  line: number;
};

export interface SkippedRow {
  line: number;
  reason: string;
}

export interface DatasetParseResult {
  /** The kind of file the headers showed. */
  format: DatasetFormat;
  /** Data rows in the file (blank lines aside), before joint recommendations are merged. */
  read: number;
  rows: ImportedRecommendation[];
  /** The first MAX_SKIPPED_LISTED skipped rows with their reasons. */
  skipped: SkippedRow[];
  /** Every skipped row, including those past the list. */
  skippedCount: number;
}

export interface DatasetProgress {
  /** Share of the file read, 0–1. */
  fraction: number;
  rows: number;
}

export interface DatasetParseOptions {
  onProgress?: (progress: DatasetProgress) => void;
  signal?: AbortSignal;
  /** The file's name, kept with each record so the user sees where an imported value came from. */
  fileName?: string;
}

/** The file cannot be imported at all; `message` says why in words for the user. Nothing was read from it. */
export class DatasetError extends Error {
  override name = 'DatasetError';
}

export const MAX_FILE_BYTES = 100 * 1024 * 1024;
export const MAX_ROWS = 300_000;
/** The most columns (CSV) or fields (JSON) a dataset row may have: real ones have a few dozen. */
export const MAX_COLUMNS = 200;
/** The longest cell of any column (a recommendation's text is kept to 20,000 characters; other cells are far shorter). */
export const MAX_CELL_CHARS = 100_000;
/** JSON datasets are a list of flat objects: nesting past this is refused before parsing (see jsonDepthExceeds). */
const MAX_DATASET_DEPTH = 16;
export const MAX_SKIPPED_LISTED = 1_000;
// Exports sometimes carry a title or a note above the header row.
const HEADER_SEARCH_ROWS = 10;
const CHUNK_BYTES = 512 * 1024;
// No real row comes near this (the text is at most 20,000 characters). Papa re-reads an unfinished row with every
// chunk, so an unclosed quote or a file without line breaks would cost minutes: stop there instead.
const MAX_ROW_CHARS = 1024 * 1024;
const SNIFF_BYTES = 8 * 1024;
// More replacement characters than this in the first bytes: the file is not text in any encoding we read.
const MAX_REPLACEMENT_SHARE = 0.02;

// Datasets repeat the same few hundred state names, sessions and issue lists on every row.
const MAX_CACHED_CELLS = 10_000;

/** A cell reader that remembers its answers for repeated cell values. */
function remembering<T>(read: (raw: string) => T): (raw: string) => T {
  const cache = new Map<string, T>();
  return (raw) => {
    let value = cache.get(raw);
    if (value === undefined) {
      value = read(raw);
      if (cache.size < MAX_CACHED_CELLS) cache.set(raw, value);
    }
    return value;
  };
}

/** Close to normalizeRecommendationText (which makes the id) but cheaper: it runs once per row of a large file. */
function duplicateKey(text: string): string {
  return text.toLowerCase().replace(/[\s;,.:]+$/, '');
}

const JOINT_NAME_SEPARATOR = ', ';

class RowCollector {
  readonly rows: ImportedRecommendation[] = [];
  readonly skipped: SkippedRow[] = [];
  skippedCount = 0;
  read = 0;
  /** Row index and line of each recommendation so far, by words, state under review and session. */
  private readonly seen = new Map<string, { index: number; line: number; states: Set<string> }>();
  private readonly stateUnderReview = remembering(readStateUnderReview);
  private readonly recommendingStates = remembering(readRecommendingStates);
  private readonly sessionOf = remembering(readSession);
  private readonly cycleOf = remembering(readCycle);
  private readonly themesOf = remembering(readThemes);
  private readonly responseOf = remembering(readResponse);
  private readonly categoryOf = remembering(readActionCategory);

  /** Set once the headers have shown which dataset this is. */
  datasetName = '';

  skip(line: number, reason: string): void {
    this.skippedCount += 1;
    if (this.skipped.length < MAX_SKIPPED_LISTED) this.skipped.push({ line, reason });
  }

  /** Reads one row given as raw cells per field. */
  take(line: number, cell: (field: DatasetField) => unknown): void {
    this.read += 1;
    const tooLong = DATASET_FIELDS.find((field) => {
      const value = cell(field);
      return typeof value === 'string' && value.length > MAX_CELL_CHARS;
    });
    if (tooLong) return this.skip(line, `${FIELD_DESCRIPTIONS[tooLong]} is longer than ${MAX_CELL_CHARS.toLocaleString('en')} characters`);
    const tooManyThemes = themesTooMany(cell('themes'));
    if (tooManyThemes) return this.skip(line, tooManyThemes);
    const body = cleanCell(cell('mechanism'));
    // UHRI holds treaty bodies' and special procedures' recommendations too; only the UPR's belong here.
    if (body && !/\bUPR\b|universal periodic/i.test(body)) return this.skip(line, `a recommendation of ${echo(body.replace(/^[-\s]+/, ''))}, not of the UPR`);
    const split = splitReportText(cleanCell(cell('text')));
    const text = readText(split.text);
    if (!text.ok) return this.skip(line, text.reason);
    const sur = this.stateUnderReview(cleanCell(cell('stateUnderReview')));
    if (!sur.ok) return this.skip(line, sur.reason);
    const recommending = this.recommendingStates(cleanCell(cell('recommendingState')));
    if (!recommending.ok) return this.skip(line, recommending.reason);
    const when = this.sessionOf(cleanCell(cell('session')));
    if (!when.ok) return this.skip(line, when.reason);
    const cycleCell = this.cycleOf(cleanCell(cell('cycle')));
    if (!cycleCell.ok) return this.skip(line, cycleCell.reason);
    const { session } = when.value;
    const cycle = when.value.cycle ?? cycleCell.value;
    if (cycle === null) return this.skip(line, 'no session or cycle');
    if (cycleCell.value !== null && cycleCell.value !== cycle) {
      return this.skip(line, `session ${session} belongs to cycle ${cycle}, not cycle ${cycleCell.value}`);
    }
    const states: RecommendingState[] = [];
    for (const state of recommending.value) {
      if (state.code === sur.value.code) this.skip(line, `${state.name} cannot recommend to itself`);
      else states.push(state);
    }
    if (recommending.value.length > 0 && states.length === 0) return;
    const paragraph = cleanCell(cell('paragraph')) || split.paragraph;
    const key = [duplicateKey(text.value), sur.value.code, session ?? `c${cycle}`, paragraph ?? ''].join('\u0000');
    const stateKey = (s: RecommendingState) => s.code ?? s.name;
    const earlier = this.seen.get(key);
    if (earlier) return this.join(line, earlier, states, stateKey);

    const rawThemes = cell('themes');
    const givenThemes = Array.isArray(rawThemes) ? readThemes(rawThemes) : this.themesOf(cleanCell(rawThemes));
    const givenCategory = this.categoryOf(cleanCell(cell('actionCategory')));
    const classified = givenThemes.length && givenCategory ? null : classifyRecommendation(text.value);
    const response = this.responseOf(cleanCell(cell('response')));
    const symbol = cleanCell(cell('reportSymbol')).replace(/^[-\s]+/, '');
    const dataset: DatasetFacts = {
      name: this.datasetName,
      actionCategory: givenCategory !== null,
      themes: givenThemes.length > 0,
      response: response !== null,
      reportSymbol: symbol ? symbol.slice(0, 100) : null,
      paragraph: paragraph ? paragraph.slice(0, 20) : null,
    };
    this.seen.set(key, { index: this.rows.length, line, states: new Set(states.map(stateKey)) });
    this.rows.push({
      line,
      text: text.value,
      recommendingState: states.length ? states.map((s) => s.name).join(JOINT_NAME_SEPARATOR) : null,
      recommendingStateCode: states[0]?.code ?? null,
      stateUnderReview: sur.value.name,
      stateUnderReviewCode: sur.value.code,
      session,
      cycle,
      language: null,
      actionCategory: givenCategory ?? classified?.actionCategory ?? null,
      themes: givenThemes.length ? givenThemes : (classified?.themes ?? []),
      response,
      ...(states.length > 1 ? { recommendingStates: states.map(({ name, code }) => ({ name, code })) } : {}),
      dataset,
    });
  }

  /** The same words to the same state at the same session again: another state joining, or a repeated row. */
  private join(line: number, earlier: { index: number; line: number; states: Set<string> }, states: RecommendingState[], stateKey: (s: RecommendingState) => string): void {
    const added = states.filter((s) => !earlier.states.has(stateKey(s)));
    if (added.length === 0) return this.skip(line, `same recommendation as line ${earlier.line}`);
    const row = this.rows[earlier.index]!;
    const all = [...(row.recommendingStates ?? (row.recommendingState ? [{ name: row.recommendingState, code: row.recommendingStateCode }] : [])), ...added];
    for (const s of added) earlier.states.add(stateKey(s));
    row.recommendingStates = all.map(({ name, code }) => ({ name, code }));
    row.recommendingState = all.map((s) => s.name).join(JOINT_NAME_SEPARATOR);
    row.recommendingStateCode = all[0]!.code;
  }

  result(format: DatasetFormat): DatasetParseResult {
    if (this.rows.length === 0) {
      const reasons = [...new Set(this.skipped.map((s) => s.reason))].slice(0, 3);
      throw new DatasetError(
        reasons.length ? `No recommendation could be read from this file. For example: ${reasons.join('; ')}.` : 'This file holds no recommendations.',
      );
    }
    return { format, read: this.read, rows: this.rows, skipped: this.skipped, skippedCount: this.skippedCount };
  }
}

/** What the user sees as the records' source: the kind of file and its name. */
function datasetNameOf(format: DatasetFormat, fileName: string | undefined): string {
  const name = fileName?.replace(/[\u0000-\u001f]/g, '').trim().slice(0, 120);
  return name ? `${FORMAT_NAMES[format]}: ${name}` : FORMAT_NAMES[format];
}

function describeMissing(missing: readonly DatasetField[], headers: readonly string[]): string {
  const shown = headers.filter((h) => typeof h === 'string' && h.trim()).slice(0, 12).map((h) => `"${h.trim().slice(0, 40)}"`);
  const found = shown.length ? ` Its first row reads: ${shown.join(', ')}.` : '';
  return `This file is not a recommendations dataset: no column for ${missing.map((f) => FIELD_DESCRIPTIONS[f]).join(', ')}.${found}`;
}

/** Throws when the first characters show a binary file, a spreadsheet workbook, a PDF or undecodable text. */
function sniff(head: string): void {
  if (head.startsWith('PK\u0003\u0004')) throw new DatasetError('This is a spreadsheet workbook or zip file, not CSV. Save it as "CSV UTF-8" and import that.');
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0') || head.startsWith('\ufffd\ufffd\u0011\ufffd')) {
    throw new DatasetError('This is an old Excel workbook (.xls), not CSV. Save it as "CSV UTF-8" and import that.');
  }
  if (head.startsWith('%PDF')) throw new DatasetError('This is a PDF, not a dataset. Import a CSV or JSON file.');
  if (head.includes('\u0000')) throw new DatasetError('This file is binary, not a CSV or JSON text file.');
  const replacements = head.match(/\ufffd/g)?.length ?? 0;
  if (head.length > 0 && replacements / head.length > MAX_REPLACEMENT_SHARE) throw new DatasetError('This file is not readable text (unknown encoding or binary data).');
}

/** Refuses workbooks and PDFs by their magic numbers, which decoding would blur into replacement characters. */
function refuseBinary(head: Uint8Array): void {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) sniff('PK\u0003\u0004');
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) sniff('\u00d0\u00cf\u0011\u00e0');
}

/**
 * A dataset file's bytes as text, with the encoding found (UTF-8 with or without BOM, UTF-16, Windows-1252, Mac
 * Roman); throws a DatasetError for a file over the limit or a workbook.
 */
export function decodeDataset(input: Uint8Array | ArrayBuffer): Decoded {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length > MAX_FILE_BYTES) throw new DatasetError(`This file is ${Math.round(bytes.length / 1_048_576)} MB; the limit is ${MAX_FILE_BYTES / 1_048_576} MB.`);
  refuseBinary(bytes.subarray(0, 4));
  return decode(bytes);
}

type DatasetInput = string | Blob | Uint8Array | ArrayBuffer;

async function readInput(input: DatasetInput): Promise<string> {
  let text: string;
  if (typeof input === 'string') text = input;
  else if (input instanceof Blob) {
    if (input.size > MAX_FILE_BYTES) throw new DatasetError(`This file is ${Math.round(input.size / 1_048_576)} MB; the limit is ${MAX_FILE_BYTES / 1_048_576} MB.`);
    text = decodeDataset(new Uint8Array(await input.arrayBuffer())).text;
  } else text = decodeDataset(input).text;
  if (text.length > MAX_FILE_BYTES) throw new DatasetError(`This file is larger than the ${MAX_FILE_BYTES / 1_048_576} MB limit.`);
  sniff(text.slice(0, SNIFF_BYTES));
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.trim()) throw new DatasetError('This file is empty.');
  return body;
}

const DATASET_FIELDS = Object.keys(HEADER_NAMES) as DatasetField[];
const tooManyColumns = (count: number) => `This file has ${count.toLocaleString('en')} columns; a dataset has at most ${MAX_COLUMNS}, so nothing was imported.`;

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Reads a CSV dataset (comma, semicolon, tab or pipe separated, header row within the first lines), streamed in
 * chunks so a progress bar can follow and the page stays responsive.
 */
export async function parseDatasetCsv(input: DatasetInput, options: DatasetParseOptions = {}): Promise<DatasetParseResult> {
  const raw = await readInput(input);
  // One line ending for the parser: old Mac exports end lines with a bare CR, Windows with CRLF, files mix them.
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  const { onProgress, signal } = options;
  const collector = new RowCollector();
  let format: DatasetFormat = 'csv';
  let columns: ColumnMap | null = null;
  let firstRow: string[] = [];
  let line = 0;
  let failure: Error | null = null;
  // Papa reports no cursor for a chunk that ends no row, so count what it has been given.
  let charsGiven = 0;
  let rowsEndAt = 0;

  await new Promise<void>((resolve) => {
    Papa.parse<string[]>(text, {
      chunkSize: CHUNK_BYTES,
      skipEmptyLines: false,
      delimitersToGuess: [',', ';', '\t', '|'],
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        charsGiven = Math.min(text.length, charsGiven + CHUNK_BYTES);
        if (results.data.length > 0) rowsEndAt = results.meta.cursor;
        else if (charsGiven - rowsEndAt > MAX_ROW_CHARS) {
          failure = new DatasetError(
            line === 0
              ? 'This is not a CSV file: its first line runs on for more than a megabyte.'
              : `Line ${line + 1} never ends: a quote is opened and not closed, or the line is longer than a megabyte.`,
          );
        }
        const badRows = new Set(results.errors.filter((e) => e.type === 'Quotes').map((e) => e.row));
        for (let r = 0; r < results.data.length && !failure; r++) {
          line += 1;
          const cells = results.data[r]!;
          if (cells.length > MAX_COLUMNS) {
            if (!columns) failure = new DatasetError(tooManyColumns(cells.length));
            else collector.skip(line, `more than ${MAX_COLUMNS} columns`);
            continue;
          }
          if (!columns) {
            if (line === 1) firstRow = cells;
            const candidate = mapColumns(cells);
            if (missingFields(candidate).length === 0) {
              columns = candidate;
              format = formatOfHeaders(cells, 'csv');
              collector.datasetName = datasetNameOf(format, options.fileName);
            }
            else if (line >= HEADER_SEARCH_ROWS) failure = new DatasetError(describeMissing(missingFields(mapColumns(firstRow)), firstRow));
            continue;
          }
          if (cells.every((c: string) => !c || !c.trim())) continue;
          if (badRows.has(r)) {
            collector.skip(line, 'a quote is not closed, so the row runs into the next ones');
            continue;
          }
          const map: ColumnMap = columns;
          collector.take(line, (field) => (map[field] === undefined ? '' : cells[map[field]!]));
          if (collector.rows.length + collector.skippedCount > MAX_ROWS) {
            failure = new DatasetError(`This file has more than ${MAX_ROWS.toLocaleString('en')} rows; split it and import the parts.`);
          }
        }
        if (signal?.aborted) failure ??= new DatasetError('Import cancelled.');
        if (failure) {
          parser.abort();
          return;
        }
        onProgress?.({ fraction: Math.min(1, results.meta.cursor / text.length), rows: collector.rows.length });
        // Let the page paint the progress bar between chunks.
        parser.pause();
        void yieldToEventLoop().then(() => parser.resume());
      },
      complete: () => resolve(),
    });
  });

  if (failure) throw failure;
  if (!columns) throw new DatasetError(describeMissing(missingFields(mapColumns(firstRow)), firstRow));
  onProgress?.({ fraction: 1, rows: collector.rows.length });
  return collector.result(format);
}

const JSON_LIST_KEYS = ['recommendations', 'data', 'rows', 'items', 'records'];

/**
 * Reads a JSON dataset: an array of objects with the same fields as the CSV columns (keys matched like headers),
 * or an object holding that array under "recommendations", "data", "rows", "items" or "records".
 */
export function parseDatasetJson(text: string, options: Pick<DatasetParseOptions, 'fileName'> = {}): DatasetParseResult {
  if (text.length > MAX_FILE_BYTES) throw new DatasetError(`This file is larger than the ${MAX_FILE_BYTES / 1_048_576} MB limit.`);
  sniff(text.slice(0, SNIFF_BYTES));
  if (jsonDepthExceeds(text, MAX_DATASET_DEPTH)) throw new DatasetError(`This JSON file is nested more than ${MAX_DATASET_DEPTH} levels deep; a dataset is a list of flat records.`);
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new DatasetError('This file is not valid JSON.');
  }
  const list = Array.isArray(data) ? data : isRecord(data) ? JSON_LIST_KEYS.map((k) => data[k]).find(Array.isArray) : undefined;
  if (!list) throw new DatasetError('This JSON file holds no list of recommendations (expected an array of objects).');
  if (list.length > MAX_ROWS) throw new DatasetError(`This file has more than ${MAX_ROWS.toLocaleString('en')} recommendations; split it and import the parts.`);
  const firstObject = list.find(isRecord);
  if (!firstObject) throw new DatasetError('This JSON file holds no recommendation objects.');
  if (Object.keys(firstObject).length > MAX_COLUMNS) throw new DatasetError(tooManyColumns(Object.keys(firstObject).length));
  const missing = missingFields(mapColumns(Object.keys(firstObject)));
  if (missing.length) throw new DatasetError(describeMissing(missing, Object.keys(firstObject)));
  const collector = new RowCollector();
  const format = formatOfHeaders(Object.keys(firstObject), 'json');
  collector.datasetName = datasetNameOf(format, options.fileName);
  list.forEach((item, i) => {
    if (!isRecord(item)) return collector.skip(i + 1, 'not an object');
    const keys = Object.keys(item);
    if (keys.length > MAX_COLUMNS) return collector.skip(i + 1, `more than ${MAX_COLUMNS} fields`);
    const columns = mapColumns(keys);
    collector.take(i + 1, (field) => (columns[field] === undefined ? '' : item[keys[columns[field]!]!]));
  });
  return collector.result(format);
}

/** CSV or JSON, told apart by the first character of the text (a JSON dataset opens with "[" or "{"). */
export async function parseDataset(input: DatasetInput, options: DatasetParseOptions = {}): Promise<DatasetParseResult> {
  const text = await readInput(input);
  if (/^\s*[[{]/.test(text)) {
    const result = parseDatasetJson(text, options);
    options.onProgress?.({ fraction: 1, rows: result.rows.length });
    return result;
  }
  return parseDatasetCsv(text, options);
}

/** A record as the user checks it before storing (preview, CLI): states as ISO codes, the values that decide. */
export interface RecordSummary {
  line: number;
  stateUnderReview: string | null;
  /** ISO codes; a recommending entity with no code ("European Union") by its name. */
  recommendingStates: string[];
  session: number | null;
  cycle: number | null;
  text: string;
  response: StoredRecommendation['response'];
  category: StoredRecommendation['actionCategory'];
  themes: string[];
  reportSymbol: string | null;
  paragraph: string | null;
}

export function summarizeRecord(row: ImportedRecommendation): RecordSummary {
  const states = row.recommendingStates ?? (row.recommendingState ? [{ name: row.recommendingState, code: row.recommendingStateCode }] : []);
  return {
    line: row.line,
    stateUnderReview: row.stateUnderReviewCode,
    recommendingStates: states.map((s) => s.code ?? s.name),
    session: row.session,
    cycle: row.cycle,
    text: row.text,
    response: row.response,
    category: row.actionCategory,
    themes: row.themes,
    reportSymbol: row.dataset?.reportSymbol ?? null,
    paragraph: row.dataset?.paragraph ?? null,
  };
}

/** The stored form of an imported row: its stable id (the same text, states and session as a captured page share it). */
export async function toStoredRecommendation(row: ImportedRecommendation, now: number): Promise<StoredRecommendation> {
  const { line: _line, ...fields } = row;
  const id = await recommendationId(row.text, row);
  return { ...fields, id, pageUrl: null, n: 0, selector: null, source: 'import', createdAt: now, updatedAt: now };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
