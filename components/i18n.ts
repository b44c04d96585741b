// The UI language for every component below the panel's root: `useI18n()` gives `t()` and the language.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { createTranslator, type Translate, type UiLanguage } from '@/utils/i18n';

export interface I18nValue {
  t: Translate;
  language: UiLanguage;
}

export const I18nContext = createContext<I18nValue>({ t: createTranslator('en'), language: 'en' });

export const useI18n = () => useContext(I18nContext);
