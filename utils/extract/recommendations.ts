// Finds lead-ins ("Canada recommends that X:", "We recommend:", "recommande", "recomendamos") and the items each
// introduces — list items, numbered or bare paragraphs, glued "to …" runs, clauses inside prose — as spans of lines.
import { LABEL_LEAD_IN, LEAD_IN as PRESENT_LEAD_IN, NAMED_BODY_SUBJECT, RECALL_LEAD_IN, isStatesLeadIn, mayHoldLeadIn, widen } from '@/utils/lead-in';
import { findCountryMentions } from '@/utils/upr';
import {
  CLOSING, DRAFTING, GOVERNS_INFINITIVE, HEADING_LABEL, MARKER, PROSE_STARTS, RECOMMENDATION_VERBS, ROMANCE_VERBS, SOFT_ASK,
  TRAILING_SEPARATOR, WIDGET_TEXT,
} from './lexicon';
import { normalizeSpace, type Line, type LinePoint } from './lines';
import { drain, type Steps } from '@/utils/steps';
import { LINES_PER_STEP } from './step-sizes';

export interface ItemSpan {
  start: LinePoint; end: LinePoint;
  /** Found inside prose after an inline "recommend", not as an item of a run. */
  inline?: boolean;
}
export interface LeadIn {
  line: number;
  /** The lead-in as written, from the start of its sentence to its colon (or clause). */
  text: string;
  /** Words before the recommending verb or phrase (its subject). */
  subject: string;
  /** Words after it, up to the colon or the end of the sentence (the addressee). */
  addressee: string;
  kind: 'list' | 'inline';
}
export interface RecommendationScan { items: ItemSpan[]; leadIns: LeadIn[] }

// A careless CMS may drop the space after a full stop ("prisoners.We also recommend"): a lowercase letter, the stop and
// a capitalized word still end a sentence ("U.S." does not).
const SENTENCE_END = /[.!?](?=[\s\u00a0]|$)|(?<=\p{Ll})[.!?](?=\p{Lu}\p{Ll})/gu;
const WORD = /[\p{L}\p{N}]+/gu;
const MAX_LEAD_IN_TAIL = 220;
const MAX_SUBJECT_CHARS = 300;
/** How far into a list item its lead-in may start: "Finally, we also recommend" and no more. */
const MAX_ITEM_LEAD_IN = 40;
// Lines keep their own white space (the ranges are offsets into it). LEAD_IN is global (for exec loops); tests need a
// stateless copy.
const LEAD_IN = widen([PRESENT_LEAD_IN, RECALL_LEAD_IN], 'giu');
const LEAD_IN_ONCE = widen([PRESENT_LEAD_IN, RECALL_LEAD_IN], 'iu');

function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/**
 * Sentence bounds around increasing positions of one text, each sentence end found once, so a huge paragraph with
 * many "recommends" and no full stop costs linear time, not quadratic.
 */
function sentenceCursor(text: string): { startBefore(index: number): number; endAfter(index: number): number } {
  let start = 0;
  let nextEnd = -1;
  const advance = () => {
    SENTENCE_END.lastIndex = nextEnd + 1;
    const m = SENTENCE_END.exec(text);
    nextEnd = m ? m.index : text.length;
  };
  advance();
  const passTo = (index: number) => {
    while (nextEnd < index) {
      start = nextEnd + 1;
      advance();
    }
  };
  return {
    startBefore(index) {
      passTo(index);
      // Only the last words before the verb can be its subject.
      return Math.max(start, index - MAX_SUBJECT_CHARS);
    },
    endAfter(index) {
      passTo(index);
      return Math.min(nextEnd + 1, text.length);
    },
  };
}

/** Start and end of an item's own words inside [start, end): no marker, no surrounding space, no trailing "; and". */
function trimSpan(text: string, start: number, end: number): [number, number] | null {
  let s = start;
  const marker = MARKER.exec(text.slice(s, end));
  if (marker) s += marker[0].length;
  while (s < end && /[\s\u00a0]/.test(text[s]!)) s++;
  let e = end;
  while (e > s && /[\s\u00a0]/.test(text[e - 1]!)) e--;
  const tail = TRAILING_SEPARATOR.exec(text.slice(Math.max(s, e - 40), e));
  if (tail) e = Math.max(s, e - 40) + tail.index;
  while (e > s && /[\s\u00a0]/.test(text[e - 1]!)) e--;
  return e > s ? [s, e] : null;
}

