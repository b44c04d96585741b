// The side panel's frame in the page: a closed shadow root (WXT's createShadowRootUi) holding an extension-origin
// iframe (the panel itself, which the page cannot read) and a collapse handle. Its styles are inline and !important so page CSS cannot hide
// or restyle it; on a wide screen it reserves its width so it never covers the statement's text (utils/panel-margin:
// decided by the window's width, usually reserved as the annotator started: `reserved`).
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { OWN_UI_ATTR } from '@/utils/anchor';
import { hidingOf, panelOrigin, panelPortOffer, withMountToken } from '@/utils/frame-guard';
import { HANDLE_WIDTH, isWideScreen, PANEL_WIDTH, panelMargin, type PanelMargin } from '@/utils/panel-margin';

export { PANEL_WIDTH } from '@/utils/panel-margin';
export const PANEL_HOST_TAG = 'upr-annotator-panel';

export interface PanelFrame {
  host: HTMLElement;
  setCollapsed(collapsed: boolean): void;
  isCollapsed(): boolean;
  /** Moves keyboard focus into the panel. */
  focus(): void;
  /** Each time the panel loads in the frame, hands it one end of a new channel and calls `listener` with the other. */
  onLoad(listener: (port: MessagePort) => void): void;
  /** Whether the page shows the frame as styled (not made transparent, hidden or covered). */
  isShown(): boolean;
  /** Pushes the page aside for the open panel, where it was mounted holding its room (see mountPanelFrame). */
  makeRoom(): void;
  remove(): void;
}

function important(el: HTMLElement, styles: Record<string, string>): void {
  for (const [prop, value] of Object.entries(styles)) el.style.setProperty(prop, value, 'important');
}

/**
 * `resumeAt`: gives the keyboard back to the page where the reader was (the selected highlight) when the panel lets it
 * go; false when there is no such place. `reserved`: the panel's room as the annotator reserved it (utils/panel-margin
 * reserveRoom), the panel's from now on. `holdRoom`: the panel covers the page's edge, taking no room, until
 * makeRoom() (a long statement still being read: pushing it aside reflows all of it, 0.5–1.2 s on a 10 MB one).
 */
export async function mountPanelFrame(
  ctx: ContentScriptContext,
  doc: Document,
  src: string,
  resumeAt: () => boolean,
  reserved: PanelMargin | null = null,
  holdRoom = false,
): Promise<PanelFrame> {
  const win = doc.defaultView ?? window;
  // Closed: the page cannot reach the frame (nor read its address, which carries the token). No reset sheet
  // (inheritStyles): ours are inline and !important on every element, and a shadow sheet's !important would beat them.
  const ui = await createShadowRootUi(ctx, {
    name: PANEL_HOST_TAG,
    mode: 'closed',
    position: 'inline',
    anchor: doc.documentElement,
    append: 'last',
    inheritStyles: true,
    onMount: () => {},
  });
  const host = ui.shadowHost;
  host.setAttribute(OWN_UI_ATTR, '');
  important(host, {
    all: 'initial',
    position: 'fixed',
    top: '0',
    right: '0',
    height: '100vh',
    'z-index': '2147483646',
    display: 'flex',
    'flex-direction': 'row',
  });
  const handle = doc.createElement('button');
  handle.type = 'button';
  important(handle, {
    all: 'initial',
    'align-self': 'flex-start',
    'margin-top': '80px',
    width: `${HANDLE_WIDTH}px`,
    height: '64px',
    background: '#1d4f91',
    color: '#fff',
    font: '600 14px/1 system-ui, sans-serif',
    'border-radius': '8px 0 0 8px',
    cursor: 'pointer',
    'text-align': 'center',
    'box-shadow': '-2px 2px 6px rgba(0,0,0,.25)',
  });
  const frame = doc.createElement('iframe');
  // The panel renders only once we vouch for this token (see utils/frame-guard): a page framing panel.html cannot.
  // getRandomValues, not randomUUID: the latter exists only on https pages, and statements are also served over http.
  const token = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  frame.src = withMountToken(src, token);
  frame.title = 'UPR Annotator';
  important(frame, {
    all: 'initial',
    width: `${PANEL_WIDTH}px`,
    height: '100vh',
    border: '0',
    'border-left': '1px solid #c8ccd2',
    background: '#fff',
    'box-shadow': '-4px 0 12px rgba(0,0,0,.12)',
    'color-scheme': 'normal',
  });
  important(ui.uiContainer, { all: 'initial', display: 'flex', 'flex-direction': 'row', height: '100vh' });
  ui.uiContainer.append(handle, frame);
  ui.mount();

  const margin = reserved ?? panelMargin(doc);
  let collapsed = false;
  let roomHeld = holdRoom;
  // An open panel has its room (on a wide window: the sheet's media query), unless it holds it until makeRoom();
  // nothing is measured, nothing laid out.
  const layout = () => {
    if (!roomHeld) margin?.reserve(!collapsed);
  };

  const setCollapsed = (value: boolean) => {
    collapsed = value;
    frame.style.setProperty('display', collapsed ? 'none' : 'block', 'important');
    handle.textContent = collapsed ? '‹' : '›';
    // The browser's language (the content script has no access to the UI language setting's tables).
    handle.setAttribute('aria-label', browser.i18n.getMessage(collapsed ? 'panelShow' : 'panelHide'));
    handle.setAttribute('aria-expanded', String(!collapsed));
    layout();
  };
  ctx.addEventListener(handle, 'click', () => setCollapsed(!collapsed));
  ctx.addEventListener(win, 'resize', () => margin?.resized());
  // Below WIDE_SCREEN the panel would cover the statement: it starts folded to its handle until the user opens it.
  setCollapsed(!isWideScreen(win));

  // Escape in the panel gives the window back its focus (see entrypoints/panel): the keyboard goes on from where the
  // reader was in the page, not from the panel's place at the end of the document.
  let lastInPage: HTMLElement | null = null;
  ctx.addEventListener(doc, 'focusin', (event) => {
    if (event.target !== host && event.target instanceof win.HTMLElement) lastInPage = event.target;
  });
  ctx.addEventListener(win, 'focus', () => {
    if (doc.activeElement !== host) return;
    if (lastInPage?.isConnected) return lastInPage.focus({ preventScroll: true });
    host.blur();
    resumeAt();
  });

  const remove = () => {
    ui.remove();
    margin?.remove();
  };
  ctx.onInvalidated(remove);
  return {
    host,
    setCollapsed,
    isCollapsed: () => collapsed,
    focus: () => frame.focus(),
    onLoad: (listener) =>
      ctx.addEventListener(frame, 'load', () => {
        if (!host.isConnected || !frame.contentWindow) return;
        const channel = new MessageChannel();
        frame.contentWindow.postMessage(panelPortOffer(token), panelOrigin(browser.runtime.id, browser.runtime.getURL('/')), [channel.port2]);
        listener(channel.port1);
      }),
    isShown: () => host.isConnected && hidingOf(frame, host, win) === null,
    makeRoom() {
      roomHeld = false;
      layout();
    },
    remove,
  };
}
