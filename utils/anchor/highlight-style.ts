// How highlights look, entirely in inline `!important` declarations: inline important beats every author rule
// (even `!important` ones), so page CSS cannot hide or restyle them, and no stylesheet of ours reaches the page.

export const HIGHLIGHT_TAG = 'upr-hl';
export const HIGHLIGHT_ATTR = 'data-upr-rec';
/** "selected" while a highlight is selected (a flash does not change it), so e2e tests and the caller can see it. */
export const HIGHLIGHT_STATE_ATTR = 'data-upr-state';

export type HighlightState = 'normal' | 'selected' | 'flash';

export const FLASH_MS = 900;

// Black on yellow reads the same on light and dark themes, so text colour is forced rather than inherited.
const TEXT = '#000';
const BACKGROUND: Record<HighlightState, string> = {
  normal: '#ffe066',
  selected: '#ffc233',
  flash: '#ff9f1c',
};
// Two rings, dark inside and light outside, so the selected outline shows on both light and dark pages.
const RING: Record<HighlightState, [outline: string, shadow: string]> = {
  normal: ['0 none', 'none'],
  selected: ['2px solid #000', '0 0 0 4px #ffe066'],
  flash: ['2px solid #000', '0 0 0 6px #ff9f1c'],
};

// Everything a page rule could plausibly use to hide, move or repaint an inline element.
const BASE_DECLARATIONS: [string, string][] = [
  ['display', 'inline'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['position', 'static'],
  ['float', 'none'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0 none'],
  ['font', 'inherit'],
  ['color', TEXT],
  ['-webkit-text-fill-color', TEXT],
  ['text-shadow', 'none'],
  ['background-image', 'none'],
  ['clip-path', 'none'],
  ['filter', 'none'],
  ['transform', 'none'],
  ['mix-blend-mode', 'normal'],
  ['pointer-events', 'auto'],
  ['cursor', 'pointer'],
  ['outline-offset', '0'],
  ['-webkit-box-decoration-break', 'clone'],
  ['box-decoration-break', 'clone'],
  ['transition', 'background-color 0.25s ease, box-shadow 0.25s ease'],
];

function stateDeclarations(state: HighlightState): [string, string][] {
  const [outline, shadow] = RING[state];
  return [
    ['background-color', BACKGROUND[state]],
    ['outline', outline],
    ['box-shadow', shadow],
  ];
}

const toCss = (declarations: [string, string][]): string =>
  declarations.map(([name, value]) => `${name}: ${value} !important;`).join(' ');

const NORMAL_CSS = toCss([...BASE_DECLARATIONS, ...stateDeclarations('normal')]);

// Parsing the inline style is most of the cost of a highlight; a clone shares the parsed declarations
// (copy-on-write in Chromium), which makes 700 highlights about 3× cheaper than setting the attribute on each.
const templates = new WeakMap<Document, HTMLElement>();

/** A new, styled highlight element for doc. */
export function createHighlightElement(doc: Document, n: number): HTMLElement {
  let template = templates.get(doc);
  if (!template) {
    template = doc.createElement(HIGHLIGHT_TAG);
    template.style.cssText = NORMAL_CSS;
    templates.set(doc, template);
  }
  const el = template.cloneNode(false) as HTMLElement;
  el.setAttribute(HIGHLIGHT_ATTR, String(n));
  return el;
}

function paint(el: HTMLElement, state: HighlightState): void {
  for (const [name, value] of stateDeclarations(state)) el.style.setProperty(name, value, 'important');
}

function settledState(el: HTMLElement): HighlightState {
  return el.getAttribute(HIGHLIGHT_STATE_ATTR) === 'selected' ? 'selected' : 'normal';
}

const flashTimers = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();

/** Restyle the given highlight elements. A flash is temporary: afterwards they return to normal or selected. */
export function paintHighlights(elements: Iterable<HTMLElement>, state: HighlightState): void {
  const flashing: HTMLElement[] = [];
  for (const el of elements) {
    const pending = flashTimers.get(el);
    if (pending !== undefined) {
      clearTimeout(pending);
      flashTimers.delete(el);
    }
    if (state === 'flash') {
      flashing.push(el);
    } else if (state === 'selected') {
      el.setAttribute(HIGHLIGHT_STATE_ATTR, 'selected');
    } else {
      el.removeAttribute(HIGHLIGHT_STATE_ATTR);
    }
    paint(el, state);
  }
  if (flashing.length === 0) return;
  // The settled state is read when the flash ends, so a selection made meanwhile is kept.
  const timer = setTimeout(() => {
    for (const el of flashing) {
      if (flashTimers.get(el) !== timer) continue;
      flashTimers.delete(el);
      paint(el, settledState(el));
    }
  }, FLASH_MS);
  for (const el of flashing) flashTimers.set(el, timer);
}