function firstWord(text: string): string {
  return /^[\p{L}'’]+/u.exec(text)?.[0] ?? '';
}

function startsWithCountry(text: string): boolean {
  const mention = findCountryMentions(text.slice(0, 80))[0];
  return mention !== undefined && /^(?:the\s+)?$/i.test(text.slice(0, mention.index));
}

function looksLikeVerb(word: string): boolean {
  const w = word.toLowerCase();
  if (RECOMMENDATION_VERBS.has(w)) return true;
  if (/(?:s|es)$/.test(w) && (RECOMMENDATION_VERBS.has(w.replace(/s$/, '')) || RECOMMENDATION_VERBS.has(w.replace(/es$/, '')))) return true;
  // Gerunds, adverbs ("Vigorously investigate"), French and Spanish infinitives.
  return /(?:ing|ly|er|ir|re|ar)$/.test(w) && w.length > 3;
}

function isRejectedItem(text: string): boolean {
  return !text || DRAFTING.test(text) || CLOSING.test(text) || SOFT_ASK.test(text) || WIDGET_TEXT.test(text) || countWords(text) < 2;
}

/** Could this paragraph (not a list item) be one more recommendation in a run after a lead-in? */
function isItemParagraph(line: Line, previousEndsItem: RunEnd): boolean {
  if (line.heading) return false;
  const text = normalizeSpace(line.text);
  if (isRejectedItem(text) || text.length > 1500) return false;
  const marker = MARKER.exec(text);
  if (marker && marker[0].trim()) {
    const rest = text.slice(marker[0].length);
    // "Finally, we are concerned …" is prose behind an ordinal, not an item.
    return !isRejectedItem(rest) && !PROSE_STARTS.has(firstWord(rest).toLowerCase());
  }
  if (/^to\s+\p{L}/iu.test(text)) return true;
  if (/^\p{Ll}/u.test(text)) return true;
  const word = firstWord(text);
  if (!word || PROSE_STARTS.has(word.toLowerCase()) || startsWithCountry(text)) return false;
  // An unknown first word still continues a run whose items end in ";" (the list's own punctuation), and the item
  // after a "; and" is the run's last, however it ends.
  return looksLikeVerb(word) || isNounPhraseItem(word, text) || (previousEndsItem !== false && (previousEndsItem === 'last' || /;(?:\s*(?:and|et|y))?$/i.test(text)));
}

/** "A strategy to tackle …", "An independent review of …": a short noun-phrase item, one sentence, no first person. */
function isNounPhraseItem(word: string, text: string): boolean {
  return /^(?:an?|une?|una?)$/i.test(word) && countWords(text) <= 60 && (text.match(SENTENCE_END) ?? []).length <= 1 && !/\b(?:we|our|us|I|my|nous|notre|nosotros|nuestr[oa]s?)\b/i.test(text);
}

/** How a paragraph ends, for the next one: in ";" (more items may follow), in "; and" (one last item follows). */
type RunEnd = boolean | 'last';

function runEndOf(text: string): RunEnd {
  if (/[;,]\s*(?:and|et|y)$/i.test(text)) return 'last';
  return /;$/.test(text);
}

function isBareMarker(line: Line): boolean {
  const text = normalizeSpace(line.text);
  const marker = MARKER.exec(text);
  return marker !== null && marker[0].trim() !== '' && marker[0].length >= text.length;
}

/** Numbered items written inline in one paragraph ("1) …; 2) …"): the offsets of each marker, if they count up from 1. */
function findInlineMarkers(text: string, start: number, end: number): number[] {
  const numbers = findCountingMarkers(text, start, end, /(?:^|[\s;:,.])(\(?(\d{1,2})[.)])(?=[\s\u00a0]*\p{L})/gu, (m) => Number(m));
  if (numbers.length) return numbers;
  // Roman numerals and letters only in parentheses, "(ii)" or "b)", so the article "a." never counts.
  const romans = findCountingMarkers(text, start, end, /(?:^|[\s;:,.])(\(?([ivx]{1,4})\))(?=[\s\u00a0]*\p{L})/gu, (m) => ROMAN.indexOf(m) + 1);
  return romans.length ? romans : findCountingMarkers(text, start, end, /(?:^|[\s;:,.])(\(?([a-l])\))(?=[\s\u00a0]*\p{L})/gu, (m) => m.charCodeAt(0) - 96);
}

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'];

/** Offsets of the markers `pattern` finds (group 1 the marker, group 2 its value) that count up from 1, if two or more. */
function findCountingMarkers(text: string, start: number, end: number, pattern: RegExp, valueOf: (marker: string) => number): number[] {
  const found: number[] = [];
  pattern.lastIndex = start;
  let expected = 1;
  for (let m = pattern.exec(text); m && m.index < end; m = pattern.exec(text)) {
    if (valueOf(m[2]!) !== expected) continue;
    found.push(m.index + m[0].length - m[1]!.length);
    expected += 1;
  }
  return found.length >= 2 ? found : [];
}

/** Items whose markers were lost, glued into one paragraph: "to continue … root causes to sign … to revise …". */
function findGluedInfinitives(text: string, start: number, end: number): number[] {
  const body = text.slice(start, end);
  if (!/^[\s\u00a0]*to\s/i.test(body) || /[.;](?=[\s\u00a0]+\S)/.test(body)) return [];
  const cuts: number[] = [];
  const pattern = /(\S+)[\s\u00a0]+to[\s\u00a0]+(\p{Ll}+)/gu;
  for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
    const before = m[1]!;
    pattern.lastIndex = m.index + before.length;
    if (/[,:(]$/.test(before) || GOVERNS_INFINITIVE.has(before.toLowerCase()) || !RECOMMENDATION_VERBS.has(m[2]!)) continue;
    const cut = m.index + m[0].indexOf('to', before.length);
    const previous = cuts.length ? cuts[cuts.length - 1]! : 0;
    if (countWords(body.slice(previous, cut)) >= 4 && countWords(body.slice(cut)) >= 4) cuts.push(cut);
  }
  return cuts.map((c) => start + c);
}

/**
 * Items run together in one paragraph, split only by the sentence boundary: "Introduces a law on … . Strengthens …".
 * A sentence starts a new item only when it opens with a recommending verb, so an item's own second sentence ("This
 * would …") stays with it.
 */
function findSentenceItems(text: string, start: number, end: number): number[] {
  if (!opensWithKnownVerb(text.slice(start, end).replace(MARKER, ''))) return [];
  const cuts: number[] = [];
  const pattern = /[.!?][\s\u00a0]+(?=\p{Lu})/gu;
  pattern.lastIndex = start;
  for (let m = pattern.exec(text); m && m.index < end; m = pattern.exec(text)) {
    const cut = m.index + m[0].length;
    const previous = cuts.length ? cuts[cuts.length - 1]! : start;
    if (opensWithKnownVerb(text.slice(cut, cut + 40)) && countWords(text.slice(previous, cut)) >= 4 && countWords(text.slice(cut, end)) >= 4) cuts.push(cut);
  }
  return cuts;
}

/**
 * Clauses after a lead-in's colon in the same paragraph, split by ";": "We recommend that Chile: adopt …; ensure …; and
 * establish …". Every clause must open with a recommending verb, or the paragraph is one item with inner semicolons.
 */
function findClauseItems(text: string, start: number, end: number): number[] {
  const cuts: number[] = [];
  const pattern = /;(?:[\s\u00a0]+(?:and|et|y))?[\s\u00a0]+/giu;
  pattern.lastIndex = start;
  for (let m = pattern.exec(text); m && m.index < end; m = pattern.exec(text)) cuts.push(m.index + m[0].length);
  const bounds = [start, ...cuts, end];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const clause = text.slice(bounds[k]!, bounds[k + 1]!).replace(/^[\s\u00a0]+/, '');
    if (countWords(clause) < 3 || !opensWithKnownVerb(clause.charAt(0).toUpperCase() + clause.slice(1))) return [];
  }
  // Each cut is where a clause starts; trimming takes the "; and" off the clause before it.
  return cuts;
}

