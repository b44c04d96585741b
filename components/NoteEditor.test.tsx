// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NotePatch, NoteTarget } from '@/utils/db';
import type { Note, Result } from '@/utils/messages';
import { AUTOSAVE_MS, NoteEditor } from './NoteEditor';

const REC = `r${'b'.repeat(24)}`;
const TARGET = { recommendationId: REC };
const makeNote = (over: Partial<Note> = {}): Note => ({
  id: `n${'b'.repeat(24)}`,
  recommendationId: REC,
  pageUrl: null,
  body: '',
  tags: [],
  status: 'none',
  createdAt: 1,
  updatedAt: 2,
  deletedAt: null,
  ...over,
});
/** Each editor's own id (random), sent with every text it saves. */
const EDITOR = expect.stringMatching(/^[0-9a-z-]{1,64}$/);
const ok = (patch: NotePatch): Result<Note> => ({ ok: true, value: makeNote({ body: patch.body ?? '' }) });

let host: HTMLElement;
beforeEach(() => {
  vi.useFakeTimers();
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
  vi.useRealTimers();
});

function editor(save: (target: NoteTarget, patch: NotePatch) => Promise<Result<Note>>, note: Note | null = null, onDelete?: (n: Note) => void) {
  return <NoteEditor target={TARGET} idBase={REC} label="Note on recommendation 1" note={note} tagSuggestions={['labour']} save={save} onDelete={onDelete} />;
}

function type(text: string) {
  const area = host.querySelector('textarea')!;
  area.value = text;
  area.dispatchEvent(new Event('input', { bubbles: true }));
}
const status = () => host.querySelector('[role=status]')!.textContent;

