// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Note, Result } from '@/utils/messages';
import { AUTOSAVE_MS, NoteEditor } from './NoteEditor';

const REC = `r${'b'.repeat(24)}`;
const saved = (body: string): Result<Note> => ({ ok: true, value: { id: 'n1', recommendationId: REC, body, tags: [], createdAt: 1, updatedAt: 2 } });

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

function type(text: string) {
  const area = host.querySelector('textarea')!;
  area.value = text;
  area.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('NoteEditor', () => {
  it('saves once, at most 300 ms after the last keystroke, and says so', async () => {
    const save = vi.fn(async (_id: string, body: string) => saved(body));
    act(() => render(<NoteEditor recommendationId={REC} n={1} note={null} save={save} />, host));
    act(() => type('F'));
    act(() => void vi.advanceTimersByTime(200));
    act(() => type('Follow up'));
    expect(host.querySelector('[role=status]')!.textContent).toBe('Saving…');
    act(() => void vi.advanceTimersByTime(AUTOSAVE_MS - 1));
    expect(save).not.toHaveBeenCalled();
    await act(async () => void vi.advanceTimersByTime(1));
    expect(save).toHaveBeenCalledExactlyOnceWith(REC, 'Follow up');
    expect(host.querySelector('[role=status]')!.textContent).toBe('Saved');
  });

  it('saves at once when the panel is hidden, without waiting for the timer', async () => {
    const save = vi.fn(async (_id: string, body: string) => saved(body));
    act(() => render(<NoteEditor recommendationId={REC} n={1} note={null} save={save} />, host));
    act(() => type('Closing the tab now'));
    await act(async () => void window.dispatchEvent(new Event("pagehide")));
    expect(save).toHaveBeenCalledWith(REC, 'Closing the tab now');
  });

  it('shows why a note was not saved, and keeps the text', async () => {
    const save = vi.fn(async (): Promise<Result<Note>> => ({ ok: false, error: { code: 'storage', message: 'Your note could not be saved: quota exceeded' } }));
    act(() => render(<NoteEditor recommendationId={REC} n={1} note={null} save={save} />, host));
    act(() => type('Important'));
    await act(async () => void vi.advanceTimersByTime(AUTOSAVE_MS));
    expect(host.querySelector('[role=status]')!.textContent).toBe('Not saved: Your note could not be saved: quota exceeded');
    expect(host.querySelector('textarea')!.value).toBe('Important');
  });

  it('takes a newer text saved elsewhere when the user is not typing', async () => {
    const save = vi.fn(async (_id: string, body: string) => saved(body));
    const note = (body: string, updatedAt: number): Note => ({ id: 'n1', recommendationId: REC, body, tags: [], createdAt: 1, updatedAt });
    act(() => render(<NoteEditor recommendationId={REC} n={1} note={note('one', 1)} save={save} />, host));
    act(() => render(<NoteEditor recommendationId={REC} n={1} note={note('two, from another tab', 2)} save={save} />, host));
    expect(host.querySelector('textarea')!.value).toBe('two, from another tab');
  });
});