function splitParagraph(lineIndex: number, line: Line, start: number, end: number, afterColon = false): ItemSpan[] {
  const text = line.text;
  const markers = findInlineMarkers(text, start, end);
  const glued = markers.length ? [] : findGluedInfinitives(text, start, end);
  const clauses = markers.length || glued.length || !afterColon ? [] : findClauseItems(text, start, end);
  const cuts = glued.length ? glued : clauses.length ? clauses : findSentenceItems(text, start, end);
  // Text before the first inline marker is the rest of a lead-in, never an item; glued items start at `start`.
  const bounds = markers.length ? [...markers, end] : [start, ...cuts, end];
  const spans: ItemSpan[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const trimmed = trimSpan(text, bounds[k]!, bounds[k + 1]!);
    if (!trimmed || isRejectedItem(normalizeSpace(text.slice(trimmed[0], trimmed[1])))) continue;
    spans.push({ start: { line: lineIndex, offset: trimmed[0] }, end: { line: lineIndex, offset: trimmed[1] } });
  }
  return spans;
}

function topItemOf(li: Element, list: Element): Element | null {
  let item: Element | null = li;
  while (item && item.parentElement !== list) item = item.parentElement?.closest('li') ?? null;
  return item;
}

/** The items of the list starting at `first`, one per top-level <li>, and the index of the first line after it. */
function* collectList(lines: readonly Line[], first: number): Steps<{ spans: ItemSpan[]; next: number }> {
  const list = lines[first]!.listItem!.parentElement!;
  const spans: ItemSpan[] = [];
  let k = first;
  let stepStart = k;
  while (k < lines.length && list.contains(lines[k]!.block)) {
    if (k - stepStart >= LINES_PER_STEP) {
      yield;
      stepStart = k;
    }
    const top = topItemOf(lines[k]!.listItem ?? lines[k]!.block, list);
    let last = k;
    while (last + 1 < lines.length && top && top.contains(lines[last + 1]!.block)) last++;
    const startTrim = trimSpan(lines[k]!.text, 0, lines[k]!.text.length);
    const endTrim = trimSpan(lines[last]!.text, last === k ? (startTrim?.[0] ?? 0) : 0, lines[last]!.text.length);
    if (startTrim && endTrim) {
      const span = { start: { line: k, offset: startTrim[0] }, end: { line: last, offset: endTrim[1] } };
      const text = normalizeSpace(lines[k]!.text.slice(startTrim[0]));
      const linkOnly = top !== null && top.querySelector('a') !== null && normalizeSpace(top.querySelector('a')!.textContent ?? '') === normalizeSpace(top.textContent ?? '') && text.length < 40;
      if (!isRejectedItem(text) && !linkOnly) spans.push(span);
    }
    k = last + 1;
  }
  return { spans, next: k };
}