describe('NoteEditor', () => {
  it('saves once, at most 300 ms after the last keystroke, and says so', async () => {
    const save = vi.fn(async (_t: NoteTarget, patch: NotePatch) => ok(patch));
    act(() => render(editor(save), host));
    act(() => type('F'));
    act(() => void vi.advanceTimersByTime(200));
    act(() => type('Follow up'));
    expect(status()).toBe('Saving…');
    act(() => void vi.advanceTimersByTime(AUTOSAVE_MS - 1));
    expect(save).not.toHaveBeenCalled();
    await act(async () => void vi.advanceTimersByTime(1));
    expect(save).toHaveBeenCalledExactlyOnceWith(TARGET, { body: 'Follow up', base: '', editor: EDITOR });
    expect(status()).toBe('Saved');
  });

  it('saves at once when the panel is hidden, without waiting for the timer', async () => {
    const save = vi.fn(async (_t: NoteTarget, patch: NotePatch) => ok(patch));
    act(() => render(editor(save), host));
    act(() => type('Closing the tab now'));
    await act(async () => void window.dispatchEvent(new Event('pagehide')));
    expect(save).toHaveBeenCalledWith(TARGET, { body: 'Closing the tab now', base: '', editor: EDITOR });
  });

  it('shows why a note was not saved, keeps the text, and sends it again on retry', async () => {
    const save = vi
      .fn<(t: NoteTarget, p: NotePatch) => Promise<Result<Note>>>()
      .mockResolvedValueOnce({ ok: false, error: { code: 'storage', message: 'Your browser has no storage space left' } })
      .mockImplementation(async (_t, patch) => ok(patch));
    act(() => render(editor(save), host));
    act(() => type('Important'));
    await act(async () => void vi.advanceTimersByTime(AUTOSAVE_MS));
    expect(status()).toBe('Not saved: Your browser has no storage space left');
    expect(host.querySelector('textarea')!.value).toBe('Important');
    await act(async () => void (host.querySelector('.note-retry') as HTMLButtonElement).click());
    expect(save).toHaveBeenLastCalledWith(TARGET, { body: 'Important', base: '', editor: EDITOR });
    expect(status()).toBe('Saved');
  });

  it('saves tags and status as soon as they change', async () => {
    const save = vi.fn(async (_t: NoteTarget, patch: NotePatch) => ok(patch));
    act(() => render(editor(save, makeNote({ tags: ['labour'] })), host));
    const input = host.querySelector<HTMLInputElement>('.tag-input')!;
    await act(async () => {
      input.value = 'Follow-up visit';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(save).toHaveBeenLastCalledWith(TARGET, { tags: ['labour', 'Follow-up visit'] });
    const select = host.querySelector<HTMLSelectElement>('select.status')!;
    await act(async () => {
      select.value = 'priority';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(save).toHaveBeenLastCalledWith(TARGET, { status: 'priority' });
    await act(async () => void (host.querySelector('.tag-remove') as HTMLButtonElement).click());
    expect(save).toHaveBeenLastCalledWith(TARGET, { tags: [] });
  });

  it('takes a newer text saved elsewhere when the user is not typing', () => {
    const save = vi.fn(async (_t: NoteTarget, patch: NotePatch) => ok(patch));
    act(() => render(editor(save, makeNote({ body: 'one', updatedAt: 1 })), host));
    act(() => render(editor(save, makeNote({ body: 'two, from another tab', updatedAt: 2 })), host));
    expect(host.querySelector('textarea')!.value).toBe('two, from another tab');
  });

  it('sends the stored text each edit was typed over, and shows another tab’s edit merged in', async () => {
    // The background merges: another tab added a sentence at the start while this one typed at the end.
    const save = vi.fn(async (_t: NoteTarget, patch: NotePatch) => ok({ body: `Call the ministry. ${patch.body}` }));
    act(() => render(editor(save, makeNote({ body: 'Ask about the budget.' })), host));
    act(() => type('Ask about the budget. Compare with 2019.'));
    await act(async () => void vi.advanceTimersByTime(AUTOSAVE_MS));
    expect(save).toHaveBeenLastCalledWith(TARGET, { body: 'Ask about the budget. Compare with 2019.', base: 'Ask about the budget.', editor: EDITOR });
    expect(host.querySelector('textarea')!.value).toBe('Call the ministry. Ask about the budget. Compare with 2019.');
    // The next edit builds on the merged text.
    act(() => type('Call the ministry. Ask about the budget. Compare with 2019. Soon.'));
    await act(async () => void vi.advanceTimersByTime(AUTOSAVE_MS));
    expect(save).toHaveBeenLastCalledWith(TARGET, expect.objectContaining({ base: 'Call the ministry. Ask about the budget. Compare with 2019.' }));
  });

  it('overwrites nothing on a conflict: keeps the user’s text, shows the other one, and keeps both on request', async () => {
    const save = vi
      .fn<(t: NoteTarget, p: NotePatch) => Promise<Result<Note>>>()
      .mockResolvedValueOnce({ ok: false, error: { code: 'conflict', message: 'changed elsewhere' } })
      .mockImplementation(async (_t, patch) => ok(patch));
    act(() => render(editor(save, makeNote({ body: 'Shelters.', updatedAt: 1 })), host));
    act(() => type('Shelters: ask the ministry.'));
    // The other tab's save reaches this panel as a note change while it types.
    act(() => render(editor(save, makeNote({ body: 'Shelters: budget cut in 2024.', updatedAt: 5 })), host));
    await act(async () => void vi.advanceTimersByTime(AUTOSAVE_MS));
    expect(host.querySelector('textarea')!.value).toBe('Shelters: ask the ministry.');
    expect(host.querySelector('.note-conflict p')!.textContent).toMatch(/^This note was changed elsewhere .* Nothing was overwritten/);
    expect(host.querySelector('.note-theirs')!.textContent).toBe('Shelters: budget cut in 2024.');
    await act(async () => void (host.querySelector('.note-keep-both') as HTMLButtonElement).click());
    expect(save).toHaveBeenLastCalledWith(TARGET, { body: 'Shelters: budget cut in 2024.\n\nShelters: ask the ministry.', base: 'Shelters: budget cut in 2024.', editor: EDITOR });
    expect(host.querySelector('textarea')!.value).toBe('Shelters: budget cut in 2024.\n\nShelters: ask the ministry.');
    expect(host.querySelector('.note-conflict')).toBeNull();
    expect(status()).toBe('Saved');
  });

  it('offers delete only for an existing note', () => {
    const onDelete = vi.fn();
    const save = vi.fn(async (_t: NoteTarget, patch: NotePatch) => ok(patch));
    act(() => render(editor(save, null, onDelete), host));
    expect(host.querySelector('.note-delete')).toBeNull();
    const note = makeNote({ body: 'x' });
    act(() => render(editor(save, note, onDelete), host));
    act(() => (host.querySelector('.note-delete') as HTMLButtonElement).click());
    expect(onDelete).toHaveBeenCalledWith(note);
  });
});
