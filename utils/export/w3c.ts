// W3C Web Annotation (JSON-LD) export and import. The export is one AnnotationCollection with its annotations
// embedded in its first page: one annotation per note (motivation commenting) and one per recommendation without a
// note (motivation highlighting), so other annotation tools see every highlight. A recommendation is the target
// (TextQuote + TextPosition selectors on its page, or the text itself when it has no page); the note is a TextualBody
// with purpose commenting, tags are tagging TextualBodies, themes and status tagging SpecificResources (our term
// IRIs), the action category a classifying one. Our own
// ids ride along as URNs, so importing our file maps every annotation back to the same note and recommendation.
// Text a person reads (bodies, the recommendation's text, quotes) has its invisible formatting shown as codes
// (utils/text), so a viewer shows what the file holds; our reader turns the codes back, so a round trip is exact.
import * as v from 'valibot';
import type { ActionCategory, Note, NoteStatus, RecordSets, RecSelector, StoredRecommendation } from '@/utils/model';
import { normalizeTags, NOTE_STATUSES, RecommendationIdSchema } from '@/utils/model';
import { restoreFormatting, revealFormatting } from '@/utils/text';
import { isoTime } from './arrange';
import { editableNoteId, ImportError, isPlainObject, LANGUAGE_TAG, MAX_IMPORT_RECORDS, MAX_LANGUAGE_TAG, readJson } from './read-json';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const URN = 'urn:upr-annotator:';
const NOTE_URN = `${URN}note:`;
const HIGHLIGHT_URN = `${URN}highlight:`;
const RECOMMENDATION_URN = `${URN}recommendation:`;
const THEME_URN = `${URN}theme:`;
const STATUS_URN = `${URN}status:`;
const CATEGORY_URN = `${URN}action-category:`;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type W3cObject = { [key: string]: Json };

export interface W3cOptions {
  /** The collection's IRI, e.g. `urn:uuid:…`. */
  id: string;
  now: number | Date;
  /** Label shown by tools that list collections. */
  label?: string;
}

// Our ids are plain ASCII today; encoding keeps any future id a valid URI.
const urn = (prefix: string, id: string) => prefix + encodeURIComponent(id);
const fromUrn = (prefix: string, value: unknown) =>
  typeof value === 'string' && value.startsWith(prefix) ? safeDecode(value.slice(prefix.length)) : null;

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

const textBody = (purpose: string, value: string): W3cObject => ({ type: 'TextualBody', purpose, value: revealFormatting(value), format: 'text/plain' });

// Themes, category and status are terms of ours, not free text: the model's way to say so is a SpecificResource whose
// source is the term's IRI (the suite forbids a purpose on a body that only has an id). The term stays readable in it.
const termBody = (purpose: string, prefix: string, term: string): W3cObject => ({ type: 'SpecificResource', purpose, source: urn(prefix, term) });

function recommendationBodies(r: StoredRecommendation): W3cObject[] {
  const bodies = r.themes.map((theme) => termBody('tagging', THEME_URN, theme));
  if (r.actionCategory !== null) bodies.push(termBody('classifying', CATEGORY_URN, String(r.actionCategory)));
  return bodies;
}

function recommendationTarget(r: StoredRecommendation): W3cObject {
  const id = urn(RECOMMENDATION_URN, r.id);
  if (r.pageUrl === null || r.selector === null) {
    // Known without a page (typed in, or from a dataset): the target is the recommendation's own text.
    return { id, type: 'TextualBody', value: revealFormatting(r.text), format: 'text/plain', ...(r.language ? { language: r.language } : {}) };
  }
  const { quote, position } = r.selector;
  return {
    id,
    type: 'SpecificResource',
    source: r.pageUrl,
    selector: [
      { type: 'TextQuoteSelector', exact: revealFormatting(quote.exact), prefix: revealFormatting(quote.prefix), suffix: revealFormatting(quote.suffix) },
      { type: 'TextPositionSelector', start: position.start, end: position.end },
    ],
  };
}

function noteAnnotation(note: Note, rec: StoredRecommendation | null): W3cObject {
  const body: W3cObject[] = [];
  if (note.body !== '') body.push(textBody('commenting', note.body));
  body.push(...note.tags.map((tag) => textBody('tagging', tag)));
  if (note.status !== 'none') body.push(termBody('tagging', STATUS_URN, note.status));
  if (rec) body.push(...recommendationBodies(rec));
  // A note about a recommendation we do not have still points at it by id.
  const target: Json = rec ? recommendationTarget(rec) : note.recommendationId !== null ? urn(RECOMMENDATION_URN, note.recommendationId) : note.pageUrl!;
  return {
    '@context': W3C_CONTEXT,
    id: urn(NOTE_URN, note.id),
    type: 'Annotation',
    motivation: 'commenting',
    created: isoTime(note.createdAt),
    modified: isoTime(note.updatedAt),
    ...(body.length > 0 ? { body } : {}),
    target,
  };
}

