// The browser's own extension API object, without webextension-polyfill. Only the always-on detector script is
// built against this (see wxt.config.ts): the polyfill's bytes would otherwise ship to every page on the web, and
// all the detector needs is `runtime.id` (WXT's content-script context) and one `runtime.sendMessage`, which both
// Chromium (MV3, promise-based `chrome`) and Firefox (`browser`) provide natively.
const scope = globalThis as unknown as { browser?: { runtime?: unknown }; chrome?: { runtime?: unknown } };

export const browser = (scope.browser?.runtime ? scope.browser : scope.chrome) as unknown as typeof import('webextension-polyfill');
export default browser;
