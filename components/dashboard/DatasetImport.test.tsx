// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_DATASET_TEXT, PROTOCOL_VERSION, type DatasetSummary, type Result } from '@/utils/messages';
import { isImportProgress } from './dashboard-client';
import { DatasetImport } from './DatasetImport';
import { chooseFile } from './test-records';

let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

const choose = (file: File) => chooseFile(host, file);

/** A fake background: the import waits until the test finishes it; progress goes to whoever listens. */
function fakeClient() {
  let listener: ((p: { done: number; total: number }) => void) | null = null;
  let finish: (result: Result<DatasetSummary>) => void = () => {};
  const importDataset = vi.fn((_text: string, _name: string) => new Promise<Result<DatasetSummary>>((done) => (finish = done)));
  return {
    client: {
      importDataset,
      onImportProgress: (handler: (p: { done: number; total: number }) => void) => {
        listener = handler;
        return () => (listener = null);
      },
    },
    progress: (done: number, total: number) => act(() => listener?.({ done, total })),
    finish: (result: Result<DatasetSummary>) => act(async () => void finish(result)),
    listening: () => listener !== null,
  };
}

describe('DatasetImport', () => {
  it('follows the progress events, then reports what was added, updated and skipped, with each skipped line and why', async () => {
    const fake = fakeClient();
    const onImported = vi.fn();
    act(() => render(<DatasetImport client={fake.client} onImported={onImported} />, host));
    await choose(new File(['Recommendation,Recommending State\n'], 'upr-info.csv'));
    expect(fake.client.importDataset).toHaveBeenCalledExactlyOnceWith('Recommendation,Recommending State\n', 'upr-info.csv');
    expect(host.querySelector('input[type=file]')!.hasAttribute('disabled')).toBe(true);
    fake.progress(40, 100);
    const bar = host.querySelector('progress')!;
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['40', '100']);
    expect(host.querySelector('.dataset-progress span')?.textContent).toBe('Importing “upr-info.csv”: 40 of 100');
    await fake.finish({
      ok: true,
      value: { added: 12, updated: 3, skipped: [{ line: 7, reason: 'unknown state under review "Atlantis"' }], skippedCount: 4 },
    });
    expect(host.querySelector('progress')).toBeNull();
    expect(fake.listening()).toBe(false);
    expect(host.querySelector('.dataset-done')?.textContent).toBe('“upr-info.csv”: recommendations added: 12; updated: 3; rows skipped: 4.');
    expect([...host.querySelectorAll('.dataset-skipped li')].map((li) => li.textContent)).toEqual(['Line 7: unknown state under review "Atlantis"']);
    expect(host.querySelector('.dataset-skipped p')?.textContent).toBe('…and 3 more rows.');
    expect(onImported).toHaveBeenCalledOnce();
  });

  it('refuses a file over the limit before reading it', async () => {
    const fake = fakeClient();
    act(() => render(<DatasetImport client={fake.client} onImported={() => {}} />, host));
    const file = new File(['x'], 'huge.csv');
    Object.defineProperty(file, 'size', { value: MAX_DATASET_TEXT + 1 });
    await choose(file);
    expect(host.querySelector('[role=alert]')?.textContent).toMatch(/^“huge\.csv” is 48 MB; the largest dataset that can be imported is 48 MB\.$/);
    expect(fake.client.importDataset).not.toHaveBeenCalled();
  });

  it('says why a file is not a dataset', async () => {
    const fake = fakeClient();
    act(() => render(<DatasetImport client={fake.client} onImported={() => {}} />, host));
    await choose(new File(['%PDF-1.7'], 'report.pdf'));
    await fake.finish({ ok: false, error: { code: 'invalid', message: 'This is a PDF, not a dataset.' } });
    expect(host.querySelector('[role=alert]')?.textContent).toBe('“report.pdf” cannot be imported: This is a PDF, not a dataset. Nothing was changed.');
  });
});

describe('isImportProgress', () => {
  it.each([
    [{ upr: PROTOCOL_VERSION, event: 'import.progress', payload: { done: 3, total: 10 } }, true],
    [{ upr: PROTOCOL_VERSION, event: 'import.progress', payload: { done: 3, total: 0 } }, false],
    [{ upr: PROTOCOL_VERSION, event: 'import.progress', payload: { done: '3', total: 10 } }, false],
    [{ upr: PROTOCOL_VERSION, event: 'note.changed', payload: { done: 3, total: 10 } }, false],
    [{ upr: PROTOCOL_VERSION + 1, event: 'import.progress', payload: { done: 3, total: 10 } }, false],
    [null, false],
  ])('%j → %s', (message, expected) => {
    expect(isImportProgress(message)).toBe(expected);
  });
});