/** Is most of this element's text link text (a reading list, documents, share buttons)? */
function mostlyLinks(el: Element): boolean {
  const links = [...el.querySelectorAll('a')].map((a) => a.textContent ?? '').join('');
  return normalizeSpace(links).length * 2 > normalizeSpace(el.textContent ?? '').length;
}

/** A short label line ("Women's rights:") between two lists under one lead-in. */
function isSectionLabel(line: Line): boolean {
  const text = normalizeSpace(line.text);
  return text.length <= 80 && (line.heading || /:$/.test(text)) && !LEAD_IN_ONCE.test(text);
}

function* collectFollowing(lines: readonly Line[], first: number): Steps<{ spans: ItemSpan[]; next: number }> {
  const spans: ItemSpan[] = [];
  let k = first;
  if (k < lines.length && lines[k]!.listItem) {
    for (;;) {
      const list = yield* collectList(lines, k);
      for (const span of list.spans) spans.push(span);
      k = list.next;
      const label = lines[k];
      const after = lines[k + 1];
      if (!label || !after || !isSectionLabel(label) || !after.listItem || !list.spans.length || mostlyLinks(after.listItem)) break;
      k += 1;
    }
    return { spans, next: k };
  }
  let previousEndsItem: RunEnd = true;
  let stepStart = k;
  while (k < lines.length) {
    if (k - stepStart >= LINES_PER_STEP) {
      yield;
      stepStart = k;
    }
    // A number alone in its cell or paragraph ("<td>1.</td><td>Ratify …</td>") marks the line after it.
    const bare = isBareMarker(lines[k]!) && k + 1 < lines.length;
    const line = lines[bare ? k + 1 : k]!;
    if (!(bare ? isItemParagraph(line, true) : isItemParagraph(line, previousEndsItem))) break;
    if (bare) k++;
    spans.push(...splitParagraph(k, line, 0, line.text.length));
    previousEndsItem = runEndOf(normalizeSpace(line.text));
    k++;
  }
  return { spans, next: k };
}

