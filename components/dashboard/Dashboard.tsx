// The dashboard: every stored recommendation and statement note in a dense, virtualized list (100,000 rows scroll
// as 20), searchable and faceted, sorted, each row's note opened for editing on demand and a link that opens its
// page at it; at the top, the data toolbar: export of what is shown (everything when nothing is filtered), import of
// backups, W3C files and datasets of UN recommendations, storage used and delete-all. Data comes through its client
// only; the indexes behind search, facets and sorting are built once per data change (row-index.ts). At 100,000
// rows the first screen waits only for the default order: rows are built as they are shown (createRowTable), the
// search and facet indexes in idle time after, and a search ranks its first screen at once and the rest when idle.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { NotePatch, NoteTarget } from '@/utils/db';
import { numberFormat, type LanguageSetting, type MessageKey } from '@/utils/i18n';
import { nextTask } from '@/utils/steps';
import type { ExportedData, Note, Result } from '@/utils/messages';
import { buildExportFile, downloadFile, EXPORT_FORMATS, slug, type ExportFormat } from '@/components/export-file';
import { useI18n } from '@/components/i18n';
import { formatSize } from './dashboard-format';
import type { DashboardClient, StorageUse } from './dashboard-client';
import { createRowTable, exportNameParts, type DashboardRow, type FacetCount, hasContent, hasSelection, type RowTable, selectForExport, SORT_KEYS, toggleFacet, withNote, withStatement, type FacetKey, type FacetSelection, type SortKey } from './dashboard-rows';
import { loadInPages, type LoadProgress } from './dashboard-load';
import { DatasetImport } from './DatasetImport';
import { DeleteAll } from './DeleteAll';
import { FacetPanel } from './FacetPanel';
import { ImportBackup } from './ImportBackup';
import { ResultRow } from './ResultRow';
import { buildFacetCounter, buildRowMatcher, createSortOrders, rankRows } from './row-index';
import { useVirtualizer } from './use-virtualizer';
import { LanguagePicker } from '@/components/LanguagePicker';
import { UndoToast } from '@/components/UndoToast';

/** The orders the user can choose; "relevance" (best matches first) while a search is typed, else by state. */
type SortChoice = SortKey | 'relevance';

/** How tall a closed row is before it is measured (two lines of text and a chip row). */
export const ROW_ESTIMATE_PX = 96;
/** How long "Note deleted · Undo" stays. */
export const UNDO_MS = 10_000;
/** How long a burst of changes made elsewhere settles before the dashboard reads the records again. */
const RELOAD_AFTER_CHANGE_MS = 300;

/** How long the next page of records waits at most for the browser to be idle. */
const PAGE_PAUSE_MS = 100;

/**
 * Resolves once two frames have been painted (the rows a render adds show in the second: the list measures itself
 * in the first), or after a while in a tab that paints no frame (hidden).
 */
function afterPaint(): Promise<void> {
  return new Promise((done) => {
    const fallback = setTimeout(done, 250);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(fallback);
        setTimeout(done, 0);
      }),
    );
  });
}

/** Runs `work` when the browser is idle (or soon, where it has no idle callback); returns a cancel. */
function whenIdle(work: () => void, timeout = 2_000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 50);
  return () => clearTimeout(handle);
}

/** A value built in steps (a generator that yields between chunks), a step at a time or all at once when asked. */
interface Stepped<T> {
  get(): T;
  ready(): boolean;
  /** Does one chunk of the work; true once the value is built. */
  step(): boolean;
}

function stepped<T>(start: () => Generator<void, T>): Stepped<T> {
  let steps: Generator<void, T> | null = null;
  let value: { v: T } | null = null;
  const step = () => {
    if (!value) {
      const next = (steps ??= start()).next();
      if (next.done) value = { v: next.value };
    }
    return value !== null;
  };
  return {
    get() {
      while (!step());
      return value!.v;
    },
    ready: () => value !== null,
    step,
  };
}

/** How long one chunk of index building runs before the page gets the thread back (a keystroke waits that long at most). */
const CHUNK_MS = 10;

/**
 * Builds each value in turn once the browser is first idle, then chunk after chunk, each a task of its own, so input
 * and painting come between them; idle periods alone would leave the index unbuilt for long on a busy machine.
 * `onBuilt` after each value. Returns a cancel.
 */
