import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { muteWxtStartSignal, ScriptContext } from '@/utils/script-context';
import { annotatePage } from './annotate';

// Must run before WXT's wrapper builds its context (see muteWxtStartSignal): this module is evaluated first.
const unmute = muteWxtStartSignal();

// Injected by the background only into pages the detector recognised as UPR statements: everything heavy
// (extraction, anchoring, highlighting, the panel) lives here, never in the always-on detector.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  // Nothing the page can hear: no start message (WXT's window.postMessage), no start event (muted above).
  noScriptStartedPostMessage: true,
  main(wxtContext) {
    unmute();
    // WXT's context listens for a page-forgeable DOM event that would stop it: ours has no such door.
    wxtContext.abort();
    // The same members WXT's context has (annotate.ts and panel-frame.ts are typed against it), none of its signals.
    const ctx = new ScriptContext('annotator', browser.runtime) as unknown as ContentScriptContext;
    const flag = '__uprAnnotatorRunning';
    const scope = globalThis as Record<string, unknown>;
    if (scope[flag]) return;
    scope[flag] = true;
    ctx.onInvalidated(() => delete scope[flag]);
    const annotate = () =>
      void annotatePage({ ctx, doc: document, runtime: browser.runtime }).catch((error: unknown) =>
        console.warn('[UPR Annotator] could not annotate this page:', error),
      );
    // Injected at once (see utils/background/tabs.ts): a page still being parsed (the user asked from the popup while
    // it loads, or the tab went on to another page meanwhile) is read once it is whole, not half-read and stored so.
    if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', annotate, { once: true });
    else annotate();
  },
});
