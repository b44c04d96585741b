// The dashboard: every stored recommendation and statement note in a dense, virtualized list (100,000 rows scroll
// as 20), searchable and faceted, sorted, each row's note opened for editing on demand and a link that opens its
// page at it; at the top, the data toolbar: export of what is shown (everything when nothing is filtered), import of
// backups, W3C files and datasets of UN recommendations, storage used and delete-all. Data comes through its client
// only; the indexes behind search, facets and sorting are built once per data change (row-index.ts).
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { NotePatch, NoteTarget } from '@/utils/db';
import { LOCALE, type LanguageSetting, type MessageKey } from '@/utils/i18n';
import type { ExportedData, Note, Result } from '@/utils/messages';
import { buildExportFile, downloadFile, EXPORT_FORMATS, slug, type ExportFormat } from '../export-file';
import { useI18n } from '../i18n';
import { formatSize } from './dashboard-format';
import type { DashboardClient, StorageUse } from './dashboard-client';
import { buildRows, exportNameParts, type DashboardRow, hasContent, hasSelection, selectForExport, SORT_KEYS, toggleFacet, withNote, type FacetKey, type FacetSelection, type SortKey } from './dashboard-rows';
import { DatasetImport } from './DatasetImport';
import { DeleteAll } from './DeleteAll';
import { FacetPanel } from './FacetPanel';
import { ImportBackup } from './ImportBackup';
import { ResultRow } from './ResultRow';
import { createFacetCounter, createRowMatcher, createSortOrders, type RowMatcher } from './row-index';
import { useVirtualizer } from './use-virtualizer';
import { LanguagePicker } from '../LanguagePicker';
import { UndoToast } from '../UndoToast';

/** The orders the user can choose; "relevance" (best matches first) while a search is typed, else by state. */
type SortChoice = SortKey | 'relevance';

/** How tall a closed row is before it is measured (two lines of text and a chip row). */
export const ROW_ESTIMATE_PX = 96;
/** How long "Note deleted · Undo" stays. */
export const UNDO_MS = 10_000;
/** How long a burst of changes made elsewhere settles before the dashboard reads the records again. */
const RELOAD_AFTER_CHANGE_MS = 300;

/** Runs `work` when the browser is idle (or soon, where it has no idle callback); returns a cancel. */
function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: 2_000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 50);
  return () => clearTimeout(handle);
}