function buildWhenIdle(builds: Stepped<unknown>[], onBuilt: (built: Stepped<unknown>) => void): () => void {
  let cancel = () => {};
  const work = () => {
    const until = performance.now() + CHUNK_MS;
    while (builds.length > 0 && performance.now() < until) {
      if (builds[0]!.step()) onBuilt(builds.shift()!);
    }
    if (builds.length > 0) cancel = nextTask(work);
  };
  cancel = whenIdle(work);
  return () => cancel();
}

/** Up to how many rows facet counts are counted before the rows show; over more, in idle time after (at most this late). */
const FACETS_AT_ONCE = 20_000;
const LATE_COUNTS_MS = 300;

/** How many of a search's best rows are ordered before the results show: more than a tall screen holds. */
const FIRST_RANKED = 200;

/** The rows shown, by place in the list: the first `exact` in their final order, the others once complete(). */
interface ShownRows {
  /** Each place's row, as its position in the table. */
  readonly positions: Int32Array;
  readonly exact: number;
  complete(): void;
  /** How many of them are statement notes. */
  readonly statements: number;
}

const EMPTY_DATA = { pages: [], recommendations: [], notes: [] };

type FacetCounts = Record<FacetKey, FacetCount[]>;

const FORMAT_LABELS: Record<ExportFormat, MessageKey> = {
  json: 'dash.format.json',
  csv: 'dash.format.csv',
  md: 'dash.format.markdown',
  w3c: 'dash.format.w3c',
};

interface Props {
  client: DashboardClient;
  languageSetting: LanguageSetting;
  onLanguageSetting(setting: LanguageSetting): void;
  /** Where the download links go (the page's document). */
  doc?: Document;
}

