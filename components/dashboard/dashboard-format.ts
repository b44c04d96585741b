// How the dashboard words sizes and facet values: "1.2 MB", "UPR 34", "cycle 3", "5 · Specific action".
import { LOCALE, type Translate, type UiLanguage } from '@/utils/i18n';
import type { FacetKey } from './dashboard-rows';
import { stateName, themeName } from '@/components/format';

const MB = 1024 * 1024;

/** Megabytes with one decimal (never "0.0" for something stored), gigabytes from 1 GB. */
export function formatSize(bytes: number, t: Translate, language: UiLanguage): string {
  const number = (n: number) => new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: 1, minimumFractionDigits: n < 10 ? 1 : 0 }).format(n);
  if (bytes >= 1024 * MB) return t('dash.gb', { n: number(bytes / (1024 * MB)) });
  const mb = bytes / MB;
  return t('dash.mb', { n: number(bytes > 0 ? Math.max(mb, 0.1) : 0) });
}

export function facetValueLabel(key: FacetKey, value: string, t: Translate, language: UiLanguage = 'en'): string {
  switch (key) {
    case 'stateUnderReview':
    case 'recommendingState':
      return stateName(value, null, t, language);
    case 'theme':
      return themeName(value, language);
    case 'cycle':
      return t('cycle', { cycle: value });
    case 'session':
      return t('session', { session: value });
    case 'actionCategory':
      return `${value} · ${t(`category.${value as '1' | '2' | '3' | '4' | '5'}`)}`;
    case 'hasNotes':
      return t(value === 'yes' ? 'dash.hasNotes.yes' : 'dash.hasNotes.no');
    default:
      return value;
  }
}
