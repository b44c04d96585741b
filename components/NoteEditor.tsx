// A note: its text autosaved at most 300 ms after the last keystroke (and at once when the panel is hidden or
// unloaded), its tags and status saved as they change, its state (saving, saved, error) always shown, and a
// delete that the panel lets the user undo. Text that could not be saved stays in the box until it is. Each save
// carries the stored text it was typed over: another tab's edit saved meanwhile is merged in, and where the two
// overlap nothing is overwritten — the user sees both texts and chooses.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { NotePatch, NoteTarget } from '@/utils/db';
import type { Note, Result } from '@/utils/messages';
import { keepBoth, NOTE_STATUSES, type NoteStatus } from '@/utils/model';
import { useI18n } from './i18n';
import { TagEditor } from './TagEditor';

export const AUTOSAVE_MS = 300;

/** A random id per editor, so the background tells this editor's own earlier draft from another tab's edit. */
function newEditorId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

type SaveState = 'idle' | 'saving' | 'saved' | 'error' | 'conflict';

interface Props {
  target: NoteTarget;
  /** Unique per editor; used for ids and labels. */
  idBase: string;
  label: string;
  note: Note | null;
  tagSuggestions: string[];
  save(target: NoteTarget, patch: NotePatch): Promise<Result<Note>>;
  /** Hands over each keystroke's text at once, with the stored text it was typed over (see PanelClient.draft). */
  draft?(target: NoteTarget, body: string, base: string, editor: string): void;
  /** Delete the note; the caller offers the undo. */
  onDelete?(note: Note): void;
  /** Tags and status are for recommendations; a page note is text only. */
  withMeta?: boolean;
}

export function NoteEditor({ target, idBase, label, note, tagSuggestions, save, draft, onDelete, withMeta = true }: Props) {
  const { t } = useI18n();
  const [body, setBody] = useState(note?.body ?? '');
  const [state, setState] = useState<SaveState>(note ? 'saved' : 'idle');
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<NotePatch | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(0);
  // The stored text the box's words were typed over, and who typed them (this editor, not another tab's).
  const base = useRef(note?.body ?? '');
  const editor = useRef(newEditorId());

  // Another tab, panel or an undo changed this note: take its text unless the user is typing here (their save then
  // merges the two).
  useEffect(() => {
    if (pending.current !== null || state === 'conflict') return;
    base.current = note?.body ?? '';
    if (base.current !== body) setBody(base.current);
  }, [note?.updatedAt, note?.deletedAt, note === null]);

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const patch = pending.current;
    if (patch === null) return;
    pending.current = null;
    setState('saving');
    const attempt = ++latest.current;
    const sent = patch.body !== undefined ? { ...patch, base: patch.base ?? base.current, editor: editor.current } : patch;
    void save(target, sent).then((result) => {
      if (result.ok && sent.body !== undefined) {
        // Typing that went on during the save builds on what was sent; otherwise the box shows what is stored now
        // (another tab's edit merged in).
        if (pending.current?.body !== undefined) base.current = sent.body;
        else {
          base.current = result.value.body;
          if (result.value.body !== sent.body) setBody(result.value.body);
        }
      }
      if (attempt !== latest.current) return; // a newer save reports
      if (result.ok) {
        setState('saved');
        setError(null);
      } else if (result.error.code === 'conflict') {
        // Nothing was written: the user's words stay in the box, the other text is shown beside them.
        setState('conflict');
        setError(null);
      } else {
        // Keep what failed so the next flush (retry, keystroke, hide) sends it again.
        pending.current = { ...patch, ...pending.current };
        setState('error');
        setError(result.error.message);
      }
    });
  };

  const change = (patch: NotePatch, now: boolean) => {
    pending.current = { ...pending.current, ...patch };
    setState('saving');
    if (timer.current) clearTimeout(timer.current);
    if (now) flush();
    else timer.current = setTimeout(flush, AUTOSAVE_MS);
  };

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHide);
      flush();
    };
  }, ['recommendationId' in target ? target.recommendationId : target.pageUrl]);

  const onInput = (event: Event) => {
    const text = (event.currentTarget as HTMLTextAreaElement).value;
    setBody(text);
    draft?.(target, text, base.current, editor.current);
    if (state !== 'conflict') change({ body: text }, false);
  };

  // The choice after a conflict: each saves over what is stored now, knowingly.
  const theirs = note?.body ?? '';
  const resolve = (text: string) => {
    base.current = theirs;
    setBody(text);
    pending.current = null;
    if (text === theirs) setState('saved');
    else change({ body: text, base: theirs }, true);
  };

  // The box grows with its text (a 12-line note shows 12 lines), so nothing written hides behind a scrollbar.
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
  }, [body]);

  const id = `note-${idBase}`;
  const status = note?.status ?? 'none';
  return (
    // "note-empty": nothing written yet, so a list item not being worked on can leave the box out.
    <div class={`note${body.trim() || (note?.tags.length ?? 0) > 0 || status !== 'none' ? '' : ' note-empty'}`}>
      <label for={id} class="visually-hidden">
        {label}
      </label>
      <textarea ref={box} id={id} class="note-body" rows={withMeta ? 1 : 2} placeholder={t('notePlaceholder')} value={body} onInput={onInput} onBlur={flush} />
      {withMeta && (
        <div class={`note-meta${(note?.tags.length ?? 0) > 0 || status !== 'none' ? '' : ' note-meta-empty'}`}>
          <TagEditor idBase={idBase} tags={note?.tags ?? []} suggestions={tagSuggestions} onChange={(tags) => change({ tags }, true)} />
          <label class="note-status">
            <span class="visually-hidden">{t('status')}</span>
            <select
              class={`status status-${status}`}
              value={status}
              onChange={(event) => change({ status: (event.currentTarget as HTMLSelectElement).value as NoteStatus }, true)}
            >
              {NOTE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <div class="note-footer">
        <div class={`note-state note-state-${state}`} role="status" aria-live="polite">
          {state === 'saving' ? t('saving') : state === 'saved' ? t('saved') : state === 'error' ? t('notSaved', { error: error ?? '' }) : ''}
        </div>
        {state === 'error' && (
          <button type="button" class="link-button note-retry" onClick={flush}>
            {t('retry')}
          </button>
        )}
        {state === 'conflict' && (
          <div class="note-conflict">
            <p>{t('noteConflict')}</p>
            <blockquote class="note-theirs">{theirs}</blockquote>
            <button type="button" class="link-button note-keep-mine" onClick={() => resolve(body)}>
              {t('noteKeepMine')}
            </button>
            <button type="button" class="link-button note-keep-both" onClick={() => resolve(keepBoth(theirs, body))}>
              {t('noteKeepBoth')}
            </button>
            <button type="button" class="link-button note-use-theirs" onClick={() => resolve(theirs)}>
              {t('noteUseTheirs')}
            </button>
          </div>
        )}
        {note && onDelete && state !== 'saving' && (
          <button type="button" class="link-button note-delete" onClick={() => onDelete(note)}>
            {t('deleteNote')}
          </button>
        )}
      </div>
    </div>
  );
}
