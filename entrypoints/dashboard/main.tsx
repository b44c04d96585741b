import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createDashboardClient } from '@/components/dashboard/dashboard-client';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { I18nContext } from '@/components/i18n';
import { isTopLevel } from '@/utils/frame-guard';
import { createTranslator, resolveLanguage, type LanguageSetting } from '@/utils/i18n';
import { settingsItem, updateSettings } from '@/utils/settings';
import '@/components/panel.css';
import '@/components/dashboard/dashboard.css';

const client = createDashboardClient(browser.runtime, globalThis.navigator?.storage, browser.storage);
const root = document.getElementById('app')!;

function show(setting: LanguageSetting) {
  const language = resolveLanguage(setting, browser.i18n.getUILanguage());
  const t = createTranslator(language);
  document.documentElement.lang = language;
  document.title = t('dash.title');
  render(
    <I18nContext.Provider value={{ t, language }}>
      <Dashboard client={client} languageSetting={setting} onLanguageSetting={(value) => void updateSettings({ language: value })} />
    </I18nContext.Provider>,
    root,
  );
}

// Never inside a frame, where whoever frames it could cover it and take the user's clicks.
if (isTopLevel(window)) {
  void settingsItem.getValue().then((settings) => show(settings.language));
  settingsItem.watch((settings) => show(settings.language));
}
