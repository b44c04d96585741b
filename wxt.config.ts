import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The extension's one build configuration: Chromium (MV3) and Firefox from the same sources.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  vite: () => ({
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
  }),
  manifest: ({ browser }) => ({
    name: 'UPR Annotator',
    description:
      "Finds, highlights and annotates recommendations on governments' Universal Periodic Review statement pages.",
    permissions: ['storage', 'scripting'],
    host_permissions: ['http://*/*', 'https://*/*'],
    web_accessible_resources: [{ resources: ['panel.html'], matches: ['http://*/*', 'https://*/*'] }],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'upr-annotator@upr-annotator.org', strict_min_version: '115.0' } } }
      : {}),
  }),
});
