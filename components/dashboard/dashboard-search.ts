// The dashboard's search: its rows through the one matcher the panel's filter uses too (components/search.ts).
import { createSearch, type ItemSearch } from '../search';
import type { DashboardRow } from './dashboard-rows';

export function createRowSearch(rows: readonly DashboardRow[]): ItemSearch {
  return createSearch(
    rows.map((row) => ({
      id: row.id,
      text: row.recommendation?.text ?? row.page?.title ?? '',
      notes: [row.note, ...row.otherNotes].filter((n) => n !== null),
      themes: row.recommendation?.themes ?? [],
      actionCategory: row.recommendation?.actionCategory ?? null,
    })),
  );
}
