// The annotator's work on a statement page: extract, describe and highlight the recommendations, hand the capture
// to the background, mount the panel, and link highlights and panel both ways. It holds no notes itself.
import type { browser as Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { describeRanges, HIGHLIGHT_ATTR } from '@/utils/anchor';
import { extractStatement } from '@/utils/extract';
import { eventEnvelope, isTabCommand, sendRequest } from '@/utils/messages';
import { createHighlightLayer } from './highlight-layer';
import { mountPanelFrame } from './panel-frame';

type Runtime = typeof Browser.runtime;

export interface AnnotateOptions {
  ctx: ContentScriptContext;
  doc: Document;
  runtime: Runtime;
}

export async function annotatePage({ ctx, doc, runtime }: AnnotateOptions): Promise<void> {
  const url = doc.location?.href ?? '';
  const extraction = extractStatement(doc, url);
  const { root } = extraction;
  const recs = extraction.recommendations;
  const ranges = recs.map((r) => r.range);
  const selectors = describeRanges(root, ranges);

  const layer = createHighlightLayer(
    doc,
    root,
    recs.map((r, i) => ({ n: r.n, selector: selectors[i]! })),
  );
  layer.show(ranges);
  ctx.onInvalidated(() => layer.hide());

  const capture = await sendRequest(runtime.sendMessage, 'page.capture', {
    url,
    meta: extraction.page,
    recommendations: recs.map((r, i) => ({ n: r.n, text: r.text, selector: selectors[i]! })),
  });
  if (!capture.ok) console.warn('[UPR Annotator]', capture.error.message);

  const panel = mountPanelFrame(ctx, doc, runtime.getURL('/panel.html'), root);

  const tellPanel = (n: number) => void runtime.sendMessage(eventEnvelope('page.selected', { n })).catch(() => {});
  const reveal = (n: number) => {
    layer.select(n);
    layer.first(n)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    layer.flash(n);
  };

  ctx.addEventListener(
    doc,
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target.closest(`[${HIGHLIGHT_ATTR}]`) : null;
      const n = Number(target?.getAttribute(HIGHLIGHT_ATTR));
      if (!n || !layer.has(n)) return;
      layer.select(n);
      if (panel.isCollapsed()) panel.setCollapsed(false);
      tellPanel(n);
    },
    { capture: true },
  );

  const onCommand = (message: unknown) => {
    if (!isTabCommand(message)) return undefined;
    switch (message.command) {
      case 'focus':
        if (layer.has(message.payload.n)) reveal(message.payload.n);
        break;
      case 'toggle-highlights':
        if (layer.shown) layer.hide();
        else layer.show();
        break;
      case 'step': {
        if (!layer.shown) layer.show();
        const n = layer.step(message.payload.direction);
        if (n !== null) {
          reveal(n);
          tellPanel(n);
        }
        break;
      }
      case 'focus-panel':
        panel.setCollapsed(false);
        panel.focus();
        break;
    }
    return undefined;
  };
  runtime.onMessage.addListener(onCommand);
  ctx.onInvalidated(() => runtime.onMessage.removeListener(onCommand));
}
