// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_BACKUP_CHARS } from '@/utils/export';
import type { ImportSummary, Result } from '@/utils/messages';
import { ImportBackup } from './ImportBackup';
import { chooseFile, renderHost } from './records.test-support';

const SUMMARY: ImportSummary = {
  kind: 'backup',
  added: { pages: 1, recommendations: 3, notes: 2 },
  updated: { pages: 0, recommendations: 1, notes: 0 },
  unchanged: { pages: 0, recommendations: 0, notes: 0 },
  conflicts: 1,
  settingChanges: [],
  applied: false,
};

const mounted = renderHost();
let host: HTMLElement;
beforeEach(() => void (host = mounted.el));

const choose = (file: File) => chooseFile(host, file);
const flush = () => act(async () => void (await new Promise((done) => setTimeout(done, 0))));

describe('ImportBackup', () => {
  it('refuses a file over 256 MB without reading it or asking the background', async () => {
    const importFile = vi.fn();
    act(() => render(<ImportBackup client={{ importFile }} onImported={() => {}} />, host));
    const file = new File(['{}'], 'huge.json');
    Object.defineProperty(file, 'size', { value: MAX_BACKUP_CHARS + 8 * 1024 * 1024 });
    const read = vi.spyOn(file, 'text');
    await choose(file);
    expect(host.querySelector('[role=alert]')?.textContent).toBe('“huge.json” is 264 MB; the largest backup that can be imported is 256 MB (a W3C annotation file: 32 MB).');
    expect(read).not.toHaveBeenCalled();
    expect(importFile).not.toHaveBeenCalled();
  });

  it('previews what the file adds and changes, and writes only when confirmed', async () => {
    const importFile = vi.fn(async (_text: string, apply: boolean): Promise<Result<ImportSummary>> => ({ ok: true, value: { ...SUMMARY, applied: apply } }));
    const onImported = vi.fn();
    act(() => render(<ImportBackup client={{ importFile }} onImported={onImported} />, host));
    await choose(new File(['{"format":"upr-annotator-backup"}'], 'backup.json'));
    expect(importFile).toHaveBeenCalledExactlyOnceWith('{"format":"upr-annotator-backup"}', false);
    const cells = (key: string) => [...host.querySelectorAll(`[data-preview="${key}"] td`)].map((c) => c.textContent);
    expect(cells('add')).toEqual(['1', '3', '2']);
    expect(cells('update')).toEqual(['0', '1', '0']);
    expect(host.textContent).toContain('1 note was changed on both sides');
    expect(onImported).not.toHaveBeenCalled();

    host.querySelector<HTMLButtonElement>('.import-apply')!.click();
    await flush();
    expect(importFile).toHaveBeenLastCalledWith('{"format":"upr-annotator-backup"}', true, []);
    expect(onImported).toHaveBeenCalledOnce();
    expect(host.querySelector('[role=status]')?.textContent).toBe('Imported “backup.json”: 6 records added, 1 updated.');
  });

  it('writes the counts of a large backup with separators, in the preview and once imported', async () => {
    const big: ImportSummary = { ...SUMMARY, added: { pages: 1_500, recommendations: 300_000, notes: 12_345 }, conflicts: 2_000 };
    const importFile = vi.fn(async (_text: string, apply: boolean): Promise<Result<ImportSummary>> => ({ ok: true, value: { ...big, applied: apply } }));
    act(() => render(<ImportBackup client={{ importFile }} onImported={() => {}} />, host));
    await choose(new File(['{"format":"upr-annotator-backup"}'], 'big.json'));
    expect([...host.querySelectorAll('[data-preview="add"] td')].map((c) => c.textContent)).toEqual(['1,500', '300,000', '12,345']);
    expect(host.textContent).toContain('2,000 notes were changed on both sides');
    host.querySelector<HTMLButtonElement>('.import-apply')!.click();
    await flush();
    expect(host.querySelector('[role=status]')?.textContent).toBe('Imported “big.json”: 313,845 records added, 1 updated.');
  });

  it('lists the settings the backup would change, unticked, and applies only those the user ticks', async () => {
    const summary: ImportSummary = {
      ...SUMMARY,
      settingChanges: [
        { key: 'language', current: 'auto', incoming: 'fr' },
        { key: 'disabledHosts', current: [], incoming: ['www.example.org'] },
      ],
    };
    const importFile = vi.fn(async (_text: string, apply: boolean): Promise<Result<ImportSummary>> => ({ ok: true, value: { ...summary, applied: apply } }));
    act(() => render(<ImportBackup client={{ importFile }} onImported={() => {}} />, host));
    await choose(new File(['{"format":"upr-annotator-backup"}'], 'backup.json'));
    const boxes = [...host.querySelectorAll<HTMLInputElement>('.import-settings input[type=checkbox]')];
    expect([...host.querySelectorAll('.import-setting')].map((l) => l.textContent?.trim())).toEqual([
      'Language: Browser language → Français',
      'Sites turned off: none → www.example.org',
    ]);
    expect(boxes.map((b) => b.checked)).toEqual([false, false]);
    act(() => boxes[1]!.click());
    host.querySelector<HTMLButtonElement>('.import-apply')!.click();
    await flush();
    expect(importFile).toHaveBeenLastCalledWith('{"format":"upr-annotator-backup"}', true, ['disabledHosts']);
  });

  it('says in words why a file cannot be imported, and offers nothing to apply', async () => {
    const importFile = vi.fn(async (): Promise<Result<ImportSummary>> => ({ ok: false, error: { code: 'invalid', message: 'This file is not JSON.' } }));
    act(() => render(<ImportBackup client={{ importFile }} onImported={() => {}} />, host));
    await choose(new File(['{oops'], 'broken.json'));
    expect(host.querySelector('[role=alert]')?.textContent).toBe('“broken.json” cannot be imported: This file is not JSON. Nothing was changed.');
    expect(host.querySelector('.import-apply')).toBeNull();
  });

  it('cancels a preview without writing', async () => {
    const importFile = vi.fn(async (): Promise<Result<ImportSummary>> => ({ ok: true, value: SUMMARY }));
    const cancelImport = vi.fn(async () => {});
    act(() => render(<ImportBackup client={{ importFile, cancelImport }} onImported={() => {}} />, host));
    await choose(new File(['{}'], 'backup.json'));
    act(() => host.querySelector<HTMLButtonElement>('.import-cancel')!.click());
    expect(host.querySelector('.import-preview')).toBeNull();
    expect(importFile).toHaveBeenCalledOnce();
    // What was read and sent for the preview is let go.
    expect(cancelImport).toHaveBeenCalledOnce();
  });
});
