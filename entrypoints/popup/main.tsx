import { render } from 'preact';
import { browser } from 'wxt/browser';
import { I18nContext } from '@/components/i18n';
import { Popup } from '@/components/Popup';
import { isTopLevel } from '@/utils/frame-guard';
import { createTranslator, resolveLanguage } from '@/utils/i18n';
import { sendRequest } from '@/utils/messages';
import { settingsItem, updateSettings } from '@/utils/settings';
import '@/components/panel.css';
import '@/components/popup.css';

const send = (message: unknown) => browser.runtime.sendMessage(message);
// The tab the popup is about: the active one, or one named in the address (when the popup is opened as a page).
const named = Number(new URLSearchParams(location.search).get('tabId'));
const tabId = Number.isInteger(named) && named > 0 ? named : (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;

async function show() {
  const settings = await settingsItem.getValue();
  const language = resolveLanguage(settings.language, browser.i18n.getUILanguage());
  document.documentElement.lang = language;
  render(
    <I18nContext.Provider value={{ t: createTranslator(language), language }}>
      <Popup
        tabId={tabId ?? null}
        request={{
          status: (id) => sendRequest(send, 'popup.status', { tabId: id }),
          annotate: (id) => sendRequest(send, 'popup.annotate', { tabId: id }),
          toggle: (id) => sendRequest(send, 'popup.toggle', { tabId: id }),
        }}
        settings={settings}
        updateSettings={updateSettings}
        openDashboard={() => void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') })}
      />
    </I18nContext.Provider>,
    document.getElementById('app')!,
  );
}

// Never inside a frame, where whoever frames it could cover it and take the user's clicks.
if (isTopLevel(window)) {
  void show();
  settingsItem.watch(() => void show());
}
