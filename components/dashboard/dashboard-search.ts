// Full-text search over the dashboard's rows with MiniSearch: the recommendation's words, the notes' text and tags.
// Accents and case do not matter, the last word matches as a prefix while it is typed, and every word must match.
import MiniSearch from 'minisearch';
import { fold } from '../format';
import type { DashboardRow } from './dashboard-rows';

interface SearchDocument {
  id: string;
  text: string;
  notes: string;
  tags: string;
}

function documentOf(row: DashboardRow): SearchDocument {
  const notes = [row.note, ...row.otherNotes].filter((n) => n !== null);
  return {
    id: row.id,
    text: row.recommendation?.text ?? row.page?.title ?? '',
    notes: notes.map((n) => n.body).join('\n'),
    tags: notes.flatMap((n) => n.tags).join(' '),
  };
}

export interface RowSearch {
  /** Ids of the rows that match, or null for an empty query (no search: every row). */
  search(query: string): Set<string> | null;
}

export function createRowSearch(rows: readonly DashboardRow[]): RowSearch {
  const index = new MiniSearch<SearchDocument>({
    fields: ['text', 'notes', 'tags'],
    processTerm: (term) => fold(term),
    searchOptions: {
      combineWith: 'AND',
      boost: { tags: 2, notes: 1.5 },
      prefix: (_term, i, terms) => i === terms.length - 1,
      fuzzy: (term) => (term.length > 5 ? 0.15 : false),
    },
  });
  index.addAll(rows.map(documentOf));
  return {
    search(query) {
      if (query.trim() === '') return null;
      return new Set(index.search(query).map((hit) => String(hit.id)));
    },
  };
}
