// The dashboard: every stored recommendation and statement note, searchable (MiniSearch) and faceted, sorted, each
// with its note editable in place and a link that opens its page at it; export of what is shown (everything when
// nothing is filtered); import of backups, W3C files and datasets of UN recommendations; storage used and delete-all. Data comes through its
// client only.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { NotePatch, NoteTarget } from '@/utils/db';
import type { LanguageSetting, MessageKey } from '@/utils/i18n';
import type { ExportedData, Note } from '@/utils/messages';
import { buildExportFile, downloadFile, EXPORT_FORMATS, slug, type ExportFormat } from '../export-file';
import { useI18n } from '../i18n';
import { formatSize } from './dashboard-format';
import type { DashboardClient, StorageUse } from './dashboard-client';
import {
  buildRows,
  countFacets,
  exportNameParts,
  filterRows,
  hasContent,
  hasSelection,
  selectForExport,
  SORT_KEYS,
  sortRows,
  toggleFacet,
  withNote,
  type FacetKey,
  type FacetSelection,
  type SortKey,
} from './dashboard-rows';
import { createRowSearch } from './dashboard-search';

/** The orders the user can choose; "relevance" (best matches first) while a search is typed, else by state. */
type SortChoice = SortKey | 'relevance';
import { DatasetImport } from './DatasetImport';
import { DeleteAll } from './DeleteAll';
import { FacetPanel } from './FacetPanel';
import { ImportBackup } from './ImportBackup';
import { ResultRow } from './ResultRow';
import { LanguagePicker } from '../LanguagePicker';
import { UndoToast } from '../UndoToast';

