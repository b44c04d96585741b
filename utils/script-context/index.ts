// A content script's lifetime, told to nobody but the script: an abort signal, invalidation when the extension is
// updated or removed, timers and listeners that stop with it, and in-place navigation. It replaces WXT's
// ContentScriptContext for our scripts because that one announces every start to the page: a `postMessage` any
// page receives and a DOM event named after our extension id, which let a site list its visitors who run a UPR
// tool (and let it forge the event to stop our scripts). Nothing here writes the DOM or dispatches an event.

interface RuntimeWithId {
  readonly id?: string;
}

/** The part of a `navigation` object (Navigation API) the location watcher uses. */
interface NavigationLike {
  addEventListener(type: 'navigate', listener: (event: { destination: { url: string } }) => void, options?: AddEventListenerOptions): void;
}

/** WXT's name for in-place navigation, kept so code written against WXT's context works unchanged. */
export const LOCATION_CHANGE = 'wxt:locationchange';

/** Scripts started in this isolated world, by name: a newer script of the same name stops the older one. */
const REGISTRY = Symbol.for('upr-annotator.script-contexts');

export class ScriptContext {
  readonly #controller = new AbortController();
  readonly #runtime: RuntimeWithId;
  readonly #locationHandlers = new Set<() => void>();
  #watching = false;

  constructor(
    readonly name: string,
    runtime: RuntimeWithId,
    private readonly scope: typeof globalThis = globalThis,
  ) {
    this.#runtime = runtime;
    const registry = ((scope as unknown as Record<symbol, Map<string, ScriptContext>>)[REGISTRY] ??= new Map());
    // After an update the browser may start the new script where the old one still runs: the old one stops.
    registry.get(name)?.abort('A newer copy of this script started');
    registry.set(name, this);
    this.onInvalidated(() => {
      if (registry.get(name) === this) registry.delete(name);
    });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** True once stopped, or once the extension is gone (updated, reloaded, removed): its API answers no more. */
  get isInvalid(): boolean {
    if (!this.signal.aborted && this.#runtime.id == null) this.abort('Extension context invalidated');
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  abort(reason?: string): void {
    this.#controller.abort(reason);
  }

  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = this.scope.setTimeout(() => this.isValid && handler(), timeout);
    this.onInvalidated(() => this.scope.clearTimeout(id));
    return id as unknown as number;
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = this.scope.setInterval(() => this.isValid && handler(), timeout);
    this.onInvalidated(() => this.scope.clearInterval(id));
    return id as unknown as number;
  }

  /**
   * A listener removed when the script stops, and not run once the extension is gone. `wxt:locationchange` is
   * not a DOM event here: the handler is called directly when the page navigates in place.
   */
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void {
    if (type === LOCATION_CHANGE) {
      const call = () => handler(new Event(LOCATION_CHANGE));
      this.#locationHandlers.add(call);
      this.onInvalidated(() => this.#locationHandlers.delete(call));
      this.#watchLocation();
      return;
    }
    target.addEventListener(type, (event) => this.isValid && handler(event), { ...options, signal: this.signal });
  }

  #watchLocation(): void {
    if (this.#watching) return;
    this.#watching = true;
    let last = this.scope.location.href;
    const changed = (url: string) => {
      if (url === last || !this.isValid) return;
      last = url;
      for (const handler of this.#locationHandlers) handler();
    };
    const navigation = (this.scope as unknown as { navigation?: NavigationLike }).navigation;
    if (typeof navigation?.addEventListener === 'function') {
      navigation.addEventListener('navigate', (event) => changed(new URL(event.destination.url).href), { signal: this.signal });
    } else {
      this.setInterval(() => changed(this.scope.location.href), 1000);
    }
  }
}

/**
 * WXT's wrapper builds its own context before `main()` runs, and that constructor dispatches a DOM event named
 * after our extension id (which the page hears). Called at the top of an entrypoint module, which runs before the
 * wrapper: the constructor's `document.dispatchEvent` is a no-op until the returned function restores it (call it
 * first thing in `main()`). The shadowing property lives on this isolated world's `document` wrapper only: the
 * page's `document` is untouched and cannot see it.
 */
export function muteWxtStartSignal(doc: Document | undefined = globalThis.document): () => void {
  if (!doc) return () => {}; // WXT loads entrypoints in Node at build time to read their options
  const own = doc as Document & { dispatchEvent: Document['dispatchEvent'] };
  own.dispatchEvent = () => true;
  return () => {
    delete (own as Partial<typeof own>).dispatchEvent;
  };
}
