// The toolbar popup: what the extension knows of the current tab, "Annotate this page", and the highlights switch.
import * as v from 'valibot';
import { isKnownHost, siteOf } from '@/utils/detector-registration';
import { commandEnvelope, RequestError, type Handlers } from '@/utils/messages';
import type { BackgroundContext } from './context';
import type { TabsService } from './tabs';

type PopupHandlers = Pick<Handlers, 'popup.annotate' | 'popup.toggle' | 'popup.status'>;

// What the content scripts tell of themselves in their isolated world, checked like any message: a page cannot
// write there, but an older build of our own scripts could have left another shape.
const ProbeSchema = v.object({
  annotated: v.boolean(),
  detection: v.nullable(
    v.object({
      detected: v.boolean(),
      score: v.pipe(v.number(), v.finite()),
      reasons: v.pipe(v.array(v.pipe(v.string(), v.maxLength(500))), v.maxLength(50)),
    }),
  ),
});

export function createPopupHandlers(ctx: BackgroundContext, tabs: TabsService): PopupHandlers {
  const { browser } = ctx;
  return {
    async 'popup.annotate'({ tabId }) {
      await tabs.injectAnnotator(tabId, 0, true).catch((error: unknown) => {
        throw new RequestError('forbidden', `UPR Annotator cannot work on this page (${error instanceof Error ? error.message : String(error)}).`);
      });
      return { injected: true };
    },
    async 'popup.toggle'({ tabId }) {
      await browser.tabs.sendMessage(tabId, commandEnvelope('toggle-highlights', {}), { frameId: 0 }).catch(() => {
        throw new RequestError('not-found', 'There are no highlights on this page.');
      });
      return null;
    },
    async 'popup.status'({ tabId }) {
      const [tab, settings] = await Promise.all([browser.tabs.get(tabId), ctx.settings.getValue()]);
      const site = siteOf(tab.url);
      const base = {
        site,
        knownHostsOnly: settings.knownHostsOnly,
        knownHost: isKnownHost(tab.url),
        disabledHere: site !== null && settings.disabledHosts.includes(site),
      };
      if (!site || !tab.url) return { ...base, annotated: false, page: null, recommendations: 0, notes: 0, detection: null };
      // What the content scripts know lives in their isolated world; reading it there writes nothing to the page.
      const [probe] = await browser.scripting
        .executeScript({
          target: { tabId, frameIds: [0] },
          // A page still loading its images answers now too (see tabs.ts injectAnnotator); one still being parsed
          // may answer before its detector has looked (no verdict yet) rather than keep the popup waiting.
          injectImmediately: true,
          func: () => {
            const scope = globalThis as unknown as { __uprAnnotatorRunning?: boolean; __uprDetection?: unknown };
            return { annotated: Boolean(scope.__uprAnnotatorRunning), detection: scope.__uprDetection ?? null };
          },
        })
        .catch(() => [undefined]);
      const read = v.safeParse(ProbeSchema, probe?.result);
      const seen = read.success ? read.output : { annotated: false, detection: null };
      const { page, recommendations, notes } = await ctx.stored(() => ctx.repo.loadPage(tab.url!));
      return { ...base, annotated: seen.annotated, detection: seen.detection, page, recommendations: recommendations.length, notes: notes.length };
    },
  };
}
