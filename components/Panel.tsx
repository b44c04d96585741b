// The side panel: the page's metadata, a note on the statement, and its recommendations with their notes, tags and
// status, filterable; orphans below. It receives everything through its client and never touches the page:
// selecting here asks the page to scroll, a click on a highlight selects here.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LanguageSetting } from '@/utils/i18n';
import type { Note, PanelData, PanelRecommendation, Result } from '@/utils/messages';
import { revealFormatting } from '@/utils/text';
import { buildExportFile, downloadFile, EXPORT_FORMATS, type ExportFormat } from './export-file';
import { severalStatements } from '@/utils/model';
import { formatPageStates, formatSession, stateValues } from './format';
import { createSearch } from './search';
import { useI18n } from './i18n';
import { CorrectionForm } from './CorrectionForm';
import { NoteEditor } from './NoteEditor';
import { RecommendationFacts } from './RecommendationFacts';
import { StatementGroups } from './StatementGroup';
import type { PanelClient } from './panel-client';
import { LanguagePicker } from './LanguagePicker';
import { UndoToast } from './UndoToast';

/** How long "Note deleted · Undo" stays. */
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
  const [data, setData] = useState<PanelData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(initialSelected);
  const [query, setQuery] = useState('');
  const [onlyWithNotes, setOnlyWithNotes] = useState(false);
  const [deleted, setDeleted] = useState<Note | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  // On a page of several statements, the groups that hold one list each.
  const groupsArea = useRef<HTMLDivElement>(null);
  const listArea = () => groupsArea.current ?? list.current;
  // The stored page this panel shows, for telling which page changes are its own.
  const pageUrl = useRef<string | null>(null);

  useEffect(() => {
    let unsubscribe = () => {};
    let live = true;
    const load = () =>
      client.load().then((result) => {
        if (!live) return result;
        if (result.ok) {
          setData(result.value);
          pageUrl.current = result.value.page?.url ?? null;
          setError(null);
        } else setError(result.error.message);
        return result;
      });
    void load().then((result) => {
      if (!result.ok || !live) return;
      unsubscribe = client.subscribe({
        selected: setSelected,
        noteChanged: (note) => setData((current) => current && applyNote(current, note)),
        pageUpdated: () => void load(),
        // Deleted, imported or corrected elsewhere (the dashboard, another tab): show what is stored now.
        dataChanged: (change) => {
          if (change.scope === 'all' || change.pageUrl === pageUrl.current) void load();
        },
      });
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [client]);

  useEffect(() => {
    if (selected === null) return;
    const item = listArea()?.querySelector<HTMLElement>(`[data-n="${selected}"]`);
    if (!item) return;
    // Never under the sticky header: the item's first line stays in view.
    item.style.scrollMarginTop = `${document.querySelector<HTMLElement>('.panel-header')?.offsetHeight ?? 0}px`;
    item.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [selected]);

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
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted]);

  // The dashboard's matcher (words, note, tags, theme / category / status labels in both languages); the list
  // keeps the page's order, so the panel still reads as the statement does.
  const search = useMemo(
    () => (data ? createSearch(data.recommendations.map((rec) => ({ id: rec.id, text: rec.text, notes: rec.note ? [rec.note] : [], themes: rec.themes, actionCategory: rec.actionCategory }))) : null),
    [data],
  );
  const visible = useMemo(() => {
    if (!data) return [];
    const found = search?.search(query);
    const matching = found ? new Set(found) : null;
    return data.recommendations.filter((rec) => (!onlyWithNotes || hasContent(rec.note)) && (!matching || matching.has(rec.id)));
  }, [data, search, query, onlyWithNotes]);

  if (error) return <p class="panel-error" role="alert">{error}</p>;
  if (!data) return <p class="panel-loading">{t('loading')}</p>;
  const { page, recommendations, orphans, pageNote, tags } = data;
  const withNotes = recommendations.filter((r) => hasContent(r.note)).length;
  const filtering = query.trim() !== '' || onlyWithNotes;
  const statements = severalStatements(page);

  const choose = (n: number) => {
    setSelected(n);
    void client.focus(n);
  };
  // A click the user may not have seen land (a decoy over a hidden panel) must not destroy anything.
  const refusedUnseen = async () => {
    if (await isShownToUser()) return false;
    setActionError(t('panelObscured'));
    return true;
  };
  const remove = async (note: Note) => {
    if (await refusedUnseen()) return;
    const result = await client.deleteNote(note.id);
    if (result.ok) setDeleted(result.value);
  };
  const run = async (work: () => Promise<Result<unknown>>) => {
    if (await refusedUnseen()) return;
    const result = await work();
    setActionError(result.ok ? null : result.error.message);
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
    if (!deleted) return;
    setDeleted(null);
    await client.restoreNote(deleted.id);
  };

  const addSelection = () => void run(() => client.command({ command: 'add-selection' }));
  // Passages the page's reading offers where it found no recommendation: one click makes one a recommendation.
  const candidates = page?.candidates ?? [];
  const offered = (
    <ul class="candidates">
      {candidates.map((c, i) => (
        <li key={c.text} class="candidate">
          <p class="candidate-text" id={`candidate-${i}`}>
            <bdi>{revealFormatting(c.text)}</bdi>
          </p>
          <button type="button" class="export-button candidate-accept" aria-describedby={`candidate-${i}`} onClick={() => void run(() => client.acceptCandidate(c.text))}>
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
      tagSuggestions={tags}
      save={client.saveNote}
      draft={client.draft}
      onDelete={remove}
    />
  );

  return (
    <main class="panel" aria-label={t('appName')} lang={language}>
      <header class="panel-header">
        <h1 class="panel-states">{page ? formatPageStates(page, t, language) : t('statementFallback')}</h1>
        {page && <p class="panel-session">{formatSession(page, t, language)}</p>}
        <p class="panel-count">
          {t('recCount', { count: recommendations.length })}
          {withNotes > 0 && ` · ${t('withNotes', { count: withNotes })}`}
          {filtering && ` · ${t('shownOf', { shown: visible.length, total: recommendations.length })}`}
        </p>
        {page && !statements && data.earlierSummary && (
          <p class="panel-earlier">
            {data.earlierSummary.total > 0
              ? t('earlierSummary', {
                  count: data.earlierSummary.total,
                  ...stateValues(page, t, language),
                  supported: data.earlierSummary.supported,
                  noted: data.earlierSummary.noted,
                  unknown: data.earlierSummary.unknown,
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

      {recommendations.length === 0 ? (
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
        <StatementGroups statements={statements} shown={visible} all={recommendations} filtering={filtering} areaRef={groupsArea}>{(shown) => (
        <ol class="recs" ref={list}>
          {shown.map((rec) => (
            <li
              key={rec.id}
              class={`rec${rec.n === selected ? ' rec-selected' : ''}`}
              data-n={rec.n}
              aria-current={rec.n === selected ? 'true' : undefined}
            >
              <button type="button" class="rec-text" onClick={() => choose(rec.n)} aria-describedby="show-on-page-hint">
                <span class="rec-n">{rec.n}</span>
                {/* Isolated, its invisible formatting shown: it reads as it is held, whatever the page put in it. */}
                <bdi>{revealFormatting(rec.text)}</bdi>
              </button>
              <RecommendationFacts rec={rec} />
              {editorFor(rec)}
              {/* Corrections in one menu per item: out of the way, and never one stray click from taking effect. */}
              <details class="rec-menu">
                <summary class="link-button rec-menu-open">{t('correctionsMenu')}</summary>
              <div class="rec-corrections" role="group" aria-label={t('correctionsTitle')}>
                <button type="button" class="link-button rec-reject" onClick={() => void run(() => client.rejectRecommendation(rec.id))}>
                  {t('notARec')}
                </button>
                {recommendations.some((r) => r.n === rec.n + 1 && r.statement === rec.statement) && (
                  <button type="button" class="link-button rec-merge" onClick={() => void run(() => client.command({ command: 'merge', n: rec.n }))}>
                    {t('mergeNext')}
                  </button>
                )}
                <button type="button" class="link-button rec-split" onClick={() => void run(() => client.command({ command: 'split', n: rec.n }))}>
                  {t('splitHere')}
                </button>
              </div>
              </details>
            </li>
          ))}
        </ol>
        )}</StatementGroups>
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

      <p id="show-on-page-hint" class="visually-hidden">
        {t('showOnPageHint')}
      </p>
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

      {deleted && <UndoToast onUndo={() => void undo()} />}
    </main>
  );
}

/** A note changed somewhere: put it on its recommendation (or the page), or take it off when deleted. */
function applyNote(data: PanelData, note: Note): PanelData {
  const value = note.deletedAt === null ? note : null;
  if (note.pageUrl !== null) return note.pageUrl === data.page?.url ? { ...data, pageNote: value } : data;
  const onRec = (r: PanelRecommendation) => (r.id === note.recommendationId ? { ...r, note: value } : r);
  const tags = value ? [...new Set([...data.tags, ...value.tags])] : data.tags;
  return { ...data, recommendations: data.recommendations.map(onRec), orphans: data.orphans.map(onRec), tags };
}
