// The background worker: wiring only. The application (storage, requests, drafts, tab commands) is
// utils/background, created here with the real extension API and settings store.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackground } from '@/utils/background';
import { settingsItem } from '@/utils/settings';

export default defineBackground(() => {
  const app = createBackground({ browser, settings: settingsItem });
  app.listen();
  const registered = app.registerDetector().catch((error: unknown) => console.error('[UPR Annotator] the detector could not be registered:', error));
  settingsItem.watch(() => void app.registerDetector().catch((error: unknown) => console.error('[UPR Annotator]', error)));
  browser.runtime.onStartup.addListener(() => void registered);
});