/** A value computed the first time it is asked for. */
function lazy<T>(make: () => T): { get(): T; ready(): boolean } {
  let value: { v: T } | null = null;
  return {
    get: () => (value ??= { v: make() }).v,
    ready: () => value !== null,
  };
}

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
  const [query, setQuery] = useState('');
  const [selection, setSelection] = useState<FacetSelection>({});
  const [sort, setSort] = useState<SortChoice>('relevance');
  const [openRow, setOpenRow] = useState<string | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  // Bumped when an index built in idle time is ready, so what waited for it renders.
  const [, setIndexed] = useState(0);
  const [storage, setStorage] = useState<StorageUse | null | 'unknown'>(null);
  const [notice, setNotice] = useState('');
  const [deleted, setDeleted] = useState<Note | null>(null);
  // Rows whose note was edited here stay in view until the filters change, even if they no longer match.
  const [pinned, setPinned] = useState<ReadonlySet<string>>(new Set());

  const refreshStorage = () => void client.storageUse().then((use) => setStorage(use ?? 'unknown'));
  const load = async () => {
    const result = await client.load();
    if (result.ok) {
      setData(result.value);
      setError(null);
    } else setError(result.error.message);
    refreshStorage();
  };

  useEffect(() => {
    void load();
    // Records changed elsewhere (a page captured or corrected, an import, delete-all in another dashboard): read
    // them again once a burst of changes has settled.
    let reload: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = client.subscribe(
      (note) => setData((current) => current && withNote(current, note)),
      () => {
        clearTimeout(reload);
        reload = setTimeout(() => void load(), RELOAD_AFTER_CHANGE_MS);
      },
    );
    return () => {
      clearTimeout(reload);
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

  const rows = useMemo(() => (data ? buildRows(data) : []), [data]);
  const orderOf = useMemo(() => createSortOrders(rows), [rows]);
  // The search and facet indexes wait for the first rows to show, then build while the browser is idle; a first
  // keystroke or facet click before that builds what it needs at once.
  const matcher = useMemo(() => lazy<RowMatcher>(() => createRowMatcher(rows)), [rows]);
  const facets = useMemo(() => lazy(() => createFacetCounter(rows)), [rows]);
  useEffect(() => {
    if (rows.length === 0) return;
    let cancelFacets = () => {};
    const cancelMatcher = whenIdle(() => {
      facets.get();
      setIndexed((n) => n + 1);
      cancelFacets = whenIdle(() => matcher.get());
    });
    return () => {
      cancelMatcher();
      cancelFacets();
    };
  }, [matcher, facets]);
  // Nothing stored: the imports are what the user needs, so they show; once open they stay until the user folds them.
  useEffect(() => {
    if (data && rows.length === 0) setImportOpen(true);
  }, [data, rows.length]);
  const searching = query.trim() !== '';
  const result = useMemo(() => (searching ? matcher.get().search(query) : null), [matcher, query, searching]);
  const filtering = hasSelection(selection);
  const counted = useMemo(
    () => (facets.ready() || filtering || searching ? facets.get().count(selection, result?.mask ?? null) : null),
    [facets, selection, result, facets.ready()],
  );
  // While searching, the best matches come first unless the user chose another order.
  const order: SortChoice = sort === 'relevance' && !result ? 'state' : sort;
  const visible = useMemo(() => {
    const pinnedAt = new Set(pinned.size === 0 ? [] : rows.flatMap((row, i) => (pinned.has(row.id) ? [i] : [])));
    const matching = counted?.matching ?? result?.mask ?? null;
    const source = order === 'relevance' && result ? result.ranked : orderOf(order === 'relevance' ? 'state' : order);
    const out: number[] = [];
    if (order === 'relevance' && result) {
      for (const i of source) if (!matching || matching[i] || pinnedAt.has(i)) out.push(i);
      // A pinned row the search no longer finds stays, after the matches.
      for (const i of pinnedAt) if (!result.mask[i]) out.push(i);
    } else for (const i of source) if (!matching || matching[i] || pinnedAt.has(i)) out.push(i);
    return out;
  }, [rows, counted, result, order, orderOf, pinned]);
  // Only an open editor offers tags: no pass over every row before then.
  const tagSuggestions = useMemo(() => (openRow === null ? [] : [...new Set(rows.flatMap((r) => r.facets.tag))].sort()), [rows, openRow === null]);
  const filtered = searching || filtering;

  if (error) return <p class="dash-error" role="alert">{t('dash.loadFailed', { error })}</p>;
  if (!data) return <p class="dash-loading">{t('loading')}</p>;

  const liveNotes = data.notes.filter((n) => n.deletedAt === null && hasContent(n)).length;
  const recTotal = data.recommendations.length;
  const statementTotal = rows.length - recTotal;
  const visibleRows = visible.map((i) => rows[i]!);
  const shownStatements = visibleRows.filter((r) => r.kind === 'page').length;

  const save = async (target: NoteTarget, patch: NotePatch) => {
    const savedIn = view.current;
    const result = await client.saveNote(target, patch);
    if (result.ok) {
      const note = result.value;
      if (view.current === savedIn) setPinned((current) => new Set([...current, note.recommendationId ?? `page:${note.pageUrl}`]));
      setData((current) => current && withNote(current, note));
    }
    return result;
  };
  const remove = async (note: Note) => {
    const result = await client.deleteNote(note.id);
    if (result.ok) {
      setData((current) => current && withNote(current, result.value));
      setDeleted(result.value);
    } else setNotice(result.error.message);
  };
  const undo = async () => {
    if (!deleted) return;
    setDeleted(null);
    const result = await client.restoreNote(deleted.id);
    if (result.ok) setData((current) => current && withNote(current, result.value));
  };
  const exportAs = (format: ExportFormat, everything = false) => {
    const partial = filtered && !everything;
    const records = partial ? selectForExport(data, visibleRows) : data;
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
  const number = new Intl.NumberFormat(LOCALE[language]).format;
  const plural = (key: MessageKey, shown: number, count: number) => t(key, { shown: number(shown), total: number(count), count });
  const countText = [
    plural('dash.shownRecs', visibleRows.length - shownStatements, recTotal),
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
              {filtered ? t('dash.exportShown', { count: number(visibleRows.length) }) : t('dash.exportAll')}
            </span>
            {EXPORT_FORMATS.map((format) => (
              <button key={format} type="button" class="button export-button" data-format={format} disabled={visibleRows.length === 0} onClick={() => exportAs(format)}>
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
          {counted && (
            <FacetPanel counts={counted.counts} selection={selection} onToggle={(key: FacetKey, value: string) => {
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
            {filtered && (
              <button type="button" class="link-button clear-filters" onClick={clear}>
                {t('dash.clearFilters')}
              </button>
            )}
          </div>

          {rows.length === 0 ? (
            <p class="dash-empty">{t('dash.empty')}</p>
          ) : visibleRows.length === 0 ? (
            <p class="dash-empty">{t('dash.noMatch')}</p>
          ) : (
            <VirtualRows
              rows={visibleRows}
              openRow={openRow}
              onToggle={(id) => setOpenRow((current) => (current === id ? null : id))}
              tagSuggestions={tagSuggestions}
              save={save}
              draft={client.draft}
              onDelete={(note) => void remove(note)}
            />
          )}
          {deleted && <UndoToast onUndo={() => void undo()} />}
        </main>
      </div>

      <footer class="dash-footer">
        <LanguagePicker value={languageSetting} onChange={onLanguageSetting} />
      </footer>
    </div>
  );
}

interface VirtualRowsProps {
  rows: DashboardRow[];
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

function VirtualRows({ rows, openRow, onToggle, tagSuggestions, save, draft, onDelete }: VirtualRowsProps) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const getScrollElement = useCallback(() => scroller.current, []);
  // A new key function makes the virtualizer lay out every row again: one per list of rows, not per render.
  const getItemKey = useCallback((index: number) => rows[index]!.id, [rows]);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement, estimateSize, getItemKey, overscan: 6 });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(rows.length - 1, index));
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
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: rows.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    focusRow(moves[event.key]!);
  };

  return (
    <div ref={scroller} class="rows-scroller" onKeyDown={onKeyDown}>
      <ul class="rows" aria-label={t('dash.results')} style={{ paddingTop: `${before}px`, paddingBottom: `${Math.max(0, after)}px` }}>
        {items.map((item) => {
          const row = rows[item.index]!;
          return (
            <ResultRow
              key={row.id}
              row={row}
              index={item.index}
              setSize={rows.length}
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
