// The panel's list of recommendations (a statement's, or one statement's of a page of several). A short list is one
// <ol> of whole items. A long one (a statement of thousands) keeps every item in the document — find-in-page, the
// keyboard and the page's selection reach each — but is cut into chunks of CHUNK items, each a list part the browser
// styles and lays out only near the view (content-visibility on the chunk: on its items, the browser still styled
// and placed every one of 10,000, most of a second); a chunk renders its items whole (facts, note, corrections) once
// it has come near the view or had the keyboard, and renders again only when its items, the selection among them or
// what every item shows change.
import { Component, createRef, type RefObject, type VNode } from 'preact';

/** A list longer than this is long: cut into chunks, each item whole only near the view (or selected, or noted). */
export const FULL_LIST_MAX = 400;
/** Items per chunk of a long list: what a chunk coming near the view renders whole at once. */
export const CHUNK = 50;
/** How far outside the view a chunk of a long list is rendered whole ahead of being scrolled to. */
const NEAR_MARGIN = '800px 0px';
/** About the height of an item showing its words only: a chunk's room before it is first laid out. */
const ITEM_HEIGHT_PX = 48;

/** Tells chunks when they come near the view: one observer for the panel, each chunk watched until it has. */
export interface NearWatch {
  watch(element: Element, near: () => void): () => void;
  stop(): void;
}

export function createNearWatch(): NearWatch | null {
  if (typeof IntersectionObserver === 'undefined') return null;
  const nearOf = new Map<Element, () => void>();
  const seen = (entries: IntersectionObserverEntry[]) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      const near = nearOf.get(entry.target);
      nearOf.delete(entry.target);
      near?.();
    }
  };
  // The frame's own viewport as the root: with the implicit root (the top page's, for a frame of another origin) the
  // margin would not apply.
  let observer: IntersectionObserver;
  try {
    observer = new IntersectionObserver(seen, { root: document, rootMargin: NEAR_MARGIN });
  } catch {
    observer = new IntersectionObserver(seen, { rootMargin: NEAR_MARGIN });
  }
  return {
    watch(element, near) {
      nearOf.set(element, near);
      observer.observe(element);
      return () => {
        nearOf.delete(element);
        observer.unobserve(element);
      };
    },
    stop: () => observer.disconnect(),
  };
}

interface ListProps<T extends { n: number }> {
  items: readonly T[];
  /** Cut into chunks (see FULL_LIST_MAX); each item then carries role="listitem" (the chunks have none). */
  long: boolean;
  selected: number | null;
  /** What every item's rendering depends on besides the item and the selection: a change renders each chunk again. */
  deps: readonly unknown[];
  /** One item (an <li> with its `data-n`); `near`: its chunk came near the view (always true on a short list). */
  item(rec: T, near: boolean): VNode;
  /** An item's words clicked (or its button pressed): one listener for the whole list. */
  onChoose(n: number): void;
  listRef?: RefObject<HTMLElement>;
  nearWatch: NearWatch | null;
}

export function RecList<T extends { n: number }>({ items, long, selected, deps, item, onChoose, listRef, nearWatch }: ListProps<T>) {
  const onClick = (event: MouseEvent) => {
    const button = (event.target as Element | null)?.closest?.('.rec-text');
    const li = button?.closest<HTMLElement>('[data-n]');
    if (li && (event.currentTarget as Element).contains(li)) onChoose(Number(li.dataset.n));
  };
  if (!long)
    return (
      <ol class="recs" ref={listRef as RefObject<HTMLOListElement>} onClick={onClick}>
        {items.map((rec) => item(rec, true))}
      </ol>
    );
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) chunks.push(items.slice(i, i + CHUNK));
  return (
    <div class="recs recs-long" role="list" ref={listRef as RefObject<HTMLDivElement>} onClick={onClick}>
      {chunks.map((recs, i) => (
        <RecChunk key={i} recs={recs} selected={selected !== null && recs.some((rec) => rec.n === selected) ? selected : null} deps={deps} item={item} nearWatch={nearWatch} />
      ))}
    </div>
  );
}

interface ChunkProps<T extends { n: number }> {
  recs: readonly T[];
  /** The selected item when it is among these, else null. */
  selected: number | null;
  deps: readonly unknown[];
  item(rec: T, near: boolean): VNode;
  nearWatch: NearWatch | null;
}

const sameItems = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

class RecChunk<T extends { n: number }> extends Component<ChunkProps<T>, { near: boolean }> {
  override state = { near: false };
  private readonly element = createRef<HTMLOListElement>();
  private unwatch: (() => void) | null = null;
  private readonly markNear = () => {
    this.unwatch?.();
    this.unwatch = null;
    if (!this.state.near) this.setState({ near: true });
  };
  override componentDidMount() {
    if (this.element.current && this.props.nearWatch) this.unwatch = this.props.nearWatch.watch(this.element.current, this.markNear);
  }
  override componentWillUnmount() {
    this.unwatch?.();
  }
  override shouldComponentUpdate(next: ChunkProps<T>, nextState: { near: boolean }): boolean {
    const now = this.props;
    return nextState.near !== this.state.near || next.selected !== now.selected || !sameItems(next.recs, now.recs) || !sameItems(next.deps, now.deps);
  }
  override render() {
    const { recs, item } = this.props;
    const { near } = this.state;
    return (
      <ol role="none" class="rec-chunk" ref={this.element} style={{ containIntrinsicSize: `auto ${recs.length * ITEM_HEIGHT_PX}px` }} onFocusIn={this.markNear}>
        {recs.map((rec) => item(rec, near))}
      </ol>
    );
  }
}
