// The annotator's work on a statement page: extract, describe and highlight the recommendations, hand the capture
// to the background, mount the panel, and link highlights and panel both ways. It holds no notes itself.
import type { browser as Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { describeRange, highlightRange, HIGHLIGHT_ATTR, removeHighlights, setHighlightState } from '@/utils/anchor';
import { extractStatement } from '@/utils/extract';
import { eventEnvelope, PROTOCOL_VERSION, sendRequest, type TabCommands } from '@/utils/messages';
import { mountPanelFrame } from './panel-frame';

type Runtime = typeof Browser.runtime;

export interface AnnotateOptions {
  ctx: ContentScriptContext;
  doc: Document;
  runtime: Runtime;
}

function isCommand(message: unknown): message is { upr: number; command: keyof TabCommands; payload: { n: number } } {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  const payload = m.payload as Record<string, unknown> | undefined;
  return m.upr === PROTOCOL_VERSION && m.command === 'focus' && typeof payload?.n === 'number';
}

export async function annotatePage({ ctx, doc, runtime }: AnnotateOptions): Promise<void> {
  const url = doc.location?.href ?? '';
  const extraction = extractStatement(doc, url);
  const { root } = extraction;
  const recs = extraction.recommendations;
  const selectors = recs.map((r) => describeRange(root, r.range));

  // Last first: wrapping text never moves a boundary of a range that comes earlier in the document.
  const highlights = new Map<number, HTMLElement[]>();
  for (const rec of [...recs].reverse()) highlights.set(rec.n, highlightRange(rec.range, rec.n));
  ctx.onInvalidated(() => removeHighlights(doc));

  const capture = await sendRequest(runtime.sendMessage, 'page.capture', {
    url,
    meta: extraction.page,
    recommendations: recs.map((r, i) => ({ n: r.n, text: r.text, selector: selectors[i]! })),
  });
  if (!capture.ok) console.warn('[UPR Annotator]', capture.error.message);

  const panel = mountPanelFrame(ctx, doc, runtime.getURL('/panel.html'), root);

  let selected: number | null = null;
  const select = (n: number) => {
    if (selected !== null) setHighlightState(doc, selected, 'normal');
    selected = n;
    setHighlightState(doc, n, 'selected');
  };

  ctx.addEventListener(
    doc,
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target.closest(`[${HIGHLIGHT_ATTR}]`) : null;
      const n = Number(target?.getAttribute(HIGHLIGHT_ATTR));
      if (!n || !highlights.has(n)) return;
      select(n);
      if (panel.isCollapsed()) panel.setCollapsed(false);
      void runtime.sendMessage(eventEnvelope('page.selected', { n })).catch(() => {});
    },
    { capture: true },
  );

  const onCommand = (message: unknown) => {
    if (!isCommand(message)) return undefined;
    const first = highlights.get(message.payload.n)?.[0];
    if (!first) return undefined;
    select(message.payload.n);
    first.scrollIntoView({ block: 'center', behavior: 'smooth' });
    setHighlightState(doc, message.payload.n, 'flash');
    return undefined;
  };
  runtime.onMessage.addListener(onCommand);
  ctx.onInvalidated(() => runtime.onMessage.removeListener(onCommand));
}
