import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectInSteps } from '@/utils/detect';
import { envelope } from '@/utils/messages/envelope';
import { muteWxtStartSignal, ScriptContext } from '@/utils/script-context';
import { nextTask } from '@/utils/steps';

interface RuntimeHost {
  runtime: { id?: string; sendMessage(message: unknown): Promise<unknown> };
}

// Must run before WXT's wrapper builds its context (see muteWxtStartSignal): this module is evaluated first.
const unmute = muteWxtStartSignal();

/** Pages that render their content late get one more look after this long. */
const SECOND_LOOK_MS = 2500;

// Runs on every page, so it stays tiny: it reads a little, and on anything but a UPR statement it writes nothing,
// mounts nothing and sends nothing. On a statement it asks the background to inject the annotator, which then
// follows the page itself.
//
// At document_end: the page is parsed (detection reads no layout), and the annotator starts reading the statement
// without waiting for the page's own layout and paint (document_idle waits for those: over a second on a long one).
//
// The background registers it at run time (see utils/detector-registration): on every site by default, only on
// known government sites when the user asks for the narrowest footprint, never on sites the user turned off.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_end',
  registration: 'runtime',
  // Nothing the page can hear: no start message (WXT's window.postMessage), no start event (muted above).
  noScriptStartedPostMessage: true,
  main(wxtContext) {
    unmute();
    // WXT's context listens for a page-forgeable DOM event that would stop it: ours has no such door.
    wxtContext.abort();
    let asked = false;
    const scope = globalThis as unknown as {
      browser?: RuntimeHost;
      chrome?: RuntimeHost;
      __uprAnnotatorRunning?: boolean;
      /** The last verdict, for the toolbar popup's "why not" (read from this isolated world; the page cannot). */
      __uprDetection?: unknown;
    };
    const ctx = new ScriptContext('detector', (scope.browser ?? scope.chrome)?.runtime ?? {});
    // The raw extension API, not the polyfill: its bytes would ship to every page on the web. A worker that is
    // still starting (just installed or updated) may miss the first request: ask again, a few times, backing off.
    const ask = (attempt: number) =>
      (scope.browser ?? scope.chrome)?.runtime
        .sendMessage(envelope('page.annotate', {}))
        .then((answer) => (answer as { ok?: boolean } | undefined)?.ok || Promise.reject())
        .catch(() => attempt < 4 && !ctx.isInvalid && ctx.setTimeout(() => ask(attempt + 1), 500 << attempt));
    // In steps, each its own task (a long page's text read in one, looked through in the next). A look asked for
    // meanwhile (the page changed its address) starts again once this one ends: its verdict mixed two pages.
    let looking = false;
    let again = false;
    const look = () => {
      if (asked || scope.__uprAnnotatorRunning) return;
      if (looking) return void (again = true);
      looking = true;
      const steps = detectInSteps(document, location.href);
      const step = () => {
        if (ctx.isInvalid) return;
        const next = steps.next();
        if (!next.done) return void nextTask(step);
        looking = false;
        if (again) {
          again = false;
          return look();
        }
        const detection = (scope.__uprDetection = next.value);
        if (!detection.detected || scope.__uprAnnotatorRunning) return;
        asked = true;
        void ask(0);
      };
      step();
    };
    look();
    ctx.setTimeout(look, SECOND_LOOK_MS);
    // Single-page sites change "page" without loading one.
    ctx.addEventListener(window, 'wxt:locationchange', look);
  },
});
