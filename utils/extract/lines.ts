// The main content as a list of text lines (one per block element, split at <br>), each remembering the text nodes
// it came from, so an offset in a line's text maps back to a DOM point for ranges.
import { INVISIBLE } from '@/utils/lead-in';
import { drain, type Steps } from '@/utils/steps';
import { NODES_PER_STEP } from './step-sizes';

export interface TextSegment { node: Text; start: number; end: number }
export interface Line {
  block: Element; text: string; segments: TextSegment[]; listItem: Element | null; heading: boolean;
  /** Inside a standfirst or summary above the statement ("gem-c-lead-paragraph", "standfirst"): a repeat, not the statement. */
  standfirst: boolean;
}
export interface LinePoint { line: number; offset: number }

const BLOCK_TAGS = new Set(
  'P LI DIV H1 H2 H3 H4 H5 H6 UL OL DL DT DD TABLE THEAD TBODY TR TD TH SECTION ARTICLE HEADER MAIN BLOCKQUOTE PRE FIGURE ADDRESS HR DETAILS SUMMARY CAPTION'.split(' '),
);
const SKIP_TAGS = new Set(
  'SCRIPT STYLE NOSCRIPT TEMPLATE NAV ASIDE FOOTER FORM BUTTON SELECT TEXTAREA SVG IFRAME FIGCAPTION OBJECT CANVAS VIDEO AUDIO DIALOG'.split(' '),
);
const SKIP_ROLES = /^(?:navigation|banner|contentinfo|complementary|search|menu|menubar|toolbar|dialog|alert)$/;
// Tokens of class/id names that mark page chrome rather than the statement.
const CHROME_TOKENS = new Set(
  'share sharing social breadcrumb breadcrumbs addtoany a2a related sidebar menu nav navigation navbar cookie cookies newsletter pagination comments comment skip toolbar tags categories meta metadata byline dateline'.split(' '),
);

// Class/id tokens of a news story's standfirst or summary, which may repeat a recommendation in other words.
// "summary" too, but not Drupal's body field "text-with-summary".
const STANDFIRST = /(?:^|[\s_-])(?:lead|standfirst|teaser|excerpt|dek|subtitle|strapline|abstract|chapo|chapeau|(?<!with[-_])summary)(?:$|[\s_-])/;

/** An element's class and id, lower case, read once for both checks below ("" for most elements). */
function namesOf(el: Element): string {
  const cls = el.getAttribute('class');
  const id = el.getAttribute('id');
  return cls || id ? `${cls ?? ''} ${id ?? ''}`.toLowerCase() : '';
}

const SCREEN_READER_ONLY = /(?:^|\s)(?:[\w-]*visually-hidden|sr-only|wb-inv|screen-reader-text|element-invisible)(?:\s|$)/i;

function isChrome(el: Element, strict: boolean, names: string): boolean {
  if (SKIP_TAGS.has(el.tagName)) return true;
  if (!strict) return false;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if (SCREEN_READER_ONLY.test(names)) return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.test(role)) return true;
  if (!names.trim()) return false;
  for (const token of names.split(/[\s_-]+/)) if (CHROME_TOKENS.has(token)) return true;
  return false;
}

/**
 * The lines of `root`, in document order, skipping chrome (menus, share widgets, footers, hidden text). `strict`
 * also skips by class names ("share", "related"), which can misfire on a wrapper; callers retry without it.
 */
export function collectLines(root: Element, strict = true): Line[] {
  return drain(linesInSteps(root, strict));
}

/** collectLines in steps of NODES_PER_STEP nodes. */
export function* linesInSteps(root: Element, strict = true): Steps<Line[]> {
  return (yield* readLines(root, strict, Number.POSITIVE_INFINITY)).lines;
}

/**
 * The first lines of `root` (strict), up to the one that brings their text to `maxChars` characters; `cut` when more
 * of root's text comes after them. Reads only that far: a look at the top of a long page.
 */
export function leadingLines(root: Element, maxChars: number): { lines: Line[]; cut: boolean } {
  return drain(readLines(root, true, maxChars));
}