/** Where the recommendation itself starts after an inline "recommend": past "that" and the addressee, keeping "to". */
function clauseStart(text: string, from: number): number {
  let s = from;
  const that = /^[\s\u00a0]*(?:(?:also|further|furthermore|therefore|strongly|également|aussi|en\s+outre|además|asimismo|también|igualmente)[\s\u00a0,]+)?(?:(?:that|que)[\s\u00a0]+)?/i.exec(text.slice(s))!;
  s += that[0].length;
  const head = text.slice(s, s + 80);
  const mention = findCountryMentions(head)[0];
  // "to the Government of", "al Estado de", "au Gouvernement du": words before the name that are not the clause.
  const addressee = /^(?:(?:to|à|au|aux|a|al)\s+)?(?:(?:the\s+)?(?:government|authorities|kingdom|republic|state)\s+of\s+|(?:gobierno|estado|gouvernement|[ée]tat)\s+(?:de\s+|du\s+|d['’]\s*)?)?(?:the\s+|la\s+|l['’]\s*|el\s+)?$/iu;
  if (mention && addressee.test(head.slice(0, mention.index))) {
    s += mention.index + mention.length;
    while (s < text.length && /[\s\u00a0,]/.test(text[s]!)) s++;
    // "recomienda a Chile que adopte": the clause starts at its verb.
    const que = /^(?:que|qu['’])[\s\u00a0]*/i.exec(text.slice(s, s + 6));
    if (que) s += que[0].length;
  } else {
    // A careless CMS glues the name to the verb: "that Irelandstrengthen its …".
    const article = /^(?:the\s+)?/i.exec(head)![0].length;
    const glued = gluedNameLength(head.slice(article));
    if (glued) s += article + glued;
  }
  return s;
}

/** The length of a state's name glued to the lowercase word after it ("Irelandstrengthen" → 7), else 0. */
function gluedNameLength(head: string): number {
  if (!/^\p{Lu}/u.test(head)) return 0;
  for (let end = Math.min(head.length, 40); end >= 4; end--) {
    if (!/\p{Ll}/u.test(head[end - 1] ?? '') || !/\p{Ll}/u.test(head[end] ?? '')) continue;
    // The verb first (two set lookups), the name only then: most lead-ins never get this far.
    const verb = /^\p{Ll}+/u.exec(head.slice(end, end + 20))![0];
    if (!RECOMMENDATION_VERBS.has(verb) && !RECOMMENDATION_VERBS.has(verb.replace(/s$/, '')) && !ROMANCE_VERBS.has(verb)) continue;
    const name = head.slice(0, end);
    const mention = findCountryMentions(name)[0];
    if (mention && mention.index === 0 && mention.length === name.length) return end;
  }
  return 0;
}

function isPhraseLeadIn(match: string): boolean {
  return /recommendations?|recommandations|recomendaciones/i.test(match) && !/recommendation\b|recommandation\b|recomendaci[óo]n\b/i.test(match);
}

function looksLikeItemStart(line: Line | undefined): boolean {
  if (!line) return false;
  if (line.listItem) return true;
  const marker = MARKER.exec(normalizeSpace(line.text));
  return Boolean(marker && marker[0].trim()) || /^[\s\u00a0]*to\s/i.test(line.text);
}

/** The forms of a first word that may be a recommending verb: "adopts", "adopting", "studies", "adopter". */
function verbForms(w: string): string[] {
  const base = w.replace(/ing$/, '');
  return [w, w.replace(/s$/, ''), w.replace(/es$/, ''), w.replace(/ies$/, 'y'), base, `${base}e`, base.slice(0, -1)];
}

/** A capitalized first word that is a known recommending verb in any of its forms ("Introduces", "Considering", "Ratifier"). */
export function opensWithKnownVerb(text: string): boolean {
  const words = text.replace(/^[\s\u00a0]*(?:to|à|de)\s+/i, '').match(/[\p{L}'’]+/gu) ?? [];
  const first = words[0] ?? '';
  if (!/^\p{Lu}/u.test(first)) return false;
  const w = (/ly$/i.test(first) && words[1] ? words[1] : first).toLowerCase();
  return verbForms(w).some((v) => RECOMMENDATION_VERBS.has(v) || ROMANCE_VERBS.has(v));
}

/** "Adopt", "adopts", "adopting", "to adopt", "Urgently adopt", "Adopter", "Adoptar": an item that opens with a verb. */
function opensWithVerb(text: string): boolean {
  const words = text.replace(/^(?:to|à|de)\s+/i, '').toLowerCase().match(/[\p{L}'’]+/gu) ?? [];
  const w = /ly$/.test(words[0] ?? '') && words[1] ? words[1] : (words[0] ?? '');
  return verbForms(w).some((v) => RECOMMENDATION_VERBS.has(v) || ROMANCE_VERBS.has(v)) ||
    (/(?:er|ir|ar|re)$/.test(w) && w.length > 4);
}

/**
 * The items right under a heading that only says "Recommendations" (to a state): a list or numbered paragraphs whose
 * items read as recommendations (at least two in three open with a verb, none a link), else nothing.
 */
function* collectUnderHeading(lines: readonly Line[], i: number): Steps<{ spans: ItemSpan[]; next: number } | null> {
  const first = lines[i + 1];
  if (!first || !(first.listItem || MARKER.exec(normalizeSpace(first.text))?.[0].trim())) return null;
  const following = yield* collectFollowing(lines, i + 1);
  let verbs = 0;
  for (const span of following.spans) {
    const line = lines[span.start.line]!;
    if (mostlyLinks(line.listItem ?? line.block)) return null;
    if (opensWithVerb(normalizeSpace(line.text.slice(span.start.offset)))) verbs++;
  }
  return following.spans.length && verbs * 3 >= following.spans.length * 2 ? following : null;
}

/**
 * A list item that is itself a full lead-in sentence ("<li>We also recommend that Iceland …</li>"): its own words
 * start with the recommending phrase, and it is not a link (a news list's "Norway recommends …" headline).
 */
function opensWithLeadIn(line: Line): boolean {
  const text = normalizeSpace(line.text).replace(MARKER, '');
  const m = LEAD_IN_ONCE.exec(text.slice(0, MAX_ITEM_LEAD_IN + 40));
  return m !== null && m.index <= MAX_ITEM_LEAD_IN && !mostlyLinks(line.listItem!);
}

/** "Canada’s recommendations …" is a state's; "Amnesty International’s recommendations …" is not. */
function isStatesLabel(text: string): boolean {
  const owner = /^(.+?)['’]s\s/u.exec(text);
  return !owner || startsWithCountry(owner[1]!);
}

/** Every recommendation in page order, with the lead-ins that introduced them. */
export function scanRecommendations(lines: readonly Line[]): RecommendationScan {
  return drain(scanInSteps(lines));
}

/** scanRecommendations in steps of about LINES_PER_STEP lines (a list of thousands of items is read in several). */
export function* scanInSteps(lines: readonly Line[]): Steps<RecommendationScan> {
  const items: ItemSpan[] = [];
  const leadIns: LeadIn[] = [];
  let i = 0;
  // Lines read, and a long line counted as one more for every 256 characters.
  let work = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    work += 1 + (line.text.length >> 8);
    if (work >= LINES_PER_STEP) {
      work = 0;
      yield;
    }
    let next = i + 1;
    // (Lines that name no recommendation, nearly all of a long statement's, are looked at no further for a lead-in.)
    const mayLeadIn = mayHoldLeadIn(line.text);
    if (mayLeadIn && !line.heading && !line.listItem && LABEL_LEAD_IN.test(normalizeSpace(line.text)) && isStatesLabel(normalizeSpace(line.text))) {
      const following = yield* collectFollowing(lines, i + 1);
      if (following.spans.length) {
        leadIns.push({ line: i, text: normalizeSpace(line.text), subject: '', addressee: normalizeSpace(line.text), kind: 'list' });
        for (const span of following.spans) items.push(span);
        i = following.next;
        continue;
      }
    }
    if (line.heading && HEADING_LABEL.test(normalizeSpace(line.text))) {
      const following = yield* collectUnderHeading(lines, i);
      if (following) {
        leadIns.push({ line: i, text: normalizeSpace(line.text), subject: '', addressee: normalizeSpace(line.text), kind: 'list' });
        for (const span of following.spans) items.push(span);
        i = following.next;
        continue;
      }
    }
    // A lead-in may be a heading ("<h2>We recommend that Kazakhstan:</h2>"), but only one that opens a list.
    if (mayLeadIn && (!line.listItem || opensWithLeadIn(line))) {
      const text = line.text;
      LEAD_IN.lastIndex = 0;
      const sentences = sentenceCursor(text);
      for (let m = LEAD_IN.exec(text); m; m = LEAD_IN.exec(text)) {
        const sentenceStart = sentences.startBefore(m.index);
        const subject = text.slice(sentenceStart, m.index);
        const verbEnd = m.index + m[0].length;
        const spacedSubject = subject.replace(/\s+/g, ' ');
        if (NAMED_BODY_SUBJECT.test(spacedSubject) || !isStatesLeadIn(spacedSubject, text.slice(verbEnd, verbEnd + 40).replace(/\s+/g, ' '))) continue;
        const sentenceEnd = sentences.endAfter(verbEnd);
        const colonAt = text.slice(verbEnd, verbEnd + MAX_LEAD_IN_TAIL + 1).indexOf(':');
        const colon = colonAt < 0 ? -1 : verbEnd + colonAt;
        const hasColon = colon >= 0 && colon < sentenceEnd;
        const tailEnd = hasColon ? colon : sentenceEnd;
        const addressee = text.slice(verbEnd, tailEnd);
        const lead = { line: i, text: normalizeSpace(text.slice(sentenceStart, tailEnd)), subject: normalizeSpace(subject), addressee: normalizeSpace(addressee) };
        // A lead-in that opens a list ends its line within a few words; a longer rest is prose, however long.
        const restOfLine = normalizeSpace(text.slice(hasColon ? colon + 1 : verbEnd, verbEnd + 400));
        // "We have three recommendations." ends its sentence at the phrase: what follows is the list it announces.
        const announces = isPhraseLeadIn(m[0]) && countWords(restOfLine) === 0;
        const opensList = hasColon || ((announces || !restOfLine.match(/[.!?]$/)) && countWords(restOfLine) <= 12 && looksLikeItemStart(lines[i + 1]));
        if (opensList) {
          leadIns.push({ ...lead, kind: 'list' });
          const remainderStart = hasColon ? colon + 1 : text.length;
          if (countWords(text.slice(remainderStart)) >= 3) {
            items.push(...splitParagraph(i, line, remainderStart, text.length, true));
          } else {
            const following = yield* collectFollowing(lines, i + 1);
            // A heading ("We recommend") over a reading list is a site's advice, not a statement's.
            items.push(...following.spans.filter((span) => !line.heading || !mostlyLinks(lines[span.start.line]!.listItem ?? lines[span.start.line]!.block)));
            next = Math.max(next, following.next);
          }
          break;
        }
        // A standfirst above the story repeats the statement in other words ("The UK recommends tackling …").
        if (isPhraseLeadIn(m[0]) || line.heading || line.standfirst) continue;
        const start = /recommendation|recommandation|recomendaci/i.test(m[0]) ? verbEnd : clauseStart(text, verbEnd);
        const trimmed = trimSpan(text, start, sentenceEnd);
        if (!trimmed || countWords(text.slice(trimmed[0], trimmed[1])) < 3) continue;
        leadIns.push({ ...lead, kind: 'inline' });
        items.push({ start: { line: i, offset: trimmed[0] }, end: { line: i, offset: trimmed[1] }, inline: true });
        LEAD_IN.lastIndex = sentenceEnd;
      }
    }
    i = next;
  }
  return { items, leadIns };
}
