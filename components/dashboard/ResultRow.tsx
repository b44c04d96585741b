// One row of the dashboard, dense: who recommended what to whom and when, the recommendation (or the statement, for
// a statement note) clamped to two lines, its response, category and themes, a one-line preview of its note with
// status and tags, a link that opens its page at it, and "Edit note", which opens the panel's editor in the row —
// one row at a time. Any other version an import kept beside the note shows with the editor.
import type { NotePatch, NoteTarget } from '@/utils/db';
import type { Note, Result } from '@/utils/messages';
import { revealFormatting } from '@/utils/text';
import { formatSession, formatStates, stateValues } from '@/components/format';
import { useI18n } from '@/components/i18n';
import { NoteEditor } from '@/components/NoteEditor';
import { RecommendationFacts } from '@/components/RecommendationFacts';
import type { DashboardRow } from './dashboard-rows';

interface Props {
  row: DashboardRow;
  /** Its place in the list (the virtualizer's index) and the list's length, for assistive technology. */
  index: number;
  setSize: number;
  /** The virtualizer measures the row through this. */
  measureRef(element: HTMLElement | null): void;
  /** Its editor is open. */
  open: boolean;
  onToggle(): void;
  tagSuggestions: string[];
  save(target: NoteTarget, patch: NotePatch): Promise<Result<Note>>;
  draft(target: NoteTarget, body: string): void;
  onDelete(note: Note): void;
}

/** The link that opens the statement with that recommendation selected (the annotator reads the fragment). */
export function recommendationLink(pageUrl: string, recommendationId: string): string {
  return `${pageUrl}#upr-rec=${recommendationId}`;
}

// Element ids from any text: short, stable, and valid in `for` and `aria-*` references.
function idFor(text: string): string {
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash * 33) ^ text.charCodeAt(i)) >>> 0;
  return hash.toString(36);
}

/** A click on the row's own surface (not a link, button or field in it) opens or closes its editor. */
function isRowSurface(target: EventTarget | null): boolean {
  return target instanceof Element && !target.closest('a, button, input, textarea, select, label, summary, .note, .row-other-note');
}

export function ResultRow({ row, index, setSize, measureRef, open, onToggle, tagSuggestions, save, draft, onDelete }: Props) {
  const { t, language } = useI18n();
  const rec = row.recommendation;
  const idBase = rec ? rec.id : `page-${idFor(row.id)}`;
  const who = { recommendingState: row.recommendingState, stateUnderReview: row.stateUnderReview };
  const when = formatSession({ session: row.session, cycle: row.cycle, date: row.date }, t, language);
  const target: NoteTarget = rec ? { recommendationId: rec.id } : { pageUrl: row.pageUrl! };
  const states = stateValues(who, t, language);
  const note = row.note;
  const editorId = `editor-${idBase}`;
  return (
    <li
      class={`row row-${row.kind}${open ? ' row-open' : ''}`}
      data-row={row.id}
      data-index={index}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      ref={measureRef}
      onClick={(event) => {
        if (isRowSurface(event.target) && !window.getSelection()?.toString()) onToggle();
      }}
    >
      <div class="row-line">
        <p class="row-who">
          <span class="row-states">{formatStates(who, t, language)}</span>
          {when && <span class="row-when"> · {when}</span>}
        </p>
        {rec?.response && <p class={`row-response response response-${rec.response}`}>{t(`response.${rec.response}`)}</p>}
        <div class="row-actions">
          {row.pageUrl ? (
            <a class="row-link" href={rec ? recommendationLink(row.pageUrl, rec.id) : row.pageUrl} target="_blank" rel="noopener noreferrer" aria-describedby={`text-${idBase}`}>
              {rec && rec.n > 0 ? t('dash.openAt', { n: rec.n }) : t('openSource')}
              <span class="visually-hidden"> {t('dash.newTab')}</span>
            </a>
          ) : (
            <span class="row-nopage">{t('dash.noPage')}</span>
          )}
          <button type="button" class="button row-edit" aria-expanded={open} aria-controls={open ? editorId : undefined} aria-describedby={`text-${idBase}`} onClick={onToggle}>
            {open ? t('dash.closeNote') : note && note.body.trim() ? t('dash.editNote') : t('dash.writeNote')}
          </button>
        </div>
      </div>
      {rec ? (
        <p class="row-text" id={`text-${idBase}`}>
          {/* An empty number keeps a dataset recommendation's text in line with its chips and note. */}
          <span class="rec-n" aria-hidden={rec.n > 0 ? undefined : 'true'}>
            {rec.n > 0 ? rec.n : ''}
          </span>
          {/* Isolated, its invisible formatting shown: it reads as it is held (see utils/text). */}
          <bdi class="row-words">{revealFormatting(rec.text)}</bdi>
        </p>
      ) : (
        <p class="row-text row-statement" id={`text-${idBase}`}>
          <strong>{t('dash.statementNote')}</strong>
          {row.page?.title && (
            <span>
              {' · '}
              <bdi>{revealFormatting(row.page.title)}</bdi>
            </span>
          )}
        </p>
      )}
      {rec && <RecommendationFacts rec={{ ...rec, note: null, earlier: [] }} />}
      {!open && note && (note.body.trim() || note.tags.length > 0 || note.status !== 'none') && (
        <p class="row-note">
          <span class="visually-hidden">{t('dash.notePreview')} </span>
          {note.status !== 'none' && <span class={`row-status status-${note.status}`}>{t(`status.${note.status}`)}</span>}
          {note.body.trim() && <bdi class="row-note-body">{revealFormatting(note.body)}</bdi>}
          {note.tags.map((tag) => (
            <span key={tag} class="chip row-tag">
              <bdi>{revealFormatting(tag)}</bdi>
            </span>
          ))}
        </p>
      )}
      {open && (
        <div class="row-editor" id={editorId}>
          <NoteEditor
            target={target}
            idBase={idBase}
            label={rec ? t('dash.noteLabel', { n: rec.n, ...states }) : t('dash.statementNoteLabel', states)}
            note={note}
            tagSuggestions={tagSuggestions}
            save={save}
            draft={draft}
            onDelete={onDelete}
            withMeta={Boolean(rec)}
          />
          {row.otherNotes.map((other) => (
            <div key={other.id} class="row-other-note">
              <p class="row-other-title">{t('dash.otherNote')}</p>
              {other.body && (
                <p class="row-other-body">
                  <bdi>{revealFormatting(other.body)}</bdi>
                </p>
              )}
              {other.tags.length > 0 && (
                <ul class="chips row-other-tags" aria-label={t('tags')}>
                  {other.tags.map((tag) => (
                    <li key={tag} class="chip">
                      <bdi>{revealFormatting(tag)}</bdi>
                    </li>
                  ))}
                </ul>
              )}
              <button type="button" class="link-button" onClick={() => onDelete(other)}>
                {t('dash.deleteCopy')}
              </button>
            </div>
          ))}
        </div>
      )}
      {!open && row.otherNotes.length > 0 && <p class="row-others">{t('dash.otherVersions', { count: row.otherNotes.length })}</p>}
    </li>
  );
}
