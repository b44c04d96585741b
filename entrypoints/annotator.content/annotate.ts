// The annotator's work on a statement page: extract and highlight the recommendations, re-anchor the ones stored
// from earlier visits that extraction did not find (orphans when they cannot be found), hand the capture to the
// background, mount the panel, and link highlights and panel both ways. It follows the page when its content
// changes or it navigates in place. It holds no notes itself.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { correctionFor, offeredPassages, paintPreview, placeReconciled, reconcile, reconcileInSteps, hasSameText, snapshotTextInSteps, type CorrectionCommand, type HighlightLayer, type Painter, type TextSnapshot } from '@/utils/anchor';
import { detectUprPage } from '@/utils/detect';
import { extractStatement, extractStatementInSteps, findMainContent, previewStatement, statementAtRange, statementsOfPlaced, textOutlineInSteps } from '@/utils/extract';
import { createPortRpc, fromMessagePort, PAGE_TO_PANEL, PANEL_TO_PAGE, PENDING_LIST_MIN, readTabCommand, sendRequest, type CallPayload, type PageReading, type PageToPanel, type PortRpc, type Result } from '@/utils/messages';
import { CAPTURE_BATCH, normalizeRecommendationText, type PageCapture } from '@/utils/model';
import { drain, nextTask, runWatched, type Steps } from '@/utils/steps';
import { reserveRoom, ROOM_WAIT_MS, type PanelMargin } from '@/utils/panel-margin';
import { mountPanelFrame, type PanelFrame } from './panel-frame';

type Runtime = typeof browser.runtime;

/** Quiet time after the page's last change before re-reading it. */
export const REANCHOR_DEBOUNCE_MS = 400;
/**
 * Bounded growth: after an in-page navigation (a new address in the same document), the statement there is stored
 * only once it has held this long — a page that changes its address and words faster than anyone reads stores
 * nothing — and one document stores at most MAX_ADDRESSES_PER_DOCUMENT addresses.
 */
export const SETTLE_BEFORE_STORING_MS = 2_000;
export const MAX_ADDRESSES_PER_DOCUMENT = 30;
/** How many times a placement in steps starts the reading again because the page changed under it, before it places in one go. */
const PLACEMENT_RESTARTS = 2;

/**
 * Lets the page run its own tasks before ours goes on (rendering, input, and a panel's first messages): not
 * scheduler.yield, whose continuation goes ahead of them, so a panel mounted during the reading would be answered
 * only at its end.
 */
const yieldToPage = (): Promise<void> => new Promise((resolve) => void nextTask(resolve));

/**
 * Resolves once the page has drawn its next frame (a task after that frame's animation callbacks), or after
 * FRAME_WAIT_MS where no frame comes (a hidden tab draws none).
 */
const FRAME_WAIT_MS = 100;
const afterNextFrame = (doc: Document): Promise<void> =>
  new Promise((resolve) => {
    const done = setTimeout(resolve, FRAME_WAIT_MS);
    doc.defaultView?.requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(done);
        resolve();
      }, 0),
    );
  });

export interface AnnotateOptions {
  ctx: ContentScriptContext;
  doc: Document;
  runtime: Runtime;
}

