// How page metadata reads in the UI: "Canada → Kazakhstan", "UPR 34 · cycle 3 · 7 November 2019".
import { LOCALE, type Translate, type UiLanguage } from '@/utils/i18n';
import type { PageMeta } from '@/utils/model';

export function formatStates(page: Pick<PageMeta, 'recommendingState' | 'stateUnderReview'>, t: Translate): string {
  return `${page.recommendingState ?? t('unknownState')} → ${page.stateUnderReview ?? t('unknownState')}`;
}

export function formatDate(iso: string | null, language: UiLanguage): string | null {
  if (!iso) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(LOCALE[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export function formatSession(page: Pick<PageMeta, 'session' | 'cycle' | 'date'>, t: Translate, language: UiLanguage): string {
  return [
    page.session ? t('session', { session: page.session }) : null,
    page.cycle ? t('cycle', { cycle: page.cycle }) : null,
    formatDate(page.date, language),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Folded for matching: case and accents do not matter when filtering. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
