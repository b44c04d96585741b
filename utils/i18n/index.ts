// The UI's languages: English and French tables (messages.ts), the choice between them (the user's setting, else
// the browser's language), and `t()` to fill in values. Our own tables rather than browser.i18n alone, because
// users switch the language in settings without restarting the browser.
import { EN, FR, type MessageKey, type Messages } from './messages';
import { frenchOrdinal } from './names-fr';

export type { MessageKey } from './messages';
export { FRENCH_STATES, FRENCH_THEMES, frenchOrdinal, frenchStateForms, type FrenchStateForms } from './names-fr';
export type UiLanguage = 'en' | 'fr';
export type LanguageSetting = 'auto' | UiLanguage;

const TABLES: Record<UiLanguage, Messages> = { en: EN as Messages, fr: FR };

/** The language to show: the setting, or the browser's language when it is French, else English. */
export function resolveLanguage(setting: LanguageSetting, browserLanguage: string | undefined): UiLanguage {
  if (setting !== 'auto') return setting;
  return browserLanguage?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function createTranslator(language: UiLanguage): Translate {
  const table = TABLES[language];
  const plural = new Intl.PluralRules(language);
  return (key, values = {}) => {
    const entry = table[key];
    const template = typeof entry === 'string' ? entry : entry[plural.select(countOf(values.count)) === 'one' ? 'one' : 'other'];
    // "{cycle:ordinal}" writes the value as an ordinal of the language ("1er", "2e" in French).
    return template.replace(/\{(\w+)(:ordinal)?\}/g, (whole, name: string, ordinal?: string) => {
      if (!(name in values)) return whole;
      return ordinal && language === 'fr' ? frenchOrdinal(values[name]!) : String(values[name]);
    });
  };
}

/** The locale for dates and numbers in that language. */
export const LOCALE: Record<UiLanguage, string> = { en: 'en-GB', fr: 'fr-FR' };

const NUMBER_FORMATS = new Map<UiLanguage, (n: number) => string>();
/** Whole counts as the language writes them: "300,000" in English, "300 000" in French. */
export function numberFormat(language: UiLanguage): (n: number) => string {
  let format = NUMBER_FORMATS.get(language);
  if (!format) NUMBER_FORMATS.set(language, (format = new Intl.NumberFormat(LOCALE[language]).format));
  return format;
}

// A count given as written ("12,345", "12 345"): its digits choose the plural form.
const countOf = (value: string | number | undefined): number => (typeof value === 'number' ? value : Number(String(value ?? 0).replace(/[^0-9]/g, '') || 0));
