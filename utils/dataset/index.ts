// utils/dataset: reading a dataset of earlier recommendations (CSV or JSON, e.g. an export of UPR Info's database)
// into records ready to store. Headers are matched flexibly, states resolved to ISO codes, cycles derived from
// sessions, missing issues and action categories classified from the text. Pure: the caller stores the rows in
// one transaction. A file that is not a dataset throws a DatasetError whose message a user can act on; a bad
// row is skipped with its line and the reason, and nothing is ever half-read silently.
import Papa from 'papaparse';
import { classifyRecommendation } from '@/utils/classify';
import { recommendationId, type StoredRecommendation } from '@/utils/model';
import { FIELD_DESCRIPTIONS, mapColumns, missingFields, type ColumnMap, type DatasetField } from './columns';
import { cleanCell, readActionCategory, readCycle, readRecommendingStates, readResponse, readSession, readStateUnderReview, readText, readThemes } from './values';

export { HEADER_NAMES, fieldOfHeader, type DatasetField } from './columns';

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
}

/** The file cannot be imported at all; `message` says why in words for the user. Nothing was read from it. */
export class DatasetError extends Error {
  override name = 'DatasetError';
}

export const MAX_FILE_BYTES = 100 * 1024 * 1024;
export const MAX_ROWS = 300_000;
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

class RowCollector {
  readonly rows: ImportedRecommendation[] = [];
  readonly skipped: SkippedRow[] = [];
  skippedCount = 0;
  private readonly seen = new Map<string, number>();
  private readonly stateUnderReview = remembering(readStateUnderReview);
  private readonly recommendingStates = remembering(readRecommendingStates);
  private readonly sessionOf = remembering(readSession);
  private readonly cycleOf = remembering(readCycle);
  private readonly themesOf = remembering(readThemes);
  private readonly responseOf = remembering(readResponse);
  private readonly categoryOf = remembering(readActionCategory);

  skip(line: number, reason: string): void {
    this.skippedCount += 1;
    if (this.skipped.length < MAX_SKIPPED_LISTED) this.skipped.push({ line, reason });
  }

  /** Reads one row given as raw cells per field. */
  take(line: number, cell: (field: DatasetField) => unknown): void {
    const text = readText(cleanCell(cell('text')));
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
    const rawThemes = cell('themes');
    const givenThemes = Array.isArray(rawThemes) ? readThemes(rawThemes) : this.themesOf(cleanCell(rawThemes));
    const givenCategory = this.categoryOf(cleanCell(cell('actionCategory')));
    const classified = givenThemes.length && givenCategory ? null : classifyRecommendation(text.value);
    const response = this.responseOf(cleanCell(cell('response')));
    for (const state of recommending.value) {
      if (state.code === sur.value.code) {
        this.skip(line, `${state.name} cannot recommend to itself`);
        continue;
      }
      const key = [duplicateKey(text.value), state.code ?? state.name, sur.value.code, session ?? `c${cycle}`].join('\u0000');
      const first = this.seen.get(key);
      if (first !== undefined) {
        this.skip(line, `same recommendation as line ${first}`);
        continue;
      }
      this.seen.set(key, line);
      this.rows.push({
        line,
        text: text.value,
        recommendingState: state.name,
        recommendingStateCode: state.code,
        stateUnderReview: sur.value.name,
        stateUnderReviewCode: sur.value.code,
        session,
        cycle,
        language: null,
        actionCategory: givenCategory ?? classified?.actionCategory ?? null,
        themes: givenThemes.length ? givenThemes : (classified?.themes ?? []),
        response,
      });
    }
  }

  result(): DatasetParseResult {
    if (this.rows.length === 0) {
      const reasons = [...new Set(this.skipped.map((s) => s.reason))].slice(0, 3);
      throw new DatasetError(
        reasons.length ? `No recommendation could be read from this file. For example: ${reasons.join('; ')}.` : 'This file holds no recommendations.',
      );
    }
    return { rows: this.rows, skipped: this.skipped, skippedCount: this.skippedCount };
  }
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

async function readBlob(blob: Blob): Promise<string> {
  if (blob.size > MAX_FILE_BYTES) throw new DatasetError(`This file is ${Math.round(blob.size / 1_048_576)} MB; the limit is ${MAX_FILE_BYTES / 1_048_576} MB.`);
  const head = new Uint8Array(await blob.slice(0, 4).arrayBuffer());
  // Check the magic numbers on bytes: decoding would turn them into replacement characters first.
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) sniff('PK\u0003\u0004');
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) sniff('\u00d0\u00cf\u0011\u00e0');
  const bytes = new Uint8Array(await blob.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Excel on Windows saves "CSV" in the ANSI code page; reading it as Windows-1252 keeps "Côte d'Ivoire" intact.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

async function readInput(input: string | Blob): Promise<string> {
  const text = typeof input === 'string' ? input : await readBlob(input);
  if (text.length > MAX_FILE_BYTES) throw new DatasetError(`This file is larger than the ${MAX_FILE_BYTES / 1_048_576} MB limit.`);
  sniff(text.slice(0, SNIFF_BYTES));
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.trim()) throw new DatasetError('This file is empty.');
  return body;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Reads a CSV dataset (comma, semicolon, tab or pipe separated, header row within the first lines), streamed in
 * chunks so a progress bar can follow and the page stays responsive.
 */
export async function parseDatasetCsv(input: string | Blob, options: DatasetParseOptions = {}): Promise<DatasetParseResult> {
  const text = await readInput(input);
  const { onProgress, signal } = options;
  const collector = new RowCollector();
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
          if (!columns) {
            if (line === 1) firstRow = cells;
            const candidate = mapColumns(cells);
            if (missingFields(candidate).length === 0) columns = candidate;
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
  return collector.result();
}

const JSON_LIST_KEYS = ['recommendations', 'data', 'rows', 'items', 'records'];

/**
 * Reads a JSON dataset: an array of objects with the same fields as the CSV columns (keys matched like headers),
 * or an object holding that array under "recommendations", "data", "rows", "items" or "records".
 */
export function parseDatasetJson(text: string): DatasetParseResult {
  if (text.length > MAX_FILE_BYTES) throw new DatasetError(`This file is larger than the ${MAX_FILE_BYTES / 1_048_576} MB limit.`);
  sniff(text.slice(0, SNIFF_BYTES));
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
  const missing = missingFields(mapColumns(Object.keys(firstObject)));
  if (missing.length) throw new DatasetError(describeMissing(missing, Object.keys(firstObject)));
  const collector = new RowCollector();
  list.forEach((item, i) => {
    if (!isRecord(item)) return collector.skip(i + 1, 'not an object');
    const keys = Object.keys(item);
    const columns = mapColumns(keys);
    collector.take(i + 1, (field) => (columns[field] === undefined ? '' : item[keys[columns[field]!]!]));
  });
  return collector.result();
}

/** CSV or JSON, told apart by the first character of the text (a JSON dataset opens with "[" or "{"). */
export async function parseDataset(input: string | Blob, options: DatasetParseOptions = {}): Promise<DatasetParseResult> {
  const text = await readInput(input);
  if (/^\s*[[{]/.test(text)) {
    const result = parseDatasetJson(text);
    options.onProgress?.({ fraction: 1, rows: result.rows.length });
    return result;
  }
  return parseDatasetCsv(text, options);
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
