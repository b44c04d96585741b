// The side panel: the page's metadata, a note on the statement, and its recommendations with their notes, tags and
// status, filterable; orphans below. It receives everything through its client and never touches the page:
// selecting here asks the page to scroll, a click on a highlight selects here.
import { Fragment } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { numberFormat, type LanguageSetting } from '@/utils/i18n';
import type { CorrectionDone, Note, PageReading, PanelData, PanelRecommendation, Result } from '@/utils/messages';
import type { CorrectionKind } from '@/utils/model';
import { revealFormatting } from '@/utils/text';
import { buildExportFile, downloadFile, EXPORT_FORMATS, type ExportFormat } from './export-file';
import { severalStatements } from '@/utils/model';
import { formatPageStates, formatSession, formatStates, formatTime, stateValues } from './format';
import { createSearch } from './search';
import { useI18n } from './i18n';
import { CorrectedSection } from './CorrectedSection';
import { CorrectionForm } from './CorrectionForm';
import { NoteEditor } from './NoteEditor';
import { RecommendationFacts } from './RecommendationFacts';
import { StatementGroups } from './StatementGroup';
import { CHUNK, createNearWatch, FULL_LIST_MAX, RecList } from './RecList';
import type { PanelClient } from './panel-client';
import { LanguagePicker } from './LanguagePicker';
import { UndoToast } from './UndoToast';

/**
 * A long list (see RecList) renders this many items first (more than a screenful), then after each paint as many
 * more as the last slice's pace says fit in SLICE_BUDGET_MS, until every one is there: the first items show at
 * once, the panel answers the keyboard and the page between slices, and the last items follow a few frames later.
 */
const FIRST_SLICE = 3 * CHUNK;
/** Rendering time a slice of a long list aims at (the browser's own work for it is small: see RecList). */
const SLICE_BUDGET_MS = 40;

/** How long "Note deleted · Undo" (or "Merged with the next · Undo") stays. */
export const UNDO_MS = 10_000;

interface Props {
  client: PanelClient;
  /** Selected when the panel opens (the page was opened at this recommendation). */
  initialSelected?: number | null;
  languageSetting: LanguageSetting;
  onLanguageSetting(setting: LanguageSetting): void;
  /** False while the page covers the panel or makes it see-through: destructive clicks are then refused. */
  isShownToUser?: () => boolean | Promise<boolean>;
}

const hasContent = (note: Note | null) => Boolean(note && (note.body.trim() || note.tags.length || note.status !== 'none'));

