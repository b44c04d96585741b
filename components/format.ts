// How page metadata reads in the UI: "Canada → Kazakhstan", "UPR 34 · cycle 3 · 7 November 2019".
import type { PageMeta } from '@/utils/model';

export function formatStates(page: Pick<PageMeta, 'recommendingState' | 'stateUnderReview'>): string {
  return `${page.recommendingState ?? 'Unknown state'} → ${page.stateUnderReview ?? 'unknown state'}`;
}

export function formatDate(iso: string | null, locale = 'en-GB'): string | null {
  if (!iso) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export function formatSession(page: Pick<PageMeta, 'session' | 'cycle' | 'date'>, locale = 'en-GB'): string {
  return [page.session ? `UPR ${page.session}` : null, page.cycle ? `cycle ${page.cycle}` : null, formatDate(page.date, locale)]
    .filter(Boolean)
    .join(' · ');
}
