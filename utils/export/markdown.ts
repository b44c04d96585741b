// The readable report: CommonMark grouped by state under review, then statement, then recommendation with its
// notes. Everything that comes from a page or a user is escaped, so a note can add no heading, list, link, image,
// code block or raw HTML: it reads as the text that was typed.
import type { Note, RecordSets } from '@/utils/model';
import { joinedParts } from './parts';
import { revealFormatting } from '@/utils/text';
import { ACTION_CATEGORY_NAMES, arrangeForReport, isoTime, type StatementGroup } from './arrange';

export interface MarkdownOptions {
  /** When the report was made; shown under the title. */
  now?: number | Date;
  crossrefCount?: (recommendationId: string) => number;
}

// Inline: emphasis, code spans, links and images, raw HTML and entities, strikethrough and tables of common dialects.
const INLINE_SPECIAL = /[\\`*_[\]<>&!~|#]/g;

/** Escapes text for use inside one line (a heading, a list item, a paragraph line). */
export function escapeInline(text: string): string {
  return revealFormatting(text)
    .replace(/\u0000/g, '\uFFFD')
    .replace(/[^\S\u00a0\u202f]+/g, ' ') // collapse spacing, but keep the no-break spaces of French typography
    .trim()
    .replace(INLINE_SPECIAL, '\\$&');
}

// At the start of a line: block quotes and headings (`>`, `#`, escaped inline already), list items (`-`, `+`, `*`,
// `1.`, `1)`), thematic breaks and setext underlines (`-`, `=`), and indented code (leading spaces, trimmed).
function escapeLineStart(line: string): string {
  return line.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * Escapes multi-line user text into lines that stay one paragraph each: blank lines still separate paragraphs,
 * and line breaks inside a paragraph become hard breaks (a trailing backslash), as the user wrote them.
 */
export function escapeBlock(text: string): string[] {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => escapeLineStart(escapeInline(line)))
        .filter((line) => line !== ''),
    )
    .filter((lines) => lines.length > 0);
  const out: string[] = [];
  for (const lines of paragraphs) {
    if (out.length > 0) out.push('');
    lines.forEach((line, i) => out.push(i < lines.length - 1 ? `${line}\\` : line));
  }
  return out;
}

/** An autolink only for a well-formed http(s) URL; anything else is escaped text. */
function link(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
      return `<${parsed.href.replace(/[<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}>`;
    }
  } catch {
    // not a URL: fall through
  }
  return escapeInline(url);
}

function statementHeading(s: StatementGroup): string {
  const from = s.recommendingState ?? 'Unknown state';
  const parts = [`${escapeInline(from)} → ${escapeInline(s.stateUnderReview ?? 'unknown state')}`];
  if (s.session !== null) parts.push(`UPR ${s.session}`);
  if (s.date) parts.push(escapeInline(s.date));
  return `### ${parts.join(', ')}`;
}

function noteLines(note: Note, label: string): string[] {
  const about = [`status: ${note.status}`];
  if (note.tags.length > 0) about.push(`tags: ${note.tags.map(escapeInline).join(', ')}`);
  about.push(`updated ${isoTime(note.updatedAt)}`);
  const body = escapeBlock(note.body);
  return [`> **${label}** (${about.join('; ')})`, ...(body.length > 0 ? ['>', ...body.map((l) => (l === '' ? '>' : `> ${l}`))] : [])];
}

function statementLines(s: StatementGroup, options: MarkdownOptions): string[] {
  const lines = [statementHeading(s), ''];
  if (s.page) lines.push(`${escapeInline(s.page.title)}\\`, `${link(s.page.url)}`, '');
  else if (!s.key.startsWith('no-page|')) lines.push(link(s.key), '');
  else lines.push('Recommendations known without a statement page.', '');
  for (const note of s.pageNotes) lines.push(...noteLines(note, 'Note on the statement'), '');
  for (const { recommendation: r, notes } of s.recommendations) {
    const number = r.n > 0 ? `${r.n}. ` : ''; // inside a heading, "1." starts no list
    lines.push(`#### ${number}${escapeInline(r.text)}`, '');
    const facts: string[] = [];
    if (r.actionCategory !== null) facts.push(`Action category: ${r.actionCategory} (${ACTION_CATEGORY_NAMES[r.actionCategory]})`);
    if (r.themes.length > 0) facts.push(`Themes: ${r.themes.map(escapeInline).join('; ')}`);
    if (r.response !== null) facts.push(`Response: ${r.response}`);
    if (options.crossrefCount) facts.push(`Cross-references: ${options.crossrefCount(r.id)}`);
    if (facts.length > 0) lines.push(...facts.map((f) => `- ${f}`), '');
    for (const note of notes) lines.push(...noteLines(note, 'Note'), '');
  }
  return lines;
}

export function buildMarkdown(data: RecordSets, options: MarkdownOptions = {}): string {
  return buildMarkdownParts(data, options).join('');
}

/** buildMarkdown's text as parts (see parts.ts). */
export function buildMarkdownParts(data: RecordSets, options: MarkdownOptions = {}): string[] {
  const recs = data.recommendations.length;
  const notes = data.notes.filter((n) => n.deletedAt === null).length;
  const lines = ['# UPR Annotator report', ''];
  const summary = `${recs} recommendation${recs === 1 ? '' : 's'}, ${notes} note${notes === 1 ? '' : 's'}.`;
  lines.push(options.now === undefined ? summary : `Made ${isoTime(new Date(options.now).getTime())}. ${summary}`, '');
  for (const state of arrangeForReport(data)) {
    lines.push(`## ${escapeInline(state.stateUnderReview ?? 'State under review not known')}`, '');
    for (const statement of state.statements) for (const line of statementLines(statement, options)) lines.push(line);
  }
  while (lines.at(-1) === '') lines.pop();
  return [...joinedParts(lines, '\n'), '\n'];
}
