// The side panel: the page's metadata and its recommendations, each with a note. It receives everything through
// its client and never touches the page; selecting here asks the page to scroll, a click on a highlight selects here.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Note, PanelData, PanelRecommendation } from '@/utils/messages';
import { formatSession, formatStates } from './format';
import { NoteEditor } from './NoteEditor';
import type { PanelClient } from './panel-client';

export function Panel({ client }: { client: PanelClient }) {
  const [data, setData] = useState<PanelData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    let unsubscribe = () => {};
    let live = true;
    const load = () =>
      client.load().then((result) => {
        if (!live) return result;
        if (result.ok) {
          setData(result.value);
          setError(null);
        } else setError(result.error.message);
        return result;
      });
    void load().then((result) => {
      if (!result.ok || !live) return;
      const withNote = (note: Note) => (r: PanelRecommendation) => (r.id === note.recommendationId ? { ...r, note } : r);
      unsubscribe = client.subscribe(result.value.tabId, {
        selected: setSelected,
        noteChanged: (note) =>
          setData((current) =>
            current && { ...current, recommendations: current.recommendations.map(withNote(note)), orphans: current.orphans.map(withNote(note)) },
          ),
        pageUpdated: () => void load(),
      });
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [client]);

  // The page's "focus the panel" shortcut focuses this frame: carry focus on to the selected (or first) item.
  useEffect(() => {
    const onFocus = () => {
      const target = list.current?.querySelector<HTMLElement>(`[data-n="${selected}"] .rec-text`) ?? list.current?.querySelector<HTMLElement>('.rec-text');
      if (target && !list.current?.contains(document.activeElement)) target.focus();
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [selected]);

  useEffect(() => {
    if (selected === null) return;
    list.current?.querySelector(`[data-n="${selected}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [selected]);

  if (error) return <p class="panel-error" role="alert">{error}</p>;
  if (!data) return <p class="panel-loading">Loading…</p>;
  const { page, recommendations, orphans } = data;

  const choose = (n: number) => {
    setSelected(n);
    void client.focus(n);
  };

  return (
    <main class="panel" aria-label="UPR Annotator">
      <header class="panel-header">
        <h1 class="panel-states">{page ? formatStates(page) : 'UPR statement'}</h1>
        {page && <p class="panel-session">{formatSession(page)}</p>}
        <p class="panel-count">
          {recommendations.length === 1 ? '1 recommendation' : `${recommendations.length} recommendations`}
        </p>
      </header>
      {recommendations.length === 0 ? (
        <p class="panel-empty">No recommendations were found on this page.</p>
      ) : (
        <ol class="recs" ref={list}>
          {recommendations.map((rec) => (
            <li key={rec.id} class={`rec${rec.n === selected ? ' rec-selected' : ''}`} data-n={rec.n} aria-current={rec.n === selected ? 'true' : undefined}>
              <button type="button" class="rec-text" onClick={() => choose(rec.n)} aria-label={`Show recommendation ${rec.n} on the page`}>
                <span class="rec-n">{rec.n}</span>
                <span>{rec.text}</span>
              </button>
              <NoteEditor recommendationId={rec.id} n={rec.n} note={rec.note} save={client.saveNote} />
            </li>
          ))}
        </ol>
      )}
      {orphans.length > 0 && (
        <section class="orphans" aria-labelledby="orphans-title">
          <h2 id="orphans-title" class="orphans-title">Not found on this page</h2>
          <p class="orphans-help">These were here on an earlier visit. They are kept with their notes.</p>
          <ul class="recs">
            {orphans.map((rec) => (
              <li key={rec.id} class="rec rec-orphan" data-orphan={rec.id}>
                <p class="rec-text-static">{rec.text}</p>
                <NoteEditor recommendationId={rec.id} n={rec.n} note={rec.note} save={client.saveNote} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