/** Rows rendered at first and added by each "show more": every row carries a note editor. */
export const PAGE_SIZE = 50;
/** How long "Note deleted · Undo" stays. */
export const UNDO_MS = 10_000;

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
  const [limit, setLimit] = useState(PAGE_SIZE);
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
    return client.subscribe((note) => setData((current) => current && withNote(current, note)));
  }, [client]);

  useEffect(() => {
    setLimit(PAGE_SIZE);
    setPinned(new Set());
  }, [query, selection]);

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted]);

  const rows = useMemo(() => (data ? buildRows(data) : []), [data]);
  const searching = query.trim() !== '';
  const search = useMemo(() => (searching ? createRowSearch(rows) : null), [rows, searching]);
  const ranked = useMemo(() => search?.search(query) ?? null, [search, query]);
  const found = useMemo(() => (ranked ? new Set(ranked) : null), [ranked]);
  const counts = useMemo(() => countFacets(rows, selection, found), [rows, selection, found]);
  // While searching, the best matches come first unless the user chose another order.
  const order: SortChoice = sort === 'relevance' && !ranked ? 'state' : sort;
  const visible = useMemo(() => {
    const matching = new Set(filterRows(rows, selection, found).map((r) => r.id));
    const shown = rows.filter((r) => matching.has(r.id) || pinned.has(r.id));
    if (order !== 'relevance' || !ranked) return sortRows(shown, order === 'relevance' ? 'state' : order);
    const rank = new Map(ranked.map((id, i) => [id, i]));
    return [...shown].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
  }, [rows, selection, found, ranked, order, pinned]);
  const tagSuggestions = useMemo(() => countFacets(rows, {}, null).tag.map((c) => c.value), [rows]);
  const filtered = searching || hasSelection(selection);

  if (error) return <p class="dash-error" role="alert">{t('dash.loadFailed', { error })}</p>;
  if (!data) return <p class="dash-loading">{t('loading')}</p>;

  const liveNotes = data.notes.filter((n) => n.deletedAt === null && hasContent(n)).length;
  const recTotal = data.recommendations.length;

  const save = async (target: NoteTarget, patch: NotePatch) => {
    const result = await client.saveNote(target, patch);
    if (result.ok) {
      const note = result.value;
      setPinned((current) => new Set([...current, note.recommendationId ?? `page:${note.pageUrl}`]));
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
    const records = partial ? selectForExport(data, visible) : data;
    const file = buildExportFile(format, { ...records, settings: data.settings }, new Date(), exportNameParts(selection, partial, slug));
    downloadFile(doc, file);
    setNotice(t('dash.exported', { name: file.name }));
  };
  const clear = () => {
    setQuery('');
    setSelection({});
  };

  return (
    <div class="dash" lang={language}>
      <header class="dash-header">
        <h1 class="dash-title">{t('dash.title')}</h1>
        <p class="dash-summary">
          {[t('recCount', { count: recTotal }), t('dash.statements', { count: data.pages.length }), t('dash.notes', { count: liveNotes })].join(' · ')}
        </p>
      </header>

      <div class="dash-body">
        <aside class="dash-facets" aria-labelledby="filters-title">
          <h2 id="filters-title" class="dash-h2">
            {t('dash.filters')}
          </h2>
          <FacetPanel counts={counts} selection={selection} onToggle={(key: FacetKey, value: string) => setSelection((s) => toggleFacet(s, key, value))} />
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
                onInput={(event) => setQuery((event.currentTarget as HTMLInputElement).value)}
              />
            </label>
            <label class="dash-sort">
              <span class="toolbar-label">{t('dash.sort')}</span>
              <select class="select sort-select" value={order} onChange={(event) => setSort((event.currentTarget as HTMLSelectElement).value as SortChoice)}>
                {(ranked ? (['relevance', ...SORT_KEYS] as const) : SORT_KEYS).map((key) => (
                  <option key={key} value={key}>
                    {t(`dash.sort.${key}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div class="dash-status">
            <p class="dash-count" role="status" aria-live="polite">
              {t('shownOf', { shown: visible.length, total: rows.length })}
            </p>
            {filtered && (
              <button type="button" class="link-button clear-filters" onClick={clear}>
                {t('dash.clearFilters')}
              </button>
            )}
          </div>
          <div class="export-bar" role="group" aria-labelledby="export-label">
            <span id="export-label" class="export-label">
              {filtered ? t('dash.exportShown', { count: visible.length }) : t('dash.exportAll')}
            </span>
            {EXPORT_FORMATS.map((format) => (
              <button key={format} type="button" class="button export-button" data-format={format} disabled={visible.length === 0} onClick={() => exportAs(format)}>
                {t(FORMAT_LABELS[format])}
              </button>
            ))}
          </div>
          <p class="dash-notice" role="status" aria-live="polite">
            {notice}
          </p>

          {rows.length === 0 ? (
            <p class="dash-empty">{t('dash.empty')}</p>
          ) : visible.length === 0 ? (
            <p class="dash-empty">{t('dash.noMatch')}</p>
          ) : (
            <ul class="rows">
              {visible.slice(0, limit).map((row) => (
                <ResultRow key={row.id} row={row} tagSuggestions={tagSuggestions} save={save} draft={client.draft} onDelete={(note) => void remove(note)} />
              ))}
            </ul>
          )}
          {visible.length > limit && (
            <button type="button" class="button show-more" onClick={() => setLimit(limit + PAGE_SIZE)}>
              {t('dash.showMore', { count: Math.min(PAGE_SIZE, visible.length - limit) })}
            </button>
          )}
          {deleted && <UndoToast onUndo={() => void undo()} />}
        </main>
      </div>

      <section class="dash-data" aria-labelledby="data-title">
        <h2 id="data-title" class="dash-h2">
          {t('dash.data')}
        </h2>
        <div class="data-grid">
          <ImportBackup client={client} onImported={() => void load()} />
          <DatasetImport client={client} onImported={() => void load()} />
          <div class="data-block">
            <p class="storage-used">
              {storage === null
                ? t('loading')
                : storage === 'unknown'
                  ? t('dash.storageUnknown')
                  : storage.quota > 0
                    ? t('dash.storageOf', { size: formatSize(storage.usage, t, language), quota: formatSize(storage.quota, t, language) })
                    : t('dash.storage', { size: formatSize(storage.usage, t, language) })}
            </p>
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
        </div>
      </section>

      <footer class="dash-footer">
        <LanguagePicker value={languageSetting} onChange={onLanguageSetting} />
      </footer>
    </div>
  );
}
