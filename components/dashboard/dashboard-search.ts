// The dashboard's rows as MiniSearch searches them (components/search.ts): what the row index must find.
import { createMiniSearch, type ItemSearch } from '@/components/search';
import type { DashboardRow } from './dashboard-rows';

export function createRowSearch(rows: readonly DashboardRow[]): ItemSearch {
  return createMiniSearch(
    rows.map((row) => ({
      id: row.id,
      text: row.recommendation?.text ?? row.page?.title ?? '',
      notes: [row.note, ...row.otherNotes].filter((n) => n !== null),
      themes: row.recommendation?.themes ?? [],
      actionCategory: row.recommendation?.actionCategory ?? null,
    })),
  );
}
