// How page metadata reads in the UI: "Canada → Kazakhstan", "UPR 34 · cycle 3 · 7 November 2019".
// In French, states and themes read in French ("France → Kazakhstan", "de la France au Kazakhstan", "Peine de mort").
import { countryFromName } from '@/utils/upr';
import { FRENCH_THEMES, frenchStateForms, LOCALE, type Translate, type UiLanguage } from '@/utils/i18n';
import { severalStatements, type PageMeta, type PageStatement, type StoredPage } from '@/utils/model';
import { foldText } from '@/utils/text';

type States = Pick<PageMeta, 'recommendingState' | 'stateUnderReview'> & Partial<Pick<PageMeta, 'recommendingStateCode' | 'stateUnderReviewCode'>>;

/** A state's name in the UI language (the stored name is English; its ISO code, or the name, finds the French). */
export function stateName(name: string | null, code: string | null | undefined, t: Translate, language: UiLanguage): string {
  if (!name) return t('unknownState');
  if (language !== 'fr') return name;
  return frenchStateForms(code ?? countryFromName(name)?.code, name).name;
}

/**
 * The values message templates take about who recommends to whom: `state` and `sur` (names), and in French the
 * forms prose needs: `stateSubject` ("la France"), `ofState` ("de la France"), `toSur` ("au Kazakhstan").
 */
export function stateValues(page: States, t: Translate, language: UiLanguage): Record<string, string> {
  const state = stateName(page.recommendingState, page.recommendingStateCode, t, language);
  const sur = stateName(page.stateUnderReview, page.stateUnderReviewCode, t, language);
  if (language !== 'fr') return { state, sur };
  const from = page.recommendingState ? frenchStateForms(page.recommendingStateCode ?? countryFromName(page.recommendingState)?.code, state) : null;
  const to = page.stateUnderReview ? frenchStateForms(page.stateUnderReviewCode ?? countryFromName(page.stateUnderReview)?.code, sur) : null;
  return {
    state,
    sur,
    stateSubject: from?.withArticle ?? state,
    ofState: from?.of ?? `de ${state}`,
    toSur: to?.to ?? `à ${sur}`,
    ofSur: to?.of ?? `de ${sur}`,
  };
}

export function formatStates(page: States, t: Translate, language: UiLanguage = 'en'): string {
  const { state, sur } = stateValues(page, t, language);
  return `${state} → ${sur}`;
}

/** Who recommends to whom on a page: "Canada → Kazakhstan"; on a page of several statements, "Australia → 3 statements". */
export function formatPageStates(page: States & Pick<StoredPage, 'statements' | 'corrections'>, t: Translate, language: UiLanguage): string {
  const several = severalStatements(page);
  if (!several) return formatStates(page, t, language);
  return `${stateName(page.recommendingState, page.recommendingStateCode, t, language)} → ${t('statementCount', { count: several.length })}`;
}

/** One statement of a page of several, as its heading: "Universal Periodic Review of Bahrain — 7 November 2022". */
export function formatStatementHeading(statement: PageStatement, t: Translate, language: UiLanguage): string {
  const title = t('statementGroup', stateValues({ recommendingState: null, ...statement }, t, language));
  const date = formatDate(statement.date, language);
  return date ? `${title} — ${date}` : title;
}

/** A theme's name in the UI language (themes are stored under UPR Info's English names). */
export function themeName(theme: string, language: UiLanguage): string {
  return language === 'fr' ? (FRENCH_THEMES[theme as keyof typeof FRENCH_THEMES] ?? theme) : theme;
}

export function formatDate(iso: string | null, language: UiLanguage): string | null {
  if (!iso) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(LOCALE[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A time of day in the user's time zone ("14:05", "2:05 PM"). */
export function formatTime(ms: number, language: UiLanguage): string {
  return new Intl.DateTimeFormat(LOCALE[language], { hour: 'numeric', minute: '2-digit' }).format(new Date(ms));
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

/** Folded for matching, as everywhere (utils/text): case, accents and ligatures do not matter when filtering. */
export const fold = foldText;