function* readLines(root: Element, strict: boolean, maxChars: number): Steps<{ lines: Line[]; cut: boolean }> {
  const lines: Line[] = [];
  let chars = 0;
  // Nodes visited, and a node's long text counted as one more for every 256 characters.
  let work = 0;
  let current: Line | null = null;
  const close = () => {
    if (current && current.text.trim()) {
      lines.push(current);
      chars += current.text.length;
    }
    current = null;
  };
  // An explicit stack, not recursion: a page nested thousands of elements deep must not overflow the call stack.
  // Children are read by index: in DOM implementations where nextSibling searches the parent, that stays linear.
  const stack: { kids: NodeListOf<ChildNode>; i: number; block: Element; isBlock: boolean; standfirst: boolean }[] = [
    { kids: root.childNodes, i: 0, block: root, isBlock: false, standfirst: false },
  ];
  while (stack.length) {
    if (chars >= maxChars) return { lines, cut: true };
    const frame = stack[stack.length - 1]!;
    if (frame.i >= frame.kids.length) {
      stack.pop();
      if (frame.isBlock) close();
      continue;
    }
    const child = frame.kids[frame.i++]!;
    if (++work >= NODES_PER_STEP) {
      work = 0;
      yield;
    }
    if (child.nodeType === 3) {
      const node = child as Text;
      const value = node.data;
      work += value.length >> 8;
      if (!current) {
        if (!value.trim()) continue;
        const block = frame.block;
        current = { block, text: '', segments: [], listItem: block.closest('li'), heading: /^H[1-6]$/.test(block.tagName), standfirst: frame.standfirst };
      }
      current.segments.push({ node, start: current.text.length, end: current.text.length + value.length });
      current.text += value;
    } else if (child.nodeType === 1) {
      const el = child as Element;
      if (el.tagName === 'BR') {
        close();
        continue;
      }
      const names = namesOf(el);
      if (isChrome(el, strict, names)) continue;
      const isBlock = BLOCK_TAGS.has(el.tagName);
      if (isBlock) close();
      stack.push({ kids: el.childNodes, i: 0, block: isBlock ? el : frame.block, isBlock, standfirst: frame.standfirst || (isBlock && STANDFIRST.test(names)) });
    }
  }
  close();
  return { lines, cut: false };
}

function locate(line: Line, offset: number, atEnd: boolean): [Text, number] {
  const segs = line.segments;
  for (const seg of segs) {
    if (atEnd ? offset > seg.start && offset <= seg.end : offset >= seg.start && offset < seg.end) return [seg.node, offset - seg.start];
  }
  const last = segs[segs.length - 1]!;
  return atEnd ? [last.node, last.node.data.length] : [segs[0]!.node, 0];
}

/** A live Range from `start` to `end` (end exclusive) over the document the lines came from. */
export function rangeBetween(doc: Document, lines: readonly Line[], start: LinePoint, end: LinePoint): Range {
  const range = doc.createRange();
  const [startNode, startOffset] = locate(lines[start.line]!, start.offset, false);
  const [endNode, endOffset] = locate(lines[end.line]!, end.offset, true);
  // Start from the item's own node, so each boundary check compares nearby points, not the item and the document's
  // start (a tree walk per range in some DOM implementations, quadratic over a long list).
  range.selectNodeContents(startNode);
  range.setEnd(endNode, endOffset);
  range.setStart(startNode, startOffset);
  return range;
}

/** One space between words; soft hyphens and zero-width characters (invisible, but they split words) dropped. */
export function normalizeSpace(text: string): string {
  return text.replace(INVISIBLES, '').replace(/[\s\u00a0]+/g, ' ').trim();
}
const INVISIBLES = new RegExp(INVISIBLE, 'g');

/** The whitespace-normalized text between two points, lines joined by a space. */
export function textBetween(lines: readonly Line[], start: LinePoint, end: LinePoint): string {
  if (start.line === end.line) return normalizeSpace(lines[start.line]!.text.slice(start.offset, end.offset));
  const parts = [lines[start.line]!.text.slice(start.offset)];
  for (let i = start.line + 1; i < end.line; i++) parts.push(lines[i]!.text);
  parts.push(lines[end.line]!.text.slice(0, end.offset));
  return normalizeSpace(parts.join(' '));
}
