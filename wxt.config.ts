import { defineConfig } from 'wxt';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';

// The extension's one build configuration: Chromium (MV3) and Firefox from the same sources.
export default defineConfig({
  // UPR_OUTPUT_DIR lets two builds (a test run and a development build) live side by side.
  outDir: process.env.UPR_OUTPUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  hooks: {
    // The detector runs on every page: build it against the browser's native API instead of the polyfill.
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((e) => e.name === 'detector')) return;
      config.resolve ??= {};
      const native = resolve(import.meta.dirname, 'utils/browser-native/index.ts');
      config.resolve.alias = [
        { find: /^@wxt-dev\/webextension-polyfill\/browser$/, replacement: native },
        { find: /^wxt\/browser$/, replacement: native },
        ...(Array.isArray(config.resolve.alias) ? config.resolve.alias : Object.entries(config.resolve.alias ?? {}).map(([find, replacement]) => ({ find, replacement: replacement as string }))),
      ];
    },
  },
  // `wxt zip -b firefox` also packs the sources for the add-ons store's review (WXT does so for Firefox by default):
  // what builds the extension, without the test suites' pages and run artefacts.
  zip: {
    excludeSources: ['e2e/**', 'e2e-firefox/**', 'tests/**', 'test-results/**', 'sample-screenshot.png', '**/*.log'],
  },
  vite: () => ({
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
  }),
  manifest: ({ browser }) => ({
    name: 'UPR Annotator',
    description:
      "Finds, highlights and annotates recommendations on governments' Universal Periodic Review statement pages.",
    permissions: ['storage', 'scripting', 'contextMenus'],
    action: { default_title: 'UPR Annotator: show or hide highlights' },
    // Declared as commands so users can remap them (chrome://extensions/shortcuts, Firefox's add-on shortcuts).
    commands: {
      'next-recommendation': { suggested_key: { default: 'Alt+Shift+J' }, description: 'Go to the next recommendation' },
      'previous-recommendation': { suggested_key: { default: 'Alt+Shift+K' }, description: 'Go to the previous recommendation' },
      'focus-panel': { suggested_key: { default: 'Alt+Shift+U' }, description: 'Move focus to the UPR Annotator panel' },
      'toggle-highlights': { suggested_key: { default: 'Alt+Shift+H' }, description: 'Show or hide the highlights' },
    },
    host_permissions: ['http://*/*', 'https://*/*'],
    web_accessible_resources: [{ resources: ['panel.html'], matches: ['http://*/*', 'https://*/*'] }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              // A fixed id: Firefox keys an add-on's storage (IndexedDB included) by it, so notes survive updates.
              id: 'upr-annotator@upr-annotator.org',
              strict_min_version: '115.0',
              // Firefox's built-in data consent: notes stay in the browser, nothing is collected or sent.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
