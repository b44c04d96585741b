// Work in steps: generators that yield after each bounded share of the work (a count of nodes, lines or items, never
// a clock: the same page always pauses at the same places). In the page, the caller awaits a pause at each yield, the
// page's own tasks running between (runWatched); everything else runs them through in one go (drain).

/**
 * DOM nodes a walk of the page visits per step (a long text node counting one more per 256 characters): extraction's
 * lines, the outline of a page's text, a range's text segments.
 */
export const NODES_PER_STEP = 2_000;

/** Work that yields between its bounded shares and returns T at the end. */
export type Steps<T> = Generator<void, T, void>;


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

/**
 * Runs `steps`, awaiting `pause()` at each yield, while watching `root`'s words and structure: when they change during
 * a pause (or root leaves the document), it stops there and returns null — what it read before may be stale.
 */
export async function runWatched<T>(steps: Steps<T>, root: Element, pause: () => Promise<void>): Promise<{ value: T } | null> {
  const Observer = root.ownerDocument.defaultView?.MutationObserver;
  if (!Observer) return { value: drain(steps) };
  let changed = false;
  const observer = new Observer(() => (changed = true));
  observer.observe(root, { subtree: true, childList: true, characterData: true });
  try {
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return { value: step.value };
      await pause();
      // Records already delivered set `changed`; takeRecords() has those not delivered yet.
      if (changed || observer.takeRecords().length > 0 || !root.isConnected) return null;
    }
  } finally {
    observer.disconnect();
  }
}

/**
 * Runs `work` in a task of its own queued behind those already waiting (a message to ourselves: no timer's minimum
 * delay, and unlike scheduler.yield's continuation it does not go ahead of them). Returns a cancel.
 */
export function nextTask(work: () => void): () => void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    work();
  };
  channel.port2.postMessage(null);
  return () => channel.port1.close();
}
