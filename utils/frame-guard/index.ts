// Where an extension page may show itself, and whether the user can see what they click. A page that frames
// panel.html (or wraps a statement in its own frame) could show the user's notes under a decoy and take their
// clicks; a page that makes our panel's host transparent or covers it could make a click on its decoy delete a
// note. The panel renders only as our own mount (a frame directly in a top-level page), the dashboard and popup
// only as top-level pages, and destructive actions ask `isShownToUser` first. Our own mount is proven, not assumed:
// the annotator gives its frame a random token and answers for it; a page that frames panel.html by an address
// it learnt cannot: the annotator hands its panel a port with the token, and the panel takes no other.
import { PROTOCOL_VERSION } from '@/utils/messages/envelope';

type FramedWindow = Pick<Window, 'top' | 'parent'> & { location: { ancestorOrigins?: DOMStringList } };

/** Dashboard and popup: never inside a frame. */
export function isTopLevel(win: FramedWindow): boolean {
  return win.top === win;
}

/**
 * The panel: a frame directly in the top-level page it annotates (our content script runs in top frames only),
 * never a top-level page of its own and never deeper, where an outer page could restyle the frame holding it.
 */
export function isPanelMount(win: FramedWindow): boolean {
  if (win.top === win || win.parent !== win.top) return false;
  const ancestors = win.location.ancestorOrigins;
  return ancestors === undefined || ancestors.length === 1;
}

/** The panel's address as the annotator mounts it: the token in the fragment, which only the two of them see. */
export function withMountToken(src: string, token: string): string {
  return `${src}#mount=${encodeURIComponent(token)}`;
}

export function mountTokenOf(hash: string): string | null {
  const match = /^#mount=([^&]+)$/.exec(hash);
  return match ? decodeURIComponent(match[1]!) : null;
}

/**
 * How the annotator hands its panel their port: a MessageChannel's end, posted to the frame's window (at our
 * extension's origin only, so a frame the page navigated elsewhere gets nothing) with the token of the frame's address.
 */
export interface PanelPortOffer {
  upr: number;
  panelPort: string;
}

export const panelPortOffer = (token: string): PanelPortOffer => ({ upr: PROTOCOL_VERSION, panelPort: token });

/**
 * The port in a `message` event if it is the offer of the annotator that mounted this panel: from the parent page's
 * window (where our content script runs), carrying this panel's token (which the page cannot read), with one port.
 */
export function pagePortOf(event: { source: unknown; data: unknown; ports: readonly MessagePort[] }, token: string | null, parent: unknown): MessagePort | null {
  if (token === null || event.source !== parent || event.ports.length !== 1) return null;
  const data = event.data as Partial<PanelPortOffer> | null;
  return typeof data === 'object' && data !== null && data.upr === PROTOCOL_VERSION && data.panelPort === token ? event.ports[0]! : null;
}

/** The origin the panel's document has: Chromium loads it by a per-session address but gives it the extension's own origin. */
export function panelOrigin(extensionId: string, root: string): string {
  const url = new URL(root);
  return url.protocol === 'chrome-extension:' ? `chrome-extension://${extensionId}` : `${url.protocol}//${url.host}`;
}

/**
 * Whether this window is the panel frame our annotator mounted in this tab's page. `isMountedBy` asks the annotator
 * over the port it handed the panel with the token (see pagePortOf).
 */
export async function isOwnPanelMount(
  win: FramedWindow & { location: { hash: string } },
  isMountedBy: (token: string) => Promise<{ ok: true; value: boolean } | { ok: false }>,
): Promise<boolean> {
  const token = mountTokenOf(win.location.hash);
  if (!token || !isPanelMount(win)) return false;
  try {
    const answer = await isMountedBy(token);
    return answer.ok && answer.value === true;
  } catch {
    return false;
  }
}

/**
 * What the page did to hide our panel's frame, read from the page side (for browsers without Intersection Observer
 * v2): made it or an ancestor transparent, invisible or filtered, or put a clickable element over its middle. Null
 * when it is shown as we styled it. A decoy the pointer passes through (`pointer-events: none`) is not seen here.
 */
export function hidingOf(frame: Element, host: Element, win: Window): string | null {
  for (let el: Element | null = frame; el; el = el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null) {
    const style = win.getComputedStyle(el);
    if (Number(style.opacity) < 0.99) return 'transparent';
    if (style.visibility !== 'visible') return 'invisible';
    if (style.filter && style.filter !== 'none') return 'filtered';
  }
  const box = frame.getBoundingClientRect();
  if (box.width < 1 || box.height < 1) return 'hidden';
  const top = frame.ownerDocument.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return top === host ? null : 'covered';
}

export interface VisibilityWatch {
  /** False while the browser reports the target as covered, transparent, filtered or transformed. */
  isShownToUser(): boolean;
  stop(): void;
}

interface VisibilityEntry {
  isVisible?: boolean;
}

/**
 * Intersection Observer v2 (`trackVisibility`): the browser itself says whether anything is drawn over the target
 * or makes it less than fully visible, across frames, which no check from inside the frame could. Where the
 * browser has no such observer, this cannot tell, and says shown.
 */
export function watchVisibility(target: Element, win: Window & typeof globalThis = window): VisibilityWatch {
  const Observer = win.IntersectionObserver;
  const supported = typeof Observer === 'function' && 'isVisible' in (win.IntersectionObserverEntry?.prototype ?? {});
  if (!supported) return { isShownToUser: () => true, stop: () => {} };
  // Until the first report, not shown: a click in the first 100 ms is refused rather than trusted.
  let shown = false;
  const observer = new Observer(
    (entries) => {
      const last = entries[entries.length - 1] as IntersectionObserverEntry & VisibilityEntry;
      shown = last.isVisible === true;
    },
    { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  observer.observe(target);
  return { isShownToUser: () => shown, stop: () => observer.disconnect() };
}
