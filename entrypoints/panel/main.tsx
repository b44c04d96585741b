import { render } from 'preact';
import { browser } from 'wxt/browser';
import { I18nContext } from '@/components/i18n';
import { Panel } from '@/components/Panel';
import { createPanelClient } from '@/components/panel-client';
import { createTranslator, resolveLanguage, type LanguageSetting } from '@/utils/i18n';
import { settingsItem, updateSettings } from '@/utils/settings';
import '@/components/panel.css';

const client = createPanelClient(browser.runtime);
const root = document.getElementById('app')!;
const initialSelected = Number(new URLSearchParams(location.search).get('select')) || null;

function show(setting: LanguageSetting) {
  const language = resolveLanguage(setting, browser.i18n.getUILanguage());
  document.documentElement.lang = language;
  render(
    <I18nContext.Provider value={{ t: createTranslator(language), language }}>
      <Panel client={client} initialSelected={initialSelected} languageSetting={setting} onLanguageSetting={(value) => void updateSettings({ language: value })} />
    </I18nContext.Provider>,
    root,
  );
}

void settingsItem.getValue().then((settings) => show(settings.language));
settingsItem.watch((settings) => show(settings.language));