function highlightAnnotation(rec: StoredRecommendation): W3cObject {
  const body = recommendationBodies(rec);
  return {
    '@context': W3C_CONTEXT,
    id: urn(HIGHLIGHT_URN, rec.id),
    type: 'Annotation',
    motivation: 'highlighting',
    created: isoTime(rec.createdAt),
    modified: isoTime(rec.updatedAt),
    ...(body.length > 0 ? { body } : {}),
    target: recommendationTarget(rec),
  };
}

export function buildW3cCollection(data: RecordSets, options: W3cOptions): W3cObject {
  const recs = new Map(data.recommendations.map((r) => [r.id, r]));
  const live = data.notes.filter((n) => n.deletedAt === null);
  const withNotes = new Set(live.map((n) => n.recommendationId));
  const items = [
    ...live.map((n) => noteAnnotation(n, n.recommendationId === null ? null : (recs.get(n.recommendationId) ?? null))),
    ...data.recommendations.filter((r) => !withNotes.has(r.id)).map(highlightAnnotation),
  ];
  return {
    '@context': W3C_CONTEXT,
    id: options.id,
    type: 'AnnotationCollection',
    label: options.label ?? 'UPR Annotator export',
    created: isoTime(new Date(options.now).getTime()),
    total: items.length,
    first: { id: `${options.id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Import

/** A recommendation as far as an annotation file tells it: metadata it does not carry stays null. */
export type W3cRecommendation = Pick<StoredRecommendation, 'id' | 'pageUrl' | 'text' | 'selector' | 'language' | 'actionCategory' | 'themes' | 'createdAt' | 'updatedAt'> & {
  /** True when the id is ours (from our own export); false when derived from a foreign annotation's target. */
  knownId: boolean;
};

export interface W3cImport {
  notes: Note[];
  recommendations: W3cRecommendation[];
}

const MAX_TEXT = 20_000;
const MAX_NOTE = 100_000;
/** As a backup keeps them. */
const MAX_THEMES = 100;
const MAX_LABEL = 200;

/**
 * A note's id: ours as our export wrote it (a backup reads it back: 200 plain characters at most); a foreign
 * annotation's (or one too long or odd to be ours) one the extension can edit and delete, the same for each import.
 */
function noteIdOf(ours: string | null, annotationId: string, onPage: boolean): string {
  return ours !== null && /^[\w.:~-]{1,200}$/.test(ours) ? ours : editableNoteId(ours ?? `w3c:${annotationId}`, onPage);
}

/** A language tag of the shape and length the model keeps, else none. */
const languageOf = (value: unknown): string | null =>
  typeof value === 'string' && value.length <= MAX_LANGUAGE_TAG && LANGUAGE_TAG.test(value) ? value : null;

const AnnotationShape = v.looseObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(2_000)),
  type: v.union([v.string(), v.array(v.string())]),
  target: v.unknown(),
});

const types = (value: unknown): string[] => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : []);
const list = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
/** Text a person reads (bodies, quotes): written with invisible formatting revealed, read back exact. */
const prose = (value: unknown): string | null => (typeof value === 'string' ? restoreFormatting(value) : null);

/** The annotations of a collection (embedded pages only), a page, an array, or one annotation. */
function annotationsOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (!isPlainObject(value)) return [];
  const kinds = types(value.type);
  if (kinds.includes('Annotation')) return [value];
  if (kinds.includes('AnnotationPage')) return list(value.items);
  if (kinds.includes('AnnotationCollection')) {
    const out: unknown[] = [];
    const seen = new Set<unknown>();
    for (let page: unknown = value.first; page !== undefined && page !== null; page = isPlainObject(page) ? page.next : undefined) {
      if (typeof page === 'string') {
        throw new ImportError('invalid', 'This annotation collection keeps its annotations on separate pages that are not in the file; export it with every annotation embedded.');
      }
      if (!isPlainObject(page) || seen.has(page)) break;
      seen.add(page);
      out.push(...list(page.items));
    }
    return out;
  }
  return [];
}

function timeOf(value: unknown, fallback: number): number {
  const t = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(t) && t >= 0 ? t : fallback;
}

function selectorOf(target: Record<string, unknown>): RecSelector | null {
  const selectors = list(target.selector).filter(isPlainObject);
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  const exact = prose(quote?.exact);
  if (!quote || !exact) return null;
  const start = position?.start;
  const end = position?.end;
  const valid = typeof start === 'number' && typeof end === 'number' && Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= start;
  return {
    quote: { type: 'TextQuoteSelector', exact: exact.slice(0, MAX_TEXT), prefix: (prose(quote.prefix) ?? '').slice(-200), suffix: (prose(quote.suffix) ?? '').slice(0, 200) },
    position: valid ? { type: 'TextPositionSelector', start, end } : { type: 'TextPositionSelector', start: 0, end: 0 },
  };
}

/** A 96-bit hex digest, synchronous, for ids of recommendations that come from foreign annotations. */
function digest96(text: string): string {
  let out = '';
  for (const seed of [0x811c9dc5, 0x01000193, 0x5bd1e995]) {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Reads a W3C annotation file: ours maps back to the same ids; a foreign one becomes notes on recommendations
 * identified by page and quote (see resolveW3cImport, which matches them to stored ones). Text stays text: an HTML
 * body is kept as the characters it holds, never interpreted.
 */
export function parseW3c(fileText: string, now: number = Date.now()): W3cImport {
  const value = readJson(fileText);
  const raw = annotationsOf(value);
  if (raw.length === 0) throw new ImportError('not-ours', 'This is not a W3C Web Annotation file: it holds no annotations.');
  if (raw.length > MAX_IMPORT_RECORDS) {
    throw new ImportError('invalid', `This file holds ${raw.length.toLocaleString('en')} annotations; at most ${MAX_IMPORT_RECORDS.toLocaleString('en')} can be imported at once, so nothing was imported. Split it into smaller files.`);
  }
  const notes: Note[] = [];
  const recs = new Map<string, W3cRecommendation>();
  raw.forEach((item, index) => {
    const parsed = v.safeParse(AnnotationShape, item);
    if (!parsed.success || !types(parsed.output.type).includes('Annotation')) {
      throw new ImportError('invalid', `Annotation ${index + 1} of this file is not a valid Web Annotation (it needs an id, a type "Annotation" and a target), so nothing was imported.`);
    }
    const a = parsed.output;
    const created = timeOf(a.created, now);
    const modified = timeOf(a.modified, created);
    const target = list(a.target)[0];
    const targetObject = isPlainObject(target) ? target : null;
    const source = typeof target === 'string' ? target : (str(targetObject?.source) ?? null);
    // Only an id of our shape is ours; anything else names a foreign target.
    const claimed = fromUrn(RECOMMENDATION_URN, typeof target === 'string' ? target : targetObject?.id);
    const ourRecId = claimed !== null && v.is(RecommendationIdSchema, claimed) ? claimed : null;
    const selector = targetObject ? selectorOf(targetObject) : null;
    const ownText = targetObject && types(targetObject.type).includes('TextualBody') ? prose(targetObject.value) : null;
    const pageUrl = source !== null && isHttpUrl(source) ? source : null;

    const bodies = list(a.body).filter(isPlainObject);
    const purposeOf = (b: Record<string, unknown>) => types(b.purpose);
    const comments = bodies.filter((b) => types(b.type).includes('TextualBody') && (purposeOf(b).length === 0 || purposeOf(b).includes('commenting'))).map((b) => prose(b.value) ?? '');
    if (typeof a.bodyValue === 'string') comments.push(restoreFormatting(a.bodyValue));
    const tagging = bodies.filter((b) => purposeOf(b).includes('tagging'));
    const terms = (prefix: string, list: Record<string, unknown>[]) => list.map((b) => fromUrn(prefix, b.source)).filter((t): t is string => Boolean(t));
    const themes = [...new Set(terms(THEME_URN, tagging).map((t) => t.slice(0, MAX_LABEL)))].slice(0, MAX_THEMES);
    const statusName = terms(STATUS_URN, tagging)[0];
    const tags = tagging.filter((b) => types(b.type).includes('TextualBody')).map((b) => prose(b.value) ?? '').filter(Boolean);
    const category = terms(CATEGORY_URN, bodies.filter((b) => purposeOf(b).includes('classifying'))).map(Number).find((n) => n >= 1 && n <= 5) as ActionCategory | undefined;

    // The recommendation this annotation is about, if any.
    let recId: string | null = ourRecId;
    const text = ownText ?? selector?.quote.exact ?? null;
    if (text) {
      const id = recId ?? `r${digest96(`${pageUrl ?? ''}\u0000${text}`)}`;
      recId = id;
      if (!recs.has(id)) {
        recs.set(id, {
          id,
          knownId: ourRecId !== null,
          pageUrl: selector ? pageUrl : null,
          text: text.slice(0, MAX_TEXT),
          selector: pageUrl ? selector : null,
          language: languageOf(targetObject?.language),
          actionCategory: category ?? null,
          themes,
          createdAt: created,
          updatedAt: modified,
        });
      }
    }

    const isNote = fromUrn(HIGHLIGHT_URN, a.id) === null && (comments.length > 0 || tags.length > 0 || statusName !== undefined || fromUrn(NOTE_URN, a.id) !== null);
    if (!isNote) return;
    if (recId === null && pageUrl === null) {
      throw new ImportError('invalid', `Annotation ${index + 1} of this file targets neither a web page nor a recommendation, so nothing was imported.`);
    }
    notes.push({
      id: noteIdOf(fromUrn(NOTE_URN, a.id), a.id, recId === null),
      recommendationId: recId,
      pageUrl: recId === null ? pageUrl : null,
      body: comments.join('\n\n').slice(0, MAX_NOTE),
      tags: normalizeTags(tags),
      status: NOTE_STATUSES.includes(statusName as NoteStatus) ? (statusName as NoteStatus) : 'none',
      createdAt: created,
      updatedAt: modified,
      deletedAt: null,
    });
  });
  return { notes, recommendations: [...recs.values()] };
}