export async function annotatePage({ ctx, doc, runtime }: AnnotateOptions): Promise<void> {
  const send = (message: unknown) => runtime.sendMessage(message);
  let layer: HighlightLayer | null = null;
  // The top of a long statement, highlighted while the whole page is read (its first reading only); the layer then
  // takes it over.
  let preview: Painter | null = null;
  let panel: PanelFrame | null = null;
  let mounting = false;
  let observer: MutationObserver | null = null;
  let signature = '';
  let generation = 0;
  // Work proportional to change. What the last reading found: the statement as extracted (its URL, metadata and
  // recommendations), and the live span of the page from the main content's start to the end of its last
  // recommendation. A page that ticks elsewhere (a clock or a ticker after the list) costs no reading at all; one
  // that ticks inside the span costs an extraction, and no highlight rewrite and no capture while the statement
  // reads the same. Element additions always get an extraction: they may be recommendations arriving late.
  let last: { url: string; statement: string; count: number; span: Range | null; spanWords: TextSnapshot } | null = null;
  // The addresses (without fragment) this document has stored a capture of.
  const storedAddresses = new Set<string>();
  let elementsAdded = false;
  // How many times the page has changed under us (the observer's callbacks), to tell a change during a pause.
  let changes = 0;
  // The recommendations the panel says carry a note (marked on painted highlights only).
  let noted: readonly number[] = [];
  // On a page of several statements, the statement of each highlighted recommendation (n - 1), and their sub-headings;
  // null on others.
  let statementOfN: number[] | null = null;
  let headings: (string | null)[] = [];
  // The panel's room, reserved once the first highlights are drawn (before, it would delay them by a reflow of the
  // whole page) and before the panel arrives, which then takes it over: the page is not laid out again when it shows.
  let room: PanelMargin | null = null;
  // A panel mounted for a long statement's preview covers the page's edge until its whole reading is handed over (or
  // ROOM_WAIT_MS, if the reading stalls): its room would reflow the whole page in the middle of the reading (0.2 s at
  // 10,000 recommendations, 0.5–1.2 s on a 10 MB statement), delaying it. Meanwhile the timer that ends the wait.
  let roomWait: number | null = null;
  // How many times the annotator was torn down (the page stopped being a statement): a panel mounting meanwhile goes.
  let teardowns = 0;

  // Our own writes (highlights) must not look like the page changing.
  const quietly = <T>(write: () => T): T => {
    observer?.disconnect();
    try {
      return write();
    } finally {
      observeContent();
    }
  };

  // The panel's own port (utils/messages/page-port): page events go to it alone, never runtime-wide.
  const panelPorts = new Set<PortRpc<PageToPanel>>();
  const tellPanel = <K extends keyof PageToPanel & string>(name: K, payload: CallPayload<PageToPanel, K>) => {
    for (const port of panelPorts) port.notify(name, payload);
  };

  function* signatureSteps(): Steps<string> {
    const { length, head, tail } = yield* textOutlineInSteps(findMainContent(doc), 200);
    return `${doc.location.href}\u0000${length}\u0000${head}\u0000${tail}`;
  }
  const contentSignature = () => drain(signatureSteps());

  const statementOf = (url: string, extraction: ReturnType<typeof extractStatement>) =>
    JSON.stringify([url, extraction.page, extraction.recommendations.map((r) => r.text)]);

  // The span (from root's start to the end of recommendation `count`) and its words as they are now.
  type Span = { span: Range | null; spanWords: TextSnapshot };
  function* spanSteps(root: Element, current: HighlightLayer, count: number): Steps<Span> {
    const end = count === 0 ? null : current.rangeOf(count);
    if (!end || !root.contains(end.endContainer)) return { span: null, spanWords: [] };
    const span = doc.createRange();
    span.setStart(root, 0);
    span.setEnd(end.endContainer, end.endOffset);
    return { span, spanWords: yield* snapshotTextInSteps(span) };
  }
  const spanOf = (root: Element, current: HighlightLayer, count: number) => drain(spanSteps(root, current, count));
  // What a reading leaves to tell the page's later changes by: its outline (the signature) and the span's words.
  function* seenSteps(root: Element, current: HighlightLayer, count: number): Steps<{ outline: string } & Span> {
    const outline = yield* signatureSteps();
    yield;
    return { outline, ...(yield* spanSteps(root, current, count)) };
  }

  // What the page read, as the capture and the panel name it: each recommendation's n and words and, on a page of
  // several statements, whose it is (each batch names them all).
  function readingOf(url: string, extraction: ReturnType<typeof extractStatement>, placed: readonly { text: string; range: Range }[]): PageReading {
    const several = extraction.statements.length > 1;
    const statements = several
      ? extraction.statements.map(({ heading, stateUnderReview, stateUnderReviewCode, session, cycle, date }) => ({ heading, stateUnderReview, stateUnderReviewCode, session, cycle, date }))
      : undefined;
    headings = extraction.statements.map((s) => s.heading);
    const owners = several ? statementsOfPlaced(extraction.recommendations, placed, (range) => statementAtRange(extraction.root, headings, range)) : null;
    statementOfN = owners;
    return {
      url,
      meta: extraction.page,
      ...(statements ? { statements } : {}),
      recommendations: placed.map((p, i) => ({ n: i + 1, text: p.text, ...(owners ? { statement: owners[i]! } : {}) })),
    };
  }

  // The capture of one reading, in batches of CAPTURE_BATCH recommendations (a message has a size limit): the first
  // carries the page's metadata, orphans and offered passages; a reading superseded meanwhile stops sending.
  async function captureInBatches(
    { url, meta, statements, recommendations: read }: PageReading,
    sources: PageCapture['sources'],
    candidates: PageCapture['candidates'],
    placed: readonly { selector: PageCapture['recommendations'][number]['selector'] }[],
    orphans: string[],
    superseded: () => boolean,
  ): Promise<Result<{ recommendations: { n: number; id: string }[] }>> {
    const recommendations = read.map((r, i) => ({ ...r, selector: placed[i]!.selector }));
    const stored: { n: number; id: string }[] = [];
    // After the first batch, two are on their way at a time: the worker stores them in order, one while the page
    // sends the next.
    const sending: ReturnType<typeof sendRequest<'page.capture'>>[] = [];
    let next = 0;
    const sendNext = () => {
      const start = next;
      next += CAPTURE_BATCH;
      const batch = recommendations.slice(start, next);
      const more = next < recommendations.length;
      sending.push(
        sendRequest(
          send,
          'page.capture',
          start === 0
            ? { url, meta, sources, candidates, recommendations: batch, orphans, statements, more }
            : { url, meta, recommendations: batch, orphans: [], continues: true, statements, more },
        ),
      );
    };
    sendNext();
    while (sending.length > 0) {
      const answer = await sending.shift()!;
      if (!answer.ok) return answer;
      stored.push(...answer.value.recommendations);
      if (superseded()) break;
      while (sending.length < 2 && next < recommendations.length) sendNext();
    }
    return { ok: true, value: { recommendations: stored } };
  }

  const endRoomWait = () => {
    if (roomWait !== null) clearTimeout(roomWait);
    roomWait = null;
  };
  // The room a panel held while the page was read (roomWait), taken now.
  function makeRoom(): void {
    endRoomWait();
    panel?.makeRoom();
  }

  // A preview whose reading failed is not left on the page as if it were the statement's highlights; its panel stays,
  // with its room. (A reading overtaken by a newer one leaves both to that one.)
  async function annotate(restarts = 0): Promise<void> {
    const mine = generation + 1;
    try {
      await readPage(restarts);
    } catch (error) {
      if (generation === mine) {
        preview?.clear();
        preview = null;
        makeRoom();
      }
      throw error;
    }
  }

  async function readPage(restarts: number): Promise<void> {
    const mine = ++generation;
    const url = doc.location.href;
    // Read the page as the page has it: our earlier highlights out first (ranges into them would not survive).
    quietly(() => layer?.hide());
    // A long statement's first screens are highlighted at once, from a look at the top of the page (no DOM written:
    // painted highlights only); reading all of it takes longer. The page draws them before the reading goes on, and
    // the panel mounts meanwhile (in a process of its own) to list them until the whole reading replaces them.
    if (!layer && !preview) {
      // A task of its own: the script's start (its modules, the extension's API) is one already.
      await yieldToPage();
      if (mine !== generation) return;
      const top = previewStatement(doc, url);
      preview = top && paintPreview(doc, top.recommendations.map((r) => r.range));
      if (top && preview) {
        await afterNextFrame(doc);
        if (mine !== generation) return;
        if (!wantedRecommendation() && !panel && !mounting) {
          startStoring(mine, { url, meta: top.page, recommendations: top.recommendations.map((r, i) => ({ n: i + 1, text: r.text })), partial: true });
          roomWait = ctx.setTimeout(makeRoom, ROOM_WAIT_MS);
          void mountPanel().catch(report);
        }
      }
    }
    // In steps, the page's own work going on between them (a huge statement is not one long task).
    const extraction = await extractStatementInSteps(doc, url, yieldToPage);
    if (mine !== generation) return;
    const { root } = extraction;
    const stored = await sendRequest(send, 'page.stored', { url });
    if (mine !== generation) return;
    // What the user said is not a recommendation stays out; what was stored and is not found (or cannot be shown)
    // is an orphan (utils/anchor reconcile).
    const { recommendations: storedRecs, rejected } = stored.ok ? stored.value : { recommendations: [], rejected: [] };
    // In steps too. A page that changes meanwhile is read again (what was read may be stale), a few times at most,
    // then placed in one go.
    const inputs = [root, extraction.recommendations, storedRecs, rejected, normalizeRecommendationText] as const;
    const reconciled = (await runWatched(reconcileInSteps(...inputs), root, yieldToPage)) ?? (restarts < PLACEMENT_RESTARTS ? null : { value: reconcile(...inputs) });
    if (mine !== generation) return;
    if (!reconciled) return annotate(restarts + 1);
    const placement = quietly(() => placeReconciled(doc, root, reconciled.value, preview));
    preview = null;
    const { placed, orphans } = placement;
    layer = placement.layer;
    layer.markNoted(noted);
    // The page draws the highlights now, between tasks; what this reading still works out comes after. The panel's
    // room only once they are on screen: pushing a long page aside reflows all of it, hundreds of milliseconds on a
    // 10 MB statement, which would otherwise come before the highlights' first frame.
    // Each step below is its own task. What the page changes meanwhile is read again: a change seen during these
    // pauses leaves no signature for this reading (the observer's timer then reads the page anew).
    const changesBefore = changes;
    await afterNextFrame(doc);
    if (mine !== generation) return;
    if (!panel && !mounting && !room) room = reserveRoom(doc);
    await yieldToPage();
    if (mine !== generation) return;
    // Where extraction found nothing, the passages likeliest to be recommendations, for the panel to offer (what the
    // user already added or rejected is not offered again).
    const candidates = offeredPassages(root, extraction.candidates, placed, rejected, normalizeRecommendationText);
    await yieldToPage();
    if (mine !== generation) return;
    elementsAdded = false;
    // The page as this reading saw it and the span's words, read in steps (on a 10 MB statement, most of the page's),
    // kept only if the page did not change during the pauses. Meanwhile the page is remembered as it was.
    const statement = statementOf(url, extraction);
    const seen = await runWatched(seenSteps(root, layer, placed.length), root, yieldToPage);
    if (mine !== generation) return;
    const unchanged = seen !== null && changes === changesBefore;
    signature = unchanged ? seen.value.outline : '';
    last = unchanged ? { url, statement, count: placed.length, span: seen.value.span, spanWords: seen.value.spanWords } : null;
    await yieldToPage();
    if (mine !== generation) return;

    const address = url.replace(/#.*$/, '');
    if (storedAddresses.size > 0 && !storedAddresses.has(address)) {
      await new Promise<void>((settled) => ctx.setTimeout(() => settled(), SETTLE_BEFORE_STORING_MS));
      if (mine !== generation) return; // it changed again meanwhile: nothing stored
    }
    const tooMany = !storedAddresses.has(address) && storedAddresses.size >= MAX_ADDRESSES_PER_DOCUMENT;
    if (!tooMany) storedAddresses.add(address);
    // Nothing will be stored: a panel listing the preview meanwhile loads what is.
    else if (storing !== null) endStoring();
    // A link from the dashboard names a recommendation in the fragment: the page opens at it once its capture says
    // which one it is. Otherwise a long statement's panel mounts now, the capture's first batch on its way, and lists
    // the page's reading (handed over its port) while it is stored; it loads the stored records once the last batch
    // is. A shorter statement is stored first (one batch), its panel listing the stored records from the start.
    const wanted = wantedRecommendation();
    const read = readingOf(url, extraction, placed);
    // (A panel mounted for the preview lists the whole reading too, however long.)
    const early = !tooMany && !wanted && placed.length > 0 && (placed.length >= PENDING_LIST_MIN || panel !== null || mounting);
    const capturing = tooMany
      ? ({ ok: false, error: { code: 'forbidden', message: `This page changed its address more than ${MAX_ADDRESSES_PER_DOCUMENT} times; reload it to store what it shows now.` } } as const)
      : storingWhile(mine, early ? read : null, () => captureInBatches(read, extraction.sources, candidates, placed, orphans, () => mine !== generation));
    // The panel has the whole reading to list (or, storing nothing, will load what is stored): the page makes room now.
    makeRoom();
    if (early) void mountPanel().catch(report);
    const capture = await capturing;
    if (!capture.ok) console.warn('[UPR Annotator]', capture.error.message);
    if (mine !== generation) return;
    const target = wanted && capture.ok ? capture.value.recommendations.find((r) => r.id === wanted)?.n : undefined;
    if (target && layer) reveal(layer, target);
    if (!panel) await mountPanel(target);
    // (A capture's end is told by storingWhile, which has the panel load the page.)
    else if (tooMany) tellPanel('updated', {});
  }

  // A link from the dashboard names a recommendation in the fragment.
  const wantedRecommendation = () => /^#upr-rec=(r[0-9a-f]{24})$/.exec(doc.location.hash)?.[1];

  // The reading being stored (its generation), told to the panel as it starts and ends: a panel mounted meanwhile
  // loads the page once at the end instead of once per batch. A long statement's reading goes with it, for the panel
  // to list while it waits.
  let storing: number | null = null;
  let reading: PageReading | null = null;
  // What the panel is told as the storing starts (with the reading to list meanwhile, if any) and ends.
  function startStoring(mine: number, read: PageReading | null): void {
    storing = mine;
    reading = read;
    tellPanel('storing', { storing: true });
    if (read) tellPanel('reading', read);
  }
  function endStoring(): void {
    storing = null;
    reading = null;
    tellPanel('storing', { storing: false });
  }
  async function storingWhile<T>(mine: number, read: PageReading | null, work: () => Promise<T>): Promise<T> {
    startStoring(mine, read);
    try {
      return await work();
    } finally {
      if (storing === mine) endStoring();
    }
  }

  async function mountPanel(target?: number): Promise<void> {
    if (panel || mounting) return;
    mounting = true;
    const before = teardowns;
    const reserved = room;
    room = null;
    const url = runtime.getURL(target ? `/panel.html?select=${target}` : '/panel.html');
    const held = roomWait !== null;
    const mounted = await mountPanelFrame(ctx, doc, url, () => layer?.focusSelected() ?? false, reserved, held).finally(() => (mounting = false));
    // Torn down meanwhile (the page stopped being a statement): the frame goes too.
    if (teardowns !== before) return mounted.remove();
    panel = mounted;
    // Its room held, and the reading handed over while the frame mounted: its room now.
    if (held && roomWait === null) panel.makeRoom();
    panel.onLoad(connectPanel);
  }

  function teardown(): void {
    generation++;
    teardowns++;
    quietly(() => layer?.hide());
    layer = null;
    preview?.clear();
    preview = null;
    for (const port of panelPorts) port.close();
    panelPorts.clear();
    endStoring();
    panel?.remove();
    panel = null;
    endRoomWait();
    // The room reserved for a panel that never came.
    room?.remove();
    room = null;
  }

  // The page changed under us (late content, an edit, an in-place navigation): read it again once it settles.
  let timer: number | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = ctx.setTimeout(() => {
      if (contentSignature() === signature) return;
      const url = doc.location.href;
      const settled = last?.url === url && !elementsAdded && last.span !== null;
      if (settled && hasSameText(last!.span!, last!.spanWords)) {
        signature = contentSignature();
        return;
      }
      // A page the user asked to annotate stays annotated; otherwise the page must still be a statement.
      const forced = Boolean((globalThis as Record<string, unknown>).__uprForce);
      if (!forced && !detectUprPage(doc, url).detected) return teardown();
      if (last?.url === url && layer?.shown && highlightsInPlace(layer)) {
        const extraction = extractStatement(doc, url);
        if (statementOf(url, extraction) === last.statement) {
          // The same statement, still highlighted: remember the page as it is now, and write nothing.
          signature = contentSignature();
          elementsAdded = false;
          Object.assign(last, spanOf(extraction.root, layer, last.count));
          return;
        }
      }
      void annotate().catch(report);
    }, REANCHOR_DEBOUNCE_MS);
  };
  // Every highlight still on its text in the page: a page that re-rendered the list with the same words needs them again.
  const highlightsInPlace = (current: HighlightLayer) => current.inPlace(findMainContent(doc));
  function observeContent(): void {
    if (!observer) {
      observer = new MutationObserver((records) => {
        changes++;
        if (!elementsAdded) elementsAdded = records.some((r) => [...r.addedNodes].some((node) => node.nodeType === Node.ELEMENT_NODE));
        schedule();
      });
    }
    if (doc.body) observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  }
  const report = (error: unknown) => console.warn('[UPR Annotator] could not annotate this page:', error);

  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  ctx.onInvalidated(() => {
    observer?.disconnect();
    clearTimeout(timer);
    teardown();
  });

  ctx.addEventListener(
    doc,
    'click',
    (event) => {
      // With painted highlights there is no element to click: the layer hit-tests the point against its ranges.
      const n = layer?.hit(event);
      if (!n || !layer) return;
      layer.select(n);
      if (panel?.isCollapsed()) panel.setCollapsed(false);
      tellPanel('selected', { n });
    },
    { capture: true },
  );

  const reveal = (current: HighlightLayer, n: number) => {
    current.select(n);
    current.scrollTo(n);
    current.flash(n);
  };

  // Commands come from the background only (in no tab, of our extension), checked like its requests.
  const onCommand = (raw: unknown, sender: { id?: string; tab?: unknown }) => {
    const current = layer;
    const message = readTabCommand(raw, sender, runtime.id);
    if (!message || !current) return undefined;
    switch (message.command) {
      case 'toggle-highlights':
        quietly(() => (current.shown ? current.hide() : current.show()));
        break;
      case 'step': {
        if (!current.shown) quietly(() => current.show());
        const n = current.step(message.payload.direction);
        if (n !== null) {
          reveal(current, n);
          tellPanel('selected', { n });
        }
        break;
      }
      case 'focus-panel':
        panel?.setCollapsed(false);
        panel?.focus();
        break;
      case 'refresh':
        void annotate().catch(report);
        break;
      case 'add-selection': {
        // From the page's context menu: the panel opens and offers the addition back in its undo bar, or says why the
        // selection could not be added.
        const told = (done: CallPayload<PageToPanel, 'added'>) => {
          if (panel?.isCollapsed()) panel.setCollapsed(false);
          tellPanel('added', done);
        };
        correct({ command: 'add-selection' })
          .then((step) => step && told({ step }))
          .catch((error: unknown) => told({ refused: error instanceof Error ? error.message : String(error) }));
        break;
      }
    }
    return undefined;
  };

  // A correction the panel asks for: what the page cannot do fails with the user's sentence for why. What the page
  // can do answers the step stored, for the panel's "Undo".
  const correct = async (command: CorrectionCommand): Promise<string | null> => {
    const current = layer;
    if (!current) return null;
    const selection = doc.getSelection();
    const selected = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    const correction = correctionFor(findMainContent(doc), selected, command, current.rangeOf);
    if (!correction) return null;
    if ('refused' in correction) throw new Error(browser.i18n.getMessage(correction.refused));
    // On a page of several statements: merged or split words stay their recommendation's; selected ones are the
    // statement whose sub-heading comes before them.
    const statement = !statementOfN ? undefined : command.command !== 'add-selection' ? statementOfN[command.n - 1] : selected ? statementAtRange(findMainContent(doc), headings, selected) : undefined;
    const add = statement === undefined ? correction.add : correction.add.map((a) => ({ ...a, statement }));
    const done = await sendRequest(send, 'page.correct', { url: doc.location.href, ...correction, add });
    void annotate().catch(report);
    if (!done.ok) throw new Error(done.error.message);
    return done.value.step;
  };

  // The panel's port: handed to the panel each time it loads in our frame, with the frame's token, which only the
  // panel that loaded from that address holds (see utils/frame-guard). No background in between, nothing broadcast.
  const connectPanel = (port: MessagePort) => {
    const rpc = createPortRpc(fromMessagePort(port), {
      sends: PAGE_TO_PANEL,
      accepts: PANEL_TO_PAGE,
      handlers: {
        mounted: () => panel !== null,
        shown: () => panel?.isShown() ?? false,
        focus: ({ n }) => {
          if (layer?.has(n)) reveal(layer, n);
          return null;
        },
        correct,
        noted: ({ ns }) => {
          noted = ns;
          layer?.markNoted(ns);
          return null;
        },
      },
    });
    panelPorts.add(rpc);
    void rpc.closed.then(() => panelPorts.delete(rpc));
    if (storing !== null) rpc.notify('storing', { storing: true });
    if (reading) rpc.notify('reading', reading);
    // A highlight clicked before the panel was there to hear it (the first instant after a load): the panel gets it now.
    const selected = layer?.selected ?? null;
    if (selected !== null) rpc.notify('selected', { n: selected });
  };
  runtime.onMessage.addListener(onCommand);
  ctx.onInvalidated(() => runtime.onMessage.removeListener(onCommand));

  await annotate();
}
