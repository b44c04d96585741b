import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { annotatePage } from './annotate';

// Injected by the background only into pages the detector recognised as UPR statements: everything heavy
// (extraction, anchoring, highlighting, the panel) lives here, never in the always-on detector.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  main(ctx: ContentScriptContext) {
    const flag = '__uprAnnotatorRunning';
    const scope = globalThis as Record<string, unknown>;
    if (scope[flag]) return;
    scope[flag] = true;
    ctx.onInvalidated(() => delete scope[flag]);
    void annotatePage({ ctx, doc: document, runtime: browser.runtime }).catch((error: unknown) =>
      console.warn('[UPR Annotator] could not annotate this page:', error),
    );
  },
});
