// A reading in steps: the phases of extraction are generators that yield after each bounded share of the work (a
// count of nodes, lines or items, never a clock: the same page always pauses at the same places). The caller in the
// page awaits a pause at each yield (extractStatementInSteps); everything else runs them through in one go (drain).

/** Work that yields between its bounded shares and returns T at the end. */
export type Steps<T> = Generator<void, T, void>;

/** DOM nodes collectLines visits per step. */
export const NODES_PER_STEP = 4_000;
/** Lines the recommendation scan reads per step. */
export const LINES_PER_STEP = 1_000;
/** Recommendations per step where each is read (its words, its range). */
export const ITEMS_PER_STEP = 1_000;

/** Runs `steps` to the end without pausing. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `map` in steps of `perStep` items. */
export function* mapInSteps<A, B>(items: readonly A[], perStep: number, f: (item: A, i: number) => B): Steps<B[]> {
  const out: B[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % perStep === 0) yield;
    out.push(f(items[i]!, i));
  }
  return out;
}
