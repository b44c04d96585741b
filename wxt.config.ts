import { defineConfig } from 'wxt';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import type { PluginOption } from 'vite';

const ICON_FILES = Object.fromEntries([16, 32, 48, 128].map((size) => [String(size), `icon/${size}.png`]));

/**
 * Preact's `dangerouslySetInnerHTML` is the one place a component could write markup from a string; nothing here
 * uses it, so the build takes that branch out of Preact (it throws instead), and the stores' linters find no
 * `innerHTML =` in our pages.
 */
function refuseRawHtml(): PluginOption {
  return {
    name: 'upr-refuse-raw-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.(module\.js|mjs)$/.test(id)) return null;
      const patched = code.replace(/\b(\w+)\.innerHTML=(\w+)\.__html/g, '(()=>{throw new Error("dangerouslySetInnerHTML is not allowed in UPR Annotator")})()');
      if (patched === code) this.error('Preact changed: the dangerouslySetInnerHTML branch was not found (update refuseRawHtml).');
      return { code: patched, map: null };
    },
  };
}

// The extension's one build configuration: Chromium (MV3) and Firefox from the same sources.
export default defineConfig({
  // UPR_OUTPUT_DIR lets two builds (a test run and a development build) live side by side.
  outDir: process.env.UPR_OUTPUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  hooks: {
    // WXT takes the button's tooltip from popup.html's <title>; the manifest's is the localized one.
    'build:manifestGenerated'(_wxt, manifest) {
      const button = manifest.action ?? manifest.browser_action;
      if (button) button.default_title = '__MSG_actionTitle__';
    },
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
    excludeSources: ['e2e/**', 'e2e-firefox/**', 'tests/**', 'test-results/**', 'sample-screenshot.png', '**/*.log', '.output*/**', 'assets/store/**'],
  },
  vite: () => ({
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false }), refuseRawHtml()],
  }),
  manifest: ({ browser }) => ({
    // Name, description and shortcut descriptions in the browser's language (public/_locales/<lang>/messages.json).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Rendered from assets/icon.svg by `npm run icons`.
    icons: ICON_FILES,
    permissions: ['storage', 'scripting', 'contextMenus'],
    action: { default_title: '__MSG_actionTitle__', default_icon: ICON_FILES },
    // Declared as commands so users can remap them (chrome://extensions/shortcuts, Firefox's add-on shortcuts).
    commands: {
      'next-recommendation': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_commandNext__' },
      'previous-recommendation': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandPrevious__' },
      'focus-panel': { suggested_key: { default: 'Alt+Shift+U' }, description: '__MSG_commandFocusPanel__' },
      'toggle-highlights': { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_commandToggleHighlights__' },
    },
    host_permissions: ['http://*/*', 'https://*/*'],
    // The panel frame only. Chromium: reachable only through the per-session URL runtime.getURL gives our content
    // script, so a page that probes chrome-extension://<id>/panel.html (to fingerprint or frame it) is refused.
    // Firefox already serves it under a per-install UUID and knows no use_dynamic_url.
    web_accessible_resources: [
      { resources: ['panel.html'], matches: ['http://*/*', 'https://*/*'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              // A fixed id: Firefox keys an add-on's storage (IndexedDB included) by it, so notes survive updates.
              id: 'upr-annotator@upr-annotator.org',
              // 140 (the ESR): the first with the data consent below and the CSS Custom Highlight API.
              strict_min_version: '140.0',
              // Firefox's built-in data consent: notes stay in the browser, nothing is collected or sent.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : // 102: the first whose scripting.executeScript takes injectImmediately (utils/background/tabs.ts).
        { minimum_chrome_version: '102' }),
  }),
});