export function Panel({ client, initialSelected = null, languageSetting, onLanguageSetting, isShownToUser = () => true }: Props) {
  const { t, language } = useI18n();
  const number = numberFormat(language);
  const [data, setData] = useState<PanelData | null>(null);
  // A long statement's reading, listed until its stored records are loaded (its page is storing them).
  const [pending, setPending] = useState<PageReading | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(initialSelected);
  const [query, setQuery] = useState('');
  const [onlyWithNotes, setOnlyWithNotes] = useState(false);
  // What the undo bar takes back: a deleted note, or the correction just made.
  const [undoable, setUndoable] = useState<{ message: string; undo(): Promise<Result<unknown>> } | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const listRef = useRef<HTMLElement>(null);
  // On a page of several statements, the groups that hold one list each.
  const groupsArea = useRef<HTMLDivElement>(null);
  const listArea = () => groupsArea.current ?? listRef.current;
  // The stored page this panel shows, for telling which page changes are its own.
  const pageUrl = useRef<string | null>(null);
  // offerUndo as last rendered (in the language chosen now), for the page's events.
  const undoOffer = useRef<(kind: CorrectionKind, done: CorrectionDone) => void>(() => {});
  // Where the reader was when a long list's stored records replaced its reading: the item at the top of the view,
  // and how far below the (sticky) header its top was.
  const place = useRef<{ item: Element; below: number } | null>(null);
  const headerBottom = () => document.querySelector('.panel-header')?.getBoundingClientRect().bottom ?? 0;
  const itemInView = () => {
    const top = headerBottom();
    const item = document.elementFromPoint?.(document.documentElement.clientWidth / 2, top + 1)?.closest('.rec');
    return item ? { item, below: item.getBoundingClientRect().top - top } : null;
  };

  useEffect(() => {
    let live = true;
    // One load at a time: changes announced meanwhile (a long statement stored batch after batch) make one more.
    let loading = false;
    let again = false;
    let loaded = false;
    // While the page stores a long statement batch by batch, the news of each batch waits for its end.
    let pageStoring = false;
    // Whether the panel listed stored recommendations yet: until then a long statement's reading is listed instead.
    let listed = false;
    let readingShown = false;
    const load = () => {
      if (loading) return void (again = true);
      loading = true;
      const stored = !pageStoring;
      void client.load().then((result) => {
        loading = false;
        loaded = true;
        if (!live) return;
        if (result.ok) {
          // The item at the top of the view while the reading is listed, to keep it there (see `place`); at the top
          // of the panel, the panel's top stays in view (the page note above the list).
          if (stored && readingShown && !listed && window.scrollY > 0) place.current = itemInView();
          setData(result.value);
          listed ||= result.value.recommendations.length > 0;
          // The reading gives way to what was stored of it once the storing has ended.
          if (stored) setPending(null);
          pageUrl.current = result.value.page?.url ?? null;
          setError(null);
        } else setError(result.error.message);
        if (again) {
          again = false;
          load();
        }
      });
    };
    // Listening before the first load: a write announced while it runs is not missed.
    const unsubscribe = client.subscribe({
      selected: setSelected,
      noteChanged: (note) => setData((current) => current && applyNote(current, note)),
      pageUpdated: load,
      // Added from the page's context menu: offered back in the undo bar, as an addition made here is (or why not).
      pageAdded: (done) => ('refused' in done ? setActionError(done.refused) : undoOffer.current('add', done)),
      pageStoring: (storing) => {
        pageStoring = storing;
        if (!storing) load();
      },
      // Listed only until stored recommendations are: a page read again while the panel shows them keeps them (and
      // the notes being typed there).
      pageReading: (reading) => {
        if (listed) return;
        readingShown = true;
        setPending(reading);
      },
      // Deleted, imported or corrected elsewhere (the dashboard, another tab): show what is stored now.
      dataChanged: (change) => {
        if (change.scope === 'all' || (!pageStoring && (!loaded || change.pageUrl === pageUrl.current))) load();
      },
    });
    // A reading listed while its page stores it: the first load waits for the end of the storing.
    if (!(pageStoring && readingShown)) load();
    return () => {
      live = false;
      unsubscribe();
    };
  }, [client]);

  // The page's "focus the panel" shortcut focuses this frame: carry focus on to the selected (or first) item.
  // Only when nothing inside got focus: Firefox fires the window's focus before a click's own focus lands (on the
  // note box, say), so the check waits a task, or the first click into the panel would lose its focus to a button.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onFocus = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const target =
          listArea()?.querySelector<HTMLElement>(`[data-n="${selected}"] .rec-text`) ?? listArea()?.querySelector<HTMLElement>('.rec-text');
        if (target && (document.activeElement === null || document.activeElement === document.body)) target.focus();
      });
    };
    window.addEventListener('focus', onFocus);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [selected]);

  useEffect(() => {
    if (!undoable) return;
    const timer = setTimeout(() => setUndoable(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undoable]);

  // A correction took the focused item off the list: the keyboard goes on to the undo bar's "Undo". (Only if the
  // keyboard is in the panel: a correction made from the page leaves it there.)
  useEffect(() => {
    if (undoable && document.hasFocus() && (document.activeElement === null || document.activeElement === document.body)) document.querySelector<HTMLElement>('.toast-undo')?.focus();
  }, [data, undoable]);

  // The dashboard's matcher (words, note, tags, theme / category / status labels in both languages); the list
  // keeps the page's order, so the panel still reads as the statement does.
  // Built when the filter is first used (per load): a long statement is listed without indexing it first.
  const searching = query.trim() !== '';
  const search = useMemo(
    () => (data && searching ? createSearch(data.recommendations.map((rec) => ({ id: rec.id, text: rec.text, notes: rec.note ? [rec.note] : [], themes: rec.themes, actionCategory: rec.actionCategory }))) : null),
    [data, searching],
  );
  const visible = useMemo(() => {
    if (!data) return [];
    const found = search?.search(query);
    const matching = found ? new Set(found) : null;
    return data.recommendations.filter((rec) => (!onlyWithNotes || hasContent(rec.note)) && (!matching || matching.has(rec.id)));
  }, [data, search, query, onlyWithNotes]);
  // Which recommendations have a next one in the same statement (to merge with), looked up once per load.
  const mergeable = useMemo(() => new Set((data?.recommendations ?? []).map((r) => `${r.statement ?? ''}:${r.n - 1}`)), [data]);
  // A long list renders in slices (FIRST_SLICE items, then as many as SLICE_BUDGET_MS allows after each paint) until
  // all are there; the selected item (and all before it) always among them. The reading listed while the page stores
  // it, then the stored records in its place: the same list, its items (by number) kept and brought up to date.
  const items: readonly { n: number }[] = pending ? pending.recommendations : visible;
  const long = items.length > FULL_LIST_MAX;
  // A filter changed (or taken off) lists other items: they come in slices again from the first (the list of 10,000
  // back at once would hold up the keystroke that cleared the filter).
  const filterKey = `${query}\n${onlyWithNotes}`;
  const [slice, setSlice] = useState({ filter: filterKey, count: FIRST_SLICE });
  const sliced = slice.filter === filterKey ? slice.count : FIRST_SLICE;
  const selectedAt = selected === null || !long ? -1 : items.findIndex((rec) => rec.n === selected);
  const rendered = long ? Math.max(sliced, selectedAt + 1) : items.length;
  // How long the last render took, and how many items it had: the next slice's size.
  const pace = useRef({ started: 0, ms: 0, rendered: 0, grew: 0 });
  pace.current.started = performance.now();
  useLayoutEffect(() => {
    const last = pace.current;
    last.ms = performance.now() - last.started;
    last.grew = rendered - last.rendered;
    last.rendered = rendered;
  });
  useEffect(() => {
    if (rendered >= items.length) return;
    const { ms, grew } = pace.current;
    const fits = grew > 0 && ms > 0 ? Math.round((grew * SLICE_BUDGET_MS) / ms) : FIRST_SLICE;
    setSlice({ filter: filterKey, count: rendered + Math.max(CHUNK, Math.ceil(Math.min(fits, Math.max(grew, CHUNK) * 8) / CHUNK) * CHUNK) });
  }, [rendered, items.length, filterKey]);
  // The selected item in view: once selected, and again when a short list's stored records replace its reading (new
  // items, other heights). A long list's stored records take the reading's place item by item: the reader, who may
  // have scrolled away from the selection meanwhile, stays where they are.
  const rebuilt = pending === null && !long;
  useEffect(() => {
    if (selected === null) return;
    const item = listArea()?.querySelector<HTMLElement>(`[data-n="${selected}"]`);
    if (!item) return;
    // Never under the sticky header: the item's first line stays in view.
    item.style.scrollMarginTop = `${document.querySelector<HTMLElement>('.panel-header')?.offsetHeight ?? 0}px`;
    item.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [selected, rebuilt]);
  // The stored records in the reading's place: the same items (a long list), the details of those near the view and
  // the header grown around them; the item that was at the top of the view is put back there, under the header.
  useLayoutEffect(() => {
    const kept = place.current;
    place.current = null;
    if (!kept?.item.isConnected) return;
    const moved = kept.item.getBoundingClientRect().top - headerBottom() - kept.below;
    if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
  }, [pending === null]);
  const [nearWatch] = useState(createNearWatch);
  useEffect(() => () => nearWatch?.stop(), [nearWatch]);
  // The page marks the highlights of the recommendations that carry a note: told each time that set changes.
  const notedKey = data ? data.recommendations.filter((rec) => hasContent(rec.note)).map((rec) => rec.n).join(',') : null;
  useEffect(() => {
    if (notedKey !== null) void client.markNoted(notedKey ? notedKey.split(',').map(Number) : []);
  }, [client, notedKey]);

  const choose = (n: number) => {
    setSelected(n);
    void client.focus(n);
  };
  const recButton = (rec: { n: number; text: string }) => (
    <button type="button" class="rec-text" aria-describedby="show-on-page-hint">
      <span class="rec-n">{rec.n}</span>
      {/* Isolated, its invisible formatting shown: it reads as it is held, whatever the page put in it. */}
      <bdi>{revealFormatting(rec.text)}</bdi>
    </button>
  );
  const hint = (
    <p id="show-on-page-hint" class="visually-hidden">
      {t('showOnPageHint')}
    </p>
  );

  if (error) return <p class="panel-error" role="alert">{error}</p>;
  if (!data && !pending) return <p class="panel-loading">{t('loading')}</p>;
  const page = pending ? null : data!.page;
  const recommendations = pending ? [] : data!.recommendations;
  const withNotes = recommendations.filter((r) => hasContent(r.note)).length;
  const filtering = !pending && (query.trim() !== '' || onlyWithNotes);
  const statements = pending ? severalStatements({ statements: pending.statements }) : severalStatements(page);

  // A click the user may not have seen land (a decoy over a hidden panel) must not destroy anything.
  const refusedUnseen = async () => {
    if (await isShownToUser()) return false;
    setActionError(t('panelObscured'));
    return true;
  };
  const remove = async (note: Note) => {
    if (await refusedUnseen()) return;
    const result = await client.deleteNote(note.id);
    if (result.ok) setUndoable({ message: t('noteDeleted'), undo: () => client.restoreNote(note.id) });
  };
  const run = async <T,>(work: () => Promise<Result<T>>): Promise<T | undefined> => {
    if (await refusedUnseen()) return undefined;
    const result = await work();
    setActionError(result.ok ? null : result.error.message);
    return result.ok ? result.value : undefined;
  };
  // A correction made is offered back at once in the undo bar ("Marked as not a recommendation. Undo").
  const offerUndo = (kind: CorrectionKind, done: CorrectionDone) => setUndoable({ message: t(`done.${kind}`), undo: () => client.revert({ step: done.step }) });
  undoOffer.current = offerUndo;
  const correct = async (kind: CorrectionKind, work: () => Promise<Result<CorrectionDone | null>>) => {
    const done = await run(work);
    if (done) offerUndo(kind, done);
  };
  const exportAs = async (format: ExportFormat) => {
    if (!page) return;
    const result = await client.exportPage(page.url);
    if (!result.ok) return setExportError(result.error.message);
    setExportError(null);
    const parts = [page.stateUnderReview ?? '', page.session ? `upr${page.session}` : '', page.recommendingState ?? ''];
    downloadFile(document, buildExportFile(format, result.value, new Date(), parts));
  };
  const undo = async () => {
    if (!undoable) return;
    setUndoable(null);
    const result = await undoable.undo();
    if (!result.ok) setActionError(result.error.message);
  };

  const addSelection = () => void correct('add', () => client.command({ command: 'add-selection' }));
  // Passages the page's reading offers where it found no recommendation: one click makes one a recommendation.
  const candidates = page?.candidates ?? [];
  const offered = (
    <ul class="candidates">
      {candidates.map((c, i) => (
        <li key={c.text} class="candidate">
          <p class="candidate-text" id={`candidate-${i}`}>
            <bdi>{revealFormatting(c.text)}</bdi>
          </p>
          <button type="button" class="export-button candidate-accept" aria-describedby={`candidate-${i}`} onClick={() => void correct('add', () => client.acceptCandidate(c.text))}>
            {t('acceptCandidate')}
          </button>
        </li>
      ))}
    </ul>
  );

  const editorFor = (rec: PanelRecommendation) => (
    <NoteEditor
      target={{ recommendationId: rec.id }}
      idBase={rec.id}
      label={t('noteLabel', { n: rec.n })}
      note={rec.note}
      tagSuggestions={data?.tags ?? []}
      save={client.saveNote}
      draft={client.draft}
      onDelete={remove}
    />
  );

  // An item of the reading, not stored yet: its words, and once selected, when its note can be written.
  const readItem = (rec: ReadRecommendation) => (
    <li key={rec.n} class={`rec rec-unstored${rec.n === selected ? ' rec-selected' : ''}`} data-n={rec.n} role={long ? 'listitem' : undefined} aria-current={rec.n === selected ? 'true' : undefined}>
      {recButton(rec)}
      {rec.n === selected && <p class="rec-unstored-note">{t('noteWhenStored')}</p>}
    </li>
  );
  // A stored item: its words, and (on a long list, once near the view, selected or noted) its facts, note and
  // corrections. On a long list it is the same <li> as its number's reading item was (the stored records replace
  // the reading in place), its details keyed by the record.
  const storedItem = (rec: PanelRecommendation, near: boolean) => {
    const whole = !long || near || rec.n === selected || hasContent(rec.note);
    return (
      <li
        key={long ? rec.n : rec.id}
        class={`rec${rec.n === selected ? ' rec-selected' : ''}`}
        data-n={rec.n}
        data-id={rec.id}
        role={long ? 'listitem' : undefined}
        aria-current={rec.n === selected ? 'true' : undefined}
      >
        {recButton(rec)}
        {whole && (
          // A stored item's facts, note and corrections belong to one record: keyed by it.
          <Fragment key={rec.id}>
            <RecommendationFacts rec={rec} shownOn={page?.url ?? null} />
            {editorFor(rec)}
            {/* Corrections in one menu per item: out of the way, and never one stray click from taking effect. */}
            <details class="rec-menu">
              <summary class="link-button rec-menu-open">{t('correctionsMenu')}</summary>
              <div class="rec-corrections" role="group" aria-label={t('correctionsTitle')}>
                <button type="button" class="link-button rec-reject" onClick={() => void correct('reject', () => client.rejectRecommendation(rec.id))}>
                  {t('notARec')}
                </button>
                {mergeable.has(`${rec.statement ?? ''}:${rec.n}`) && (
                  <button type="button" class="link-button rec-merge" onClick={() => void correct('merge', () => client.command({ command: 'merge', n: rec.n }))}>
                    {t('mergeNext')}
                  </button>
                )}
                <button type="button" class="link-button rec-split" onClick={() => void correct('split', () => client.command({ command: 'split', n: rec.n }))}>
                  {t('splitHere')}
                </button>
              </div>
            </details>
          </Fragment>
        )}
      </li>
    );
  };
  // The list, the same element whether it lists the reading or the stored records.
  const list = (
    <StatementGroups
      statements={statements}
      shown={items.slice(0, rendered) as (ReadRecommendation | PanelRecommendation)[]}
      all={pending ? pending.recommendations : recommendations}
      filtering={filtering}
      areaRef={groupsArea}
    >
      {(shown) => (
        <RecList
          items={shown}
          long={long}
          selected={selected}
          deps={[pending === null, long, language, t, data?.tags, page?.url, mergeable]}
          item={(rec, near) => (pending ? readItem(rec) : storedItem(rec as PanelRecommendation, near))}
          onChoose={choose}
          listRef={listRef}
          nearWatch={nearWatch}
        />
      )}
    </StatementGroups>
  );

  if (pending) {
    // The page's reading while it is stored: each item shows on the page as it will once stored, and says that its
    // note can be written then.
    const { meta, statements: parts, recommendations: read } = pending;
    return (
      <main class="panel" aria-label={t('appName')} lang={language}>
        <header class="panel-header">
          <h1 class="panel-states">{formatPageStates({ ...meta, statements: parts }, t, language)}</h1>
          <p class="panel-session">{formatSession(meta, t, language)}</p>
          {/* The first recommendations, from a look at the top of the page, while the whole of it is read. */}
          <p class="panel-count">{t(pending.partial ? 'firstRecCount' : 'recCount', { count: number(read.length) })}</p>
          <p class="panel-storing" role="status">
            {pending.partial ? t('readingPage') : t('storingRecs', { count: number(read.length) })}
          </p>
        </header>
        {/* Where the stored panel has its page note and its "not stored" notice: the list keeps its place among the
            panel's parts, so the stored records are put into this list rather than into a new one. */}
        {null}
        {null}
        {list}
        {hint}
      </main>
    );
  }
  const { orphans, pageNote, tags } = data!;

  return (
    <main class="panel" aria-label={t('appName')} lang={language}>
      <header class="panel-header">
        <h1 class="panel-states">{page ? formatPageStates(page, t, language) : t('statementFallback')}</h1>
        {page && <p class="panel-session">{formatSession(page, t, language)}</p>}
        <p class="panel-count">
          {t('recCount', { count: number(recommendations.length) })}
          {withNotes > 0 && ` · ${t('withNotes', { count: number(withNotes) })}`}
          {filtering && ` · ${t('shownOf', { shown: number(visible.length), total: number(recommendations.length) })}`}
        </p>
        {page && !statements && data!.earlierSummary && (
          <p class="panel-earlier">
            {data!.earlierSummary.total > 0
              ? t('earlierSummary', {
                  count: data!.earlierSummary.total,
                  ...stateValues(page, t, language),
                  supported: data!.earlierSummary.supported,
                  noted: data!.earlierSummary.noted,
                  unknown: data!.earlierSummary.unknown,
                })
              : t('earlierNone', stateValues(page, t, language))}
          </p>
        )}
        <div class="panel-corrections">
          <button type="button" class="link-button add-selection" onClick={addSelection}>
            {t('addSelection')}
          </button>
          {page && (
            <button type="button" class="link-button correct-open" aria-expanded={correcting} onClick={() => setCorrecting(!correcting)}>
              {t('correctDetails')}
            </button>
          )}
        </div>
        {page && correcting && (
          <CorrectionForm
            page={page}
            onSave={async (meta) => {
              const result = await client.correctMeta(meta);
              if (result.ok) offerUndo('details', result.value);
              return result.ok ? null : result.error.message;
            }}
            onClose={() => setCorrecting(false)}
          />
        )}
        {actionError && (
          <p class="panel-error" role="alert">
            {actionError}
          </p>
        )}
        {recommendations.length > 1 && (
          <div class="panel-filter">
            <input
              type="search"
              class="filter-input"
              aria-label={t('filterLabel')}
              placeholder={t('filterPlaceholder')}
              value={query}
              onInput={(event) => setQuery((event.currentTarget as HTMLInputElement).value)}
            />
            <label class="filter-notes">
              <input type="checkbox" checked={onlyWithNotes} onChange={(event) => setOnlyWithNotes((event.currentTarget as HTMLInputElement).checked)} />
              {t('onlyWithNotes')}
            </label>
          </div>
        )}
      </header>

      {page && (
        <details class="page-note" open={Boolean(pageNote?.body)}>
          <summary>{t('pageNote')}</summary>
          <NoteEditor
            target={{ pageUrl: page.url }}
            idBase="page"
            label={t('pageNoteLabel')}
            note={pageNote}
            tagSuggestions={tags}
            save={client.saveNote}
            draft={client.draft}
            onDelete={remove}
            withMeta={false}
          />
        </details>
      )}

      {data!.notStored && (
        // Read but refused by its site's budget: say so, why, until when, and let the user store it.
        <section class="not-stored" role="alert">
          <h2 class="not-stored-title">{t('notStoredTitle')}</h2>
          <p class="not-stored-why">
            {t(`notStoredWhy.${data!.notStored.per}`, { site: data!.notStored.site, limit: data!.notStored.limit, time: formatTime(data!.notStored.until, language) })}
          </p>
          <button type="button" class="export-button store-now" onClick={() => void run(() => client.storeNow())}>
            {t('storeNow')}
          </button>
        </section>
      )}

      {recommendations.length === 0 && data!.notStored ? null : recommendations.length === 0 ? (
        // Never a silent zero: say so, offer what looks most like recommendations, and how to add one by hand.
        <section class="zero-state" aria-labelledby="zero-title">
          <h2 id="zero-title" class="zero-title">
            {t('zeroTitle')}
          </h2>
          <p class="zero-why">{t('zeroWhy')}</p>
          {candidates.length > 0 && (
            <>
              <p class="zero-candidates">{t('zeroCandidates')}</p>
              {offered}
            </>
          )}
          <p class="zero-select">{t(candidates.length > 0 ? 'zeroSelect' : 'zeroSelectOnly')}</p>
          <button type="button" class="export-button zero-add-selection" onClick={addSelection}>
            {t('addSelection')}
          </button>
        </section>
      ) : visible.length === 0 ? (
        <p class="panel-empty">{t('noMatch')}</p>
      ) : (
        list
      )}

      {recommendations.length > 0 && candidates.length > 0 && (
        <section class="candidates-more" aria-labelledby="candidates-title">
          <h2 id="candidates-title" class="orphans-title">
            {t('candidatesMore')}
          </h2>
          {offered}
        </section>
      )}

      {orphans.length > 0 && (
        <section class="orphans" aria-labelledby="orphans-title">
          <h2 id="orphans-title" class="orphans-title">
            {t('orphansTitle')}
          </h2>
          <p class="orphans-help">{t('orphansHelp')}</p>
          <ul class="recs">
            {orphans.map((rec) => (
              <li key={rec.id} class="rec rec-orphan" data-orphan={rec.id}>
                <p class="rec-text-static">
                  <bdi>{revealFormatting(rec.text)}</bdi>
                </p>
                {editorFor(rec)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <CorrectedSection
        entries={data!.corrected}
        noteOf={(rec) => hasContent(rec.note) && editorFor(rec)}
        onRestore={(entry) => void run(() => client.revert(entry.step ? { step: entry.step } : { recommendationId: entry.removed[0]!.id }))}
      />

      {hint}
      <footer class="panel-footer">
        {page && (
          <div class="export" role="group" aria-labelledby="export-title">
            <span id="export-title">{t('exportPage')}</span>
            {EXPORT_FORMATS.map((format) => (
              <button key={format} type="button" class="export-button" data-format={format} onClick={() => void exportAs(format)}>
                {t(`format.${format}`)}
              </button>
            ))}
            {exportError && (
              <p class="panel-error" role="alert">
                {exportError}
              </p>
            )}
          </div>
        )}
        <LanguagePicker value={languageSetting} onChange={onLanguageSetting} />
      </footer>

      {undoable && <UndoToast message={undoable.message} onUndo={() => void undo()} />}
    </main>
  );
}

type ReadRecommendation = PageReading['recommendations'][number];

/** A note changed somewhere: put it on its recommendation (or the page), or take it off when deleted. */
function applyNote(data: PanelData, note: Note): PanelData {
  const value = note.deletedAt === null ? note : null;
  if (note.pageUrl !== null) return note.pageUrl === data.page?.url ? { ...data, pageNote: value } : data;
  const onRec = (r: PanelRecommendation) => (r.id === note.recommendationId ? { ...r, note: value } : r);
  // The same tags while no new one comes: what every item of a long list shows stays the same (see RecList).
  const tags = value && value.tags.some((tag) => !data.tags.includes(tag)) ? [...new Set([...data.tags, ...value.tags])] : data.tags;
  return { ...data, recommendations: data.recommendations.map(onRec), orphans: data.orphans.map(onRec), tags };
}
