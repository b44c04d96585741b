import { render } from 'preact';
import { browser } from 'wxt/browser';
import { I18nContext } from '@/components/i18n';
import { Panel } from '@/components/Panel';
import { createPanelClient } from '@/components/panel-client';
import { isOwnPanelMount, mountTokenOf, watchVisibility } from '@/utils/frame-guard';
import { createTranslator, resolveLanguage, type LanguageSetting } from '@/utils/i18n';
import { settingsItem, updateSettings } from '@/utils/settings';
import '@/components/panel.css';

const client = createPanelClient(browser.runtime, { win: window, token: mountTokenOf(location.hash) }, browser.storage);
const root = document.getElementById('app')!;
const visibility = watchVisibility(document.body);
// The browser's own report where it has one (covered, see-through, filtered, across frames), and the page side's
// reading of our frame's styles everywhere (Firefox has no Intersection Observer v2).
const isShownToUser = async () => visibility.isShownToUser() && (await client.isShownOnPage().then((r) => r.ok && r.value, () => false));
const initialSelected = Number(new URLSearchParams(location.search).get('select')) || null;

function show(setting: LanguageSetting) {
  const language = resolveLanguage(setting, browser.i18n.getUILanguage());
  document.documentElement.lang = language;
  render(
    <I18nContext.Provider value={{ t: createTranslator(language), language }}>
      <Panel
        client={client}
        initialSelected={initialSelected}
        languageSetting={setting}
        onLanguageSetting={(value) => void updateSettings({ language: value })}
        isShownToUser={isShownToUser}
      />
    </I18nContext.Provider>,
    root,
  );
}

// Read while the mount is checked (a long statement's panel lists it as soon as the check is done).
const settings = settingsItem.getValue();

// Anywhere but our own mount (framed by a page that learnt its address, opened as a tab, nested in another
// page's frame), the panel shows nothing and takes no clicks.
void isOwnPanelMount(window, client.isMountedBy).then((ours) => {
  if (!ours) return visibility.stop();
  // Escape hands the keyboard back to the page, where the reader left it (a field or menu that uses Escape
  // itself prevents the default and keeps it).
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) window.parent.focus();
  });
  void settings.then((value) => show(value.language));
  settingsItem.watch((settings) => show(settings.language));
});
