// The one matcher behind the dashboard's search and the panel's filter: MiniSearch over a recommendation's words,
// its notes and tags, and the labels the user sees on it — themes, action category and status — in both UI
// languages, so "death penalty", "peine de mort", "follow up" or "à suivre" find what the chips say. Accents and
// case do not matter, the last word matches as a prefix while it is typed, every word must match, and results come
// ranked (tags and labels weigh more than running text). What matches is defined by MiniSearch as set up in
// createMiniSearch; the panel and the dashboard both search with the term index (components/term-index.ts), which
// finds exactly the same items, faster, and ranks them the same way in both.
import MiniSearch from 'minisearch';
import { createTranslator, FRENCH_THEMES, type MessageKey } from '@/utils/i18n';
import type { Note } from '@/utils/model';
import { fold } from './format';
import { buildAtOnce, buildTermIndex, fuzzyWord } from './term-index';

export interface Searchable {
  id: string;
  /** The recommendation's words (or a statement's title). */
  text: string;
  notes: readonly Note[];
  themes: readonly string[];
  actionCategory: number | null;
}

interface SearchDocument {
  id: string;
  text: string;
  notes: string;
  tags: string;
  labels: string;
}

const TRANSLATORS = [createTranslator('en'), createTranslator('fr')];

/** The words of every label shown on the item, in English and French. */
export function labelsOf(item: Pick<Searchable, 'notes' | 'themes' | 'actionCategory'>): string {
  const keys: MessageKey[] = [];
  if (item.actionCategory) keys.push(`category.${item.actionCategory}` as MessageKey);
  for (const note of item.notes) if (note.status !== 'none') keys.push(`status.${note.status}` as MessageKey);
  const themes = item.themes.flatMap((theme) => [theme, FRENCH_THEMES[theme as keyof typeof FRENCH_THEMES] ?? '']);
  return [...themes, ...keys.flatMap((key) => TRANSLATORS.map((t) => t(key)))].join(' \n ');
}

export function documentOf(item: Searchable): SearchDocument {
  return {
    id: item.id,
    text: item.text,
    notes: item.notes.map((n) => n.body).join('\n'),
    tags: item.notes.flatMap((n) => n.tags).join(' '),
    labels: labelsOf(item),
  };
}

export interface ItemSearch {
  /** The ids of the items that match, best first; null for an empty query (no search: everything). */
  search(query: string): string[] | null;
}

/** The panel's filter: the term index the dashboard searches with, over the items' fields. */
export function createSearch(items: readonly Searchable[]): ItemSearch {
  const documents = items.map(documentOf);
  const index = buildAtOnce(buildTermIndex(documents.length, (i) => {
    const d = documents[i]!;
    return [d.text, d.notes, d.tags, d.labels];
  }));
  return {
    search(query) {
      const result = index.search(query);
      return result && Array.from(result.ranked, (i) => documents[i]!.id);
    },
  };
}

/** The definition of what matches, with MiniSearch: the term index is tested against it. */
export function createMiniSearch(items: readonly Searchable[]): ItemSearch {
  const index = new MiniSearch<SearchDocument>({
    fields: ['text', 'notes', 'tags', 'labels'],
    // Tags are written "death-penalty": their parts are words too.
    tokenize: (text) => text.split(/[\s\p{P}\p{S}]+/u).filter(Boolean),
    processTerm: (term) => fold(term),
    searchOptions: {
      combineWith: 'AND',
      boost: { tags: 2, labels: 2, notes: 1.5 },
      prefix: (_term, i, terms) => i === terms.length - 1,
      fuzzy: (term) => (fuzzyWord(term) ? 0.15 : false),
    },
  });
  index.addAll(items.map(documentOf));
  return {
    search(query) {
      if (query.trim() === '') return null;
      return index.search(query).map((hit) => String(hit.id));
    },
  };
}
