// A recommendation's note: autosaved at most 300 ms after the last keystroke, flushed at once when the panel is
// hidden or unloaded, with its state (saving, saved, error) always shown.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Note, Result } from '@/utils/messages';

export const AUTOSAVE_MS = 300;

type SaveState = 'idle' | 'saving' | 'saved' | 'error';

interface Props {
  recommendationId: string;
  n: number;
  note: Note | null;
  save(recommendationId: string, body: string): Promise<Result<Note>>;
}

export function NoteEditor({ recommendationId, n, note, save }: Props) {
  const [body, setBody] = useState(note?.body ?? '');
  const [state, setState] = useState<SaveState>(note ? 'saved' : 'idle');
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Another tab or panel changed this note: take its text unless the user is typing here.
  useEffect(() => {
    if (note && pending.current === null && note.body !== body) setBody(note.body);
  }, [note?.updatedAt]);

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const text = pending.current;
    if (text === null) return;
    pending.current = null;
    setState('saving');
    void save(recommendationId, text).then((result) => {
      if (pending.current !== null) return; // newer keystrokes: their own save reports
      if (result.ok) {
        setState('saved');
        setError(null);
      } else {
        setState('error');
        setError(result.error.message);
      }
    });
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
  }, [recommendationId]);

  const onInput = (event: Event) => {
    const text = (event.currentTarget as HTMLTextAreaElement).value;
    setBody(text);
    pending.current = text;
    setState('saving');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, AUTOSAVE_MS);
  };

  const id = `note-${recommendationId}`;
  return (
    <div class="note">
      <label for={id} class="visually-hidden">{`Note on recommendation ${n}`}</label>
      <textarea id={id} class="note-body" rows={3} placeholder="Add a note…" value={body} onInput={onInput} onBlur={flush} />
      <div class={`note-state note-state-${state}`} role="status" aria-live="polite">
        {state === 'saving' ? 'Saving…' : state === 'saved' ? 'Saved' : state === 'error' ? `Not saved: ${error}` : ''}
      </div>
    </div>
  );
}
