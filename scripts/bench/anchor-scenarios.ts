// The page changes the anchoring bench measures every library on, and the judge of their answers. Pure DOM, so
// the same code runs in Chromium (scripts/bench/in-page.ts) and in happy-dom (anchor-scenarios.test.ts).
//
// Each scenario starts from a page whose recommendations are the <li> elements under root, stores one selector per
// recommendation (TextQuote with 32 characters of context, plus TextPosition), changes the page, and says where
// each stored selector should now land: on its own recommendation, or nowhere (an orphan).
import { describeRanges, type RecSelector } from '../../utils/anchor';

export const SCENARIOS = ['exact', 'edited', 'heavilyEdited', 'removed', 'moved', 'duplicated'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export const SCENARIO_LABELS: Record<ScenarioName, string> = {
  exact: 'unchanged page',
  edited: 'every tenth quote edited by a few characters',
  heavilyEdited: 'every tenth quote 30 % edited',
  removed: '20 recommendations removed',
  moved: '20 recommendations moved > 2,048 characters',
  duplicated: '20 quotes present twice, one copy edited',
};

export interface Scenario {
  name: ScenarioName;
  selectors: RecSelector[];
  /** Where selectors[i] should land: its recommendation's element, or null for an orphan. */
  expected: (Element | null)[];
  /** Whether an orphan is also a right answer for selectors[i] (a quote edited past recognition). */
  orphanAllowed: boolean[];
}

export interface Verdict {
  /** Right range, or an orphan where one is right. */
  correct: number;
  /** A range on other text than the recommendation: a note would sit on the wrong recommendation. */
  wrong: number;
  /** An orphan where the recommendation is still on the page. */
  missed: number;
}

const EDIT_EVERY = 10;
const MOVED_OR_REMOVED = 20;
export const MIN_MOVE_DISTANCE = 2048;

function nodeRange(node: Node): Range {
  const range = node.ownerDocument!.createRange();
  range.selectNodeContents(node);
  return range;
}

/** A few characters changed: a word inserted near the middle, as an editor's correction would. */
export function editFew(text: string): string {
  const middle = text.indexOf(' ', Math.floor(text.length / 2));
  const at = middle === -1 ? Math.floor(text.length / 2) : middle;
  return `${text.slice(0, at)} duly${text.slice(at)}`;
}

/** 30 % of the characters changed: the middle stretch rewritten (here: reversed). */
export function editHeavily(text: string): string {
  const from = Math.floor(text.length * 0.35);
  const to = from + Math.ceil(text.length * 0.3);
  return `${text.slice(0, from)}${[...text.slice(from, to)].reverse().join('')}${text.slice(to)}`;
}

/** Offsets of points in root's text as a TextPositionSelector counts them, from one walk over its text nodes. */
function textOffsets(root: Element): (container: Node, offset: number) => number {
  const starts = new Map<Node, number>();
  const walker = root.ownerDocument.createTreeWalker(root, 4);
  let total = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    starts.set(node, total);
    total += (node as Text).data.length;
  }
  const slow = (container: Node, offset: number) => {
    const range = root.ownerDocument.createRange();
    range.setStart(root, 0);
    range.setEnd(container, offset);
    return range.toString().length;
  };
  return (container, offset) => {
    const start = starts.get(container);
    return start === undefined ? slow(container, offset) : start + offset;
  };
}

/** The text span of an element: from its first text node to the end of its last. */
function elementSpan(el: Element, offsetOf: (container: Node, offset: number) => number): [number, number] {
  const walker = el.ownerDocument.createTreeWalker(el, 4);
  const first = walker.nextNode();
  if (!first) return [offsetOf(el, 0), offsetOf(el, 0)];
  let last: Node = first;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) last = node;
  return [offsetOf(first, 0), offsetOf(last, (last as Text).data.length)];
}

function replaceText(li: Element, text: string): void {
  li.textContent = text;
}

/** Sets up scenario `name` on root's recommendations (changing the page) and returns what to anchor and expect. */
export function prepareScenario(root: Element, name: ScenarioName): Scenario {
  const items = Array.from(root.querySelectorAll('li'));
  const n = items.length;
  const every = Math.floor(n / MOVED_OR_REMOVED);
  const chosen = (i: number) => i % every === Math.floor(every / 2) && i < every * MOVED_OR_REMOVED;
  // Duplicates are made before the selectors are stored: the page had the same recommendation twice.
  const pairs: [number, number][] = [];
  if (name === 'duplicated') {
    for (let i = 0; i < n; i++) if (chosen(i) && i + 5 < n) pairs.push([i, i + 5]);
    for (const [a, b] of pairs) replaceText(items[b]!, items[a]!.textContent!);
  }
  const selectors = describeRanges(root, items.map(nodeRange));
  const expected: (Element | null)[] = [...items];
  const orphanAllowed = items.map(() => false);

  if (name === 'edited' || name === 'heavilyEdited') {
    items.forEach((li, i) => {
      if (i % EDIT_EVERY !== EDIT_EVERY / 2) return;
      replaceText(li, name === 'edited' ? editFew(li.textContent!) : editHeavily(li.textContent!));
      orphanAllowed[i] = name === 'heavilyEdited';
    });
  } else if (name === 'removed') {
    items.forEach((li, i) => {
      if (!chosen(i)) return;
      li.remove();
      expected[i] = null;
    });
  } else if (name === 'moved') {
    // Each chosen recommendation goes 40 places further down the list (or up, near the end): > 2,048 characters.
    items.forEach((li, i) => {
      if (!chosen(i)) return;
      const target = i + 40 < n ? items[i + 40]! : items[i - 40]!;
      if (i + 40 < n) target.after(li);
      else target.before(li);
    });
  } else if (name === 'duplicated') {
    pairs.forEach(([a, b], k) => {
      const edited = k % 2 === 0 ? items[b]! : items[a]!;
      replaceText(edited, editFew(edited.textContent!));
    });
  }
  return { name, selectors, expected, orphanAllowed };
}

/** How far each moved quote now is from its stored position (for checking the scenario, not for anchoring). */
export function movedDistances(root: Element, scenario: Scenario): number[] {
  const offsetOf = textOffsets(root);
  return scenario.expected.flatMap((el, i) => {
    if (!el) return [];
    const distance = Math.abs(elementSpan(el, offsetOf)[0] - scenario.selectors[i]!.position.start);
    return distance > 0 ? [distance] : [];
  });
}

/**
 * Judges one library's answers: a range is right when it covers its recommendation's text (at least 3/4 of the
 * union of the two, so an approximate end a few characters short still counts), an orphan when one is expected.
 */
export function judge(root: Element, scenario: Scenario, ranges: readonly (AbstractRange | null)[]): Verdict {
  const verdict: Verdict = { correct: 0, wrong: 0, missed: 0 };
  const offsetOf = textOffsets(root);
  scenario.expected.forEach((el, i) => {
    const range = ranges[i] ?? null;
    if (!range) {
      if (!el || scenario.orphanAllowed[i]) verdict.correct++;
      else verdict.missed++;
      return;
    }
    if (!el) {
      verdict.wrong++;
      return;
    }
    const start = offsetOf(range.startContainer, range.startOffset);
    const end = offsetOf(range.endContainer, range.endOffset);
    const [want, wantEnd] = elementSpan(el, offsetOf);
    const overlap = Math.max(0, Math.min(end, wantEnd) - Math.max(start, want));
    const union = Math.max(end, wantEnd) - Math.min(start, want);
    if (union > 0 && overlap / union >= 0.75) verdict.correct++;
    else verdict.wrong++;
  });
  return verdict;
}
