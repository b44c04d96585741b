// Two edits of one note made at the same time (two tabs, a panel and the dashboard): each save carries the text
// it started from, and where the stored text moved on since, the two edits are merged when they touch different
// parts of that text (one adds a sentence at the start, the other at the end). Where they touch the same part,
// no merge is guessed: the caller keeps both texts and the user chooses.

/** The part of `base` that `edited` replaced, as [start, end) in `base`, and what stands there now. */
function changedSpan(base: string, edited: string): { start: number; end: number; text: string } {
  const shortest = Math.min(base.length, edited.length);
  let prefix = 0;
  while (prefix < shortest && base.charCodeAt(prefix) === edited.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && base.charCodeAt(base.length - 1 - suffix) === edited.charCodeAt(edited.length - 1 - suffix)) suffix++;
  return { start: prefix, end: base.length - suffix, text: edited.slice(prefix, edited.length - suffix) };
}

/**
 * `mine` and `theirs`, both edits of `base`, as one text; null when they change the same part of `base` (or
 * insert at the same place), where only the user can say which words stand.
 */
export function mergeEdits(base: string, mine: string, theirs: string): string | null {
  if (mine === theirs || theirs === base) return mine;
  if (mine === base) return theirs;
  const a = changedSpan(base, mine);
  const b = changedSpan(base, theirs);
  if (a.start === b.start || Math.max(a.start, b.start) < Math.min(a.end, b.end)) return null;
  const [first, second] = a.start < b.start ? [a, b] : [b, a];
  if (first.end > second.start) return null;
  return base.slice(0, first.start) + first.text + base.slice(first.end, second.start) + second.text + base.slice(second.end);
}

/** Both texts kept, theirs first: what a save that cannot ask the user (a tab already closed) stores on a conflict. */
export function keepBoth(theirs: string, mine: string): string {
  return theirs.trim() === '' ? mine : `${theirs}\n\n${mine}`;
}