export function Dashboard({ client, languageSetting, onLanguageSetting, doc = document }: Props) {
  const { t, language } = useI18n();
  const [data, setData] = useState<ExportedData | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The records of the last render, for a change that patches them.
  const shownData = useRef(data);
  shownData.current = data;
  const [query, setQuery] = useState('');
  const [selection, setSelection] = useState<FacetSelection>({});
  const [sort, setSort] = useState<SortChoice>('relevance');
  const [openRow, setOpenRow] = useState<string | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  // Bumped when the facet index built in idle time is ready, so the counts show.
  const [, setIndexed] = useState(0);
  const [storage, setStorage] = useState<StorageUse | null | 'unknown'>(null);
  const [notice, setNotice] = useState('');
  const [deleted, setDeleted] = useState<Note | null>(null);
  // Rows whose note was edited here stay in view until the filters change, even if they no longer match.
  const [pinned, setPinned] = useState<ReadonlySet<string>>(new Set());

  const refreshStorage = () => void client.storageUse().then((use) => setStorage(use ?? 'unknown'));
  // The load under way, as a page at a time arrives: how far, and what changed meanwhile (applied once it is in).
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  const loading = useRef<{ generation: number; notes: Map<string, Note>; statements: Set<string> } | null>(null);
  const generation = useRef(0);
  const load = async () => {
    const mine = ++generation.current;
    const during = (loading.current = { generation: mine, notes: new Map<string, Note>(), statements: new Set<string>() });
    const result = await loadInPages(client.loadPage, {
      onFirst(first, now) {
        setData(first);
        setError(null);
        setProgress(now);
      },
      onProgress: setProgress,
      stale: () => generation.current !== mine,
      pause: () => afterPaint().then(() => new Promise((done) => whenIdle(done, PAGE_PAUSE_MS))),
    });
    if (!result) return;
    loading.current = null;
    setProgress(null);
    if (result.ok) {
      let loaded = result.value;
      for (const note of during.notes.values()) loaded = withNote(loaded, note);
      setData(loaded);
      setError(null);
      for (const url of during.statements) void patchStatement(url);
    } else setError(result.error.message);
    refreshStorage();
  };
  // A statement captured or corrected elsewhere: its records only are read again, not everything.
  const patchStatement = async (url: string) => {
    if (loading.current) {
      loading.current.statements.add(url);
      return;
    }
    const result = await client.loadStatement(url);
    const current = shownData.current;
    const next = result.ok && current ? withStatement(current, url, result.value) : current;
    if (next) setData(next);
    else void load();
  };
  const noteChanged = (note: Note) => {
    loading.current?.notes.set(note.id, note);
    setData((current) => current && withNote(current, note));
  };

  useEffect(() => {
    void load();
    // Records changed elsewhere: a statement's (a capture, a correction) are read again, anything else (an import,
    // delete-all in another dashboard) reloads everything, once a burst of changes has settled.
    let reload: ReturnType<typeof setTimeout> | undefined;
    const statements = new Set<string>();
    let everything = false;
    const unsubscribe = client.subscribe(noteChanged, (change) => {
      if (change.scope === 'page') statements.add(change.pageUrl);
      else everything = true;
      clearTimeout(reload);
      reload = setTimeout(() => {
        if (everything) void load();
        else for (const url of statements) void patchStatement(url);
        statements.clear();
        everything = false;
      }, RELOAD_AFTER_CHANGE_MS);
    });
    return () => {
      clearTimeout(reload);
      generation.current++;
      unsubscribe();
    };
  }, [client]);

  // Which search and filters the pins belong to: a note saved after they changed does not pin its row in the new view.
  const view = useRef(0);
  const changeView = () => {
    view.current++;
    setPinned(new Set());
  };

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted]);

  const table = useMemo(() => createRowTable(data ?? EMPTY_DATA), [data]);
  const orderOf = useMemo(() => createSortOrders(table.columns), [table]);
  // The search and facet indexes wait for the first rows to show, then build while the browser is idle, a few
  // milliseconds at a time; a keystroke or facet click before that builds what it needs at once.
  const matcher = useMemo(() => stepped(() => buildRowMatcher(table)), [table]);
  const facets = useMemo(() => stepped(() => buildFacetCounter(table)), [table]);
  useEffect(() => {
    if (table.length === 0) return;
    // The facet counts show once built; the term index changes nothing on screen until a search.
    return buildWhenIdle([facets, matcher], (built) => {
      if (built === facets) setIndexed((n) => n + 1);
    });
  }, [matcher, facets]);
  // Nothing stored: the imports are what the user needs, so they show; once open they stay until the user folds them.
  useEffect(() => {
    if (data && table.length === 0) setImportOpen(true);
  }, [data, table.length]);
  const searching = query.trim() !== '';
  const result = useMemo(() => (searching ? matcher.get().search(query) : null), [matcher, query, searching]);
  const filtering = hasSelection(selection);
  // Facet counts: at once while a facet is chosen (they decide which rows show) or when they are few rows' work; over
  // more rows they follow the results when the browser is idle, so a keystroke paints its rows first and the panel
  // keeps the counts it shows until then.
  const countsNow = filtering || ((facets.ready() || searching) && (result ? result.count : table.length) <= FACETS_AT_ONCE);
  const countFacets = () => facets.get().count(selection, result?.mask ?? null, result?.positions);
  const counted = useMemo(() => (countsNow ? countFacets() : null), [facets, selection, result, countsNow, facets.ready()]);
  const [lateCounts, setLateCounts] = useState<FacetCounts | null>(null);
  useEffect(() => {
    if (countsNow || !(facets.ready() || searching)) return;
    return whenIdle(() => setLateCounts(countFacets().counts), LATE_COUNTS_MS);
  }, [facets, selection, result, countsNow, facets.ready()]);
  const facetCounts = counted?.counts ?? lateCounts;
  // While searching, the best matches come first unless the user chose another order.
  const order: SortChoice = sort === 'relevance' && !result ? 'state' : sort;
  const visible = useMemo((): ShownRows => {
    const pinnedAt = new Set<number>();
    for (const id of pinned) {
      const at = table.indexOf(id);
      if (at >= 0) pinnedAt.add(at);
    }
    const matching = counted?.matching ?? result?.mask ?? null;
    const shows = (i: number) => !matching || matching[i] === 1 || pinnedAt.has(i);
    const recs = table.recommendations;
    if (order === 'relevance' && result) {
      const mask = result.mask;
      let candidates = result.positions;
      if (filtering) candidates = candidates.filter((i) => matching![i] === 1 || pinnedAt.has(i));
      const n = candidates.length;
      // Statement notes come after every recommendation in the table: the candidates' tail, past `recs`.
      let statements = 0;
      for (let k = n - 1; k >= 0 && candidates[k]! >= recs; k--) statements++;
      // A pinned row the search no longer finds stays, after the matches.
      const after = [...pinnedAt].filter((i) => !mask[i]).sort((a, b) => a - b);
      statements += after.filter((i) => i >= recs).length;
      const positions = new Int32Array(n + after.length);
      positions.set(after, n);
      const ranked = rankRows(result.scores, candidates, FIRST_RANKED, positions);
      return {
        positions,
        get exact() {
          return ranked.exact === n ? positions.length : ranked.exact;
        },
        complete: ranked.complete,
        statements,
      };
    }
    const source = orderOf(order === 'relevance' ? 'state' : order);
    let positions = source;
    let statements = table.length - recs;
    if (matching || pinnedAt.size > 0) {
      positions = new Int32Array(source.length);
      let n = 0;
      statements = 0;
      for (const i of source) {
        if (shows(i)) {
          positions[n++] = i;
          if (i >= recs) statements++;
        }
      }
      positions = positions.subarray(0, n);
    }
    return { positions, exact: positions.length, complete: () => {}, statements };
  }, [table, counted, result, order, orderOf, pinned, filtering]);
  // The rest of a search's ranking, once the browser is idle (or at once, should the list be scrolled there first).
  // Nothing on screen changes: the rows shown were ranked already.
  useEffect(() => {
    if (visible.exact >= visible.positions.length) return;
    return whenIdle(visible.complete);
  }, [visible]);
  // Only an open editor offers tags: no pass over every row before then.
  const tagSuggestions = useMemo(() => (openRow === null ? [] : table.tags()), [table, openRow === null]);
  const filtered = searching || filtering;
  const liveNotes = useMemo(() => (data ? data.notes.filter((n) => n.deletedAt === null && hasContent(n)).length : 0), [data]);

  if (error) return <p class="dash-error" role="alert">{t('dash.loadFailed', { error })}</p>;
  if (!data) return <p class="dash-loading">{t('loading')}</p>;

  const recTotal = data.recommendations.length;
  const statementTotal = table.length - recTotal;
  const shownStatements = visible.statements;
  /** The rows shown, in order, as an export takes them. */
  const visibleRows = (): DashboardRow[] => {
    visible.complete();
    return Array.from(visible.positions, (i) => table.at(i));
  };

  const save = async (target: NoteTarget, patch: NotePatch) => {
    const savedIn = view.current;
    const result = await client.saveNote(target, patch);
    if (result.ok) {
      const note = result.value;
      if (view.current === savedIn) setPinned((current) => new Set([...current, note.recommendationId ?? `page:${note.pageUrl}`]));
      noteChanged(note);
    }
    return result;
  };
  const remove = async (note: Note) => {
    const result = await client.deleteNote(note.id);
    if (result.ok) {
      noteChanged(result.value);
      setDeleted(result.value);
    } else setNotice(result.error.message);
  };
  const undo = async () => {
    if (!deleted) return;
    setDeleted(null);
    const result = await client.restoreNote(deleted.id);
    if (result.ok) noteChanged(result.value);
  };
  const exportAs = (format: ExportFormat, everything = false) => {
    // Until every page is in, an export would miss records: say how far the load is instead.
    if (progress) return setNotice(t('dash.loadingRecords', { loaded: number(progress.loaded), total: number(progress.total) }));
    const partial = filtered && !everything;
    const records = partial ? selectForExport(data, visibleRows()) : data;
    const file = buildExportFile(format, { ...records, settings: data.settings }, new Date(), exportNameParts(selection, partial, slug));
    downloadFile(doc, file);
    setNotice(t('dash.exported', { name: file.name }));
  };
  const clear = () => {
    changeView();
    setQuery('');
    setSelection({});
  };

  const storageText =
    storage === null
      ? t('loading')
      : storage === 'unknown'
        ? t('dash.storageUnknown')
        : storage.quota > 0
          ? t('dash.storageOf', { size: formatSize(storage.usage, t, language), quota: formatSize(storage.quota, t, language) })
          : t('dash.storage', { size: formatSize(storage.usage, t, language) });
  // Grouped as the language writes numbers ("100,000", "100 000"); the plural still follows the number.
  const number = numberFormat(language);
  const plural = (key: MessageKey, shown: number, count: number) => t(key, { shown: number(shown), total: number(count), count });
  const countText = [
    plural('dash.shownRecs', visible.positions.length - shownStatements, recTotal),
    ...(statementTotal > 0 ? [plural('dash.shownStatementNotes', shownStatements, statementTotal)] : []),
  ].join(' · ');

  return (
    <div class="dash" lang={language}>
      <header class="dash-header">
        <h1 class="dash-title">{t('dash.title')}</h1>
        <p class="dash-summary">
          {[t('recCount', { count: number(recTotal) }), t('dash.statements', { count: number(data.pages.length) }), t('dash.notes', { count: number(liveNotes) })].join(' · ')}
        </p>
        <p class="storage-used">{storageText}</p>
      </header>

      <section class="dash-data" aria-labelledby="data-title">
        <h2 id="data-title" class="visually-hidden">
          {t('dash.data')}
        </h2>
        <div class="data-toolbar">
          <div class="export-bar" role="group" aria-labelledby="export-label">
            <span id="export-label" class="export-label">
              {filtered ? t('dash.exportShown', { count: number(visible.positions.length) }) : t('dash.exportAll')}
            </span>
            {EXPORT_FORMATS.map((format) => (
              <button key={format} type="button" class="button export-button" data-format={format} disabled={visible.positions.length === 0 || progress !== null} onClick={() => exportAs(format)}>
                {t(FORMAT_LABELS[format])}
              </button>
            ))}
          </div>
          <button type="button" class="button import-open" aria-expanded={importOpen} aria-controls="import-panel" onClick={() => setImportOpen(!importOpen)}>
            {t('dash.importOpen')}
          </button>
          <DeleteAll
            recommendations={recTotal}
            notes={liveNotes}
            deleteAll={client.deleteAll}
            exportBackup={() => exportAs('json', true)}
            onDeleted={() => {
              clear();
              setNotice(t('dash.deletedAll'));
              void load();
            }}
          />
        </div>
        {/* Kept mounted when folded, so an import under way is not lost. */}
        <div id="import-panel" class="data-grid" hidden={!importOpen}>
          <ImportBackup client={client} onImported={() => void load()} />
          <DatasetImport client={client} onImported={() => void load()} />
        </div>
        <p class="dash-notice" role="status" aria-live="polite">
          {notice}
        </p>
      </section>

      <div class="dash-body">
        <aside class="dash-facets" aria-labelledby="filters-title">
          <h2 id="filters-title" class="dash-h2">
            {t('dash.filters')}
          </h2>
          {facetCounts && (
            <FacetPanel counts={facetCounts} selection={selection} onToggle={(key: FacetKey, value: string) => {
                changeView();
                setSelection((s) => toggleFacet(s, key, value));
              }} />
          )}
        </aside>

        <main class="dash-main" aria-labelledby="dash-results-title">
          <h2 id="dash-results-title" class="visually-hidden">
            {t('dash.search')}
          </h2>
          <div class="dash-toolbar">
            <label class="dash-search">
              <span class="toolbar-label">{t('dash.search')}</span>
              <input
                type="search"
                class="filter-input search-input"
                placeholder={t('dash.searchPlaceholder')}
                value={query}
                onInput={(event) => {
                  changeView();
                  setQuery((event.currentTarget as HTMLInputElement).value);
                }}
              />
            </label>
            <label class="dash-sort">
              <span class="toolbar-label">{t('dash.sort')}</span>
              <select class="select sort-select" value={order} onChange={(event) => setSort((event.currentTarget as HTMLSelectElement).value as SortChoice)}>
                {(result ? (['relevance', ...SORT_KEYS] as const) : SORT_KEYS).map((key) => (
                  <option key={key} value={key}>
                    {t(`dash.sort.${key}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div class="dash-status">
            <p class="dash-count" role="status" aria-live="polite">
              {countText}
            </p>
            {progress && (
              <p class="dash-loading-more">
                <progress max={progress.total} value={progress.loaded} /> {t('dash.loadingRecords', { loaded: number(progress.loaded), total: number(progress.total) })}
              </p>
            )}
            {filtered && (
              <button type="button" class="link-button clear-filters" onClick={clear}>
                {t('dash.clearFilters')}
              </button>
            )}
          </div>

          {table.length === 0 ? (
            <p class="dash-empty">{t('dash.empty')}</p>
          ) : visible.positions.length === 0 ? (
            <p class="dash-empty">{t('dash.noMatch')}</p>
          ) : (
            <VirtualRows
              table={table}
              shown={visible}
              exact={visible.exact}
              openRow={openRow}
              onToggle={(id) => setOpenRow((current) => (current === id ? null : id))}
              tagSuggestions={tagSuggestions}
              save={save}
              draft={client.draft}
              onDelete={(note) => void remove(note)}
            />
          )}
          {deleted && <UndoToast message={t('noteDeleted')} onUndo={() => void undo()} />}
        </main>
      </div>

      <footer class="dash-footer">
        <LanguagePicker value={languageSetting} onChange={onLanguageSetting} />
      </footer>
    </div>
  );
}

interface VirtualRowsProps {
  table: RowTable;
  shown: ShownRows;
  /** How many of the rows shown are in their final order (a key to the virtualizer's layout). */
  exact: number;
  openRow: string | null;
  onToggle(id: string): void;
  tagSuggestions: string[];
  save(target: NoteTarget, patch: NotePatch): Promise<Result<Note>>;
  draft(target: NoteTarget, body: string): void;
  onDelete(note: Note): void;
}

/**
 * The rows in view (and a few either side) inside a scrolling box; the rest are space. Arrow keys move between
 * rows' "Edit note" buttons, Home and End to the first and last row, scrolling as they go.
 */
const estimateSize = () => ROW_ESTIMATE_PX;

function VirtualRows({ table, shown, exact, openRow, onToggle, tagSuggestions, save, draft, onDelete }: VirtualRowsProps) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const getScrollElement = useCallback(() => scroller.current, []);
  // A new key function makes the virtualizer lay out every row again: one per list of rows, not per render. A row's
  // key is its position in the table (its id for this data); rows not yet ranked are keyed by their place.
  const { positions } = shown;
  const getItemKey = useCallback((index: number) => (index < exact ? positions[index]! : -1 - index), [table, positions, exact]);
  const count = positions.length;
  const virtualizer = useVirtualizer({ count, getScrollElement, estimateSize, getItemKey, overscan: 6 });
  const items = virtualizer.getVirtualItems();
  // Scrolled past the ranked rows before the rest was ranked: rank them now.
  if (items.length > 0 && items[items.length - 1]!.index >= shown.exact) shown.complete();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(count - 1, index));
    virtualizer.scrollToIndex(target, { align: 'auto' });
    // The row renders on the next frame when it was out of view.
    const focus = (tries: number) => {
      const button = scroller.current?.querySelector<HTMLElement>(`.row[data-index="${target}"] .row-edit`);
      if (button) button.focus();
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    focus(5);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const el = event.target as HTMLElement;
    if (el.closest('.note, textarea, input, select')) return;
    const index = Number(el.closest<HTMLElement>('.row')?.dataset.index ?? NaN);
    if (Number.isNaN(index)) return;
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: count - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    focusRow(moves[event.key]!);
  };

  return (
    <div ref={scroller} class="rows-scroller" onKeyDown={onKeyDown}>
      <ul class="rows" aria-label={t('dash.results')} style={{ paddingTop: `${before}px`, paddingBottom: `${Math.max(0, after)}px` }}>
        {items.map((item) => {
          const row = table.at(positions[item.index]!);
          return (
            <ResultRow
              key={row.id}
              row={row}
              index={item.index}
              setSize={count}
              measureRef={virtualizer.measureElement}
              open={openRow === row.id}
              onToggle={() => onToggle(row.id)}
              tagSuggestions={tagSuggestions}
              save={save}
              draft={draft}
              onDelete={onDelete}
            />
          );
        })}
      </ul>
    </div>
  );
}
