// The panel's "Corrected" list: each correction the page remembers, newest first, with the items it took off the
// list (their notes with them) and the words of what it put there; then the items dismissed before corrections were
// remembered one by one. Nothing corrected away is out of sight, and each entry can be taken back.
import type { CorrectedEntry, PanelRecommendation } from '@/utils/messages';
import { isRejected, type StoredPage } from '@/utils/model';

/**
 * `corrected`: the page's records corrected away; `listed`: those on its list (for the words of what was added);
 * `wordingOf`: a corrected record's words as its page showed them (utils/db pageWordingOf, from its stored record).
 */
export function correctedEntries(
  page: StoredPage | null,
  corrected: PanelRecommendation[],
  listed: PanelRecommendation[],
  wordingOf: (rec: PanelRecommendation) => string = (rec) => rec.text,
): CorrectedEntry[] {
  const steps = page?.corrections?.steps ?? [];
  const textOf = new Map(listed.map((r) => [r.id, r.text]));
  const covered = new Set<string>();
  const entries: CorrectedEntry[] = [];
  for (const step of [...steps].reverse()) {
    const by = new Set(step.rejected);
    const removed = corrected.filter((r) => !covered.has(r.id) && isRejected(by, r.text, wordingOf(r)));
    removed.forEach((r) => covered.add(r.id));
    const added = step.added.flatMap((id) => textOf.get(id) ?? []);
    // A step whose items are all gone meanwhile (taken back with an earlier one) has nothing left to show.
    if (removed.length === 0 && added.length === 0 && !step.meta) continue;
    entries.push({ step: step.id, kind: step.kind, removed, added, was: step.meta?.states ?? null });
  }
  for (const rec of corrected) if (!covered.has(rec.id)) entries.push({ step: null, kind: 'reject', removed: [rec], added: [], was: null });
  return entries;
}
