// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_DATASET_TEXT, PROTOCOL_VERSION, type DatasetSummary, type Result } from '@/utils/messages';
import { createTranslator } from '@/utils/i18n';
import { I18nContext } from '@/components/i18n';
import { isImportProgress } from './dashboard-client';
import { DatasetImport } from './DatasetImport';
import { chooseFile, renderHost } from './records.test-support';

const mounted = renderHost();
let host: HTMLElement;
beforeEach(() => void (host = mounted.el));

const choose = (file: File) => chooseFile(host, file);

/** A fake background: the import waits until the test finishes it; progress goes to whoever listens. */
function fakeClient() {
  type Progress = { done: number; total: number; stage?: 'read' | 'store' };
  let listener: ((p: Progress) => void) | null = null;
  let finish: (result: Result<DatasetSummary>) => void = () => {};
  const importDataset = vi.fn((_text: string, _name: string) => new Promise<Result<DatasetSummary>>((done) => (finish = done)));
  return {
    client: {
      importDataset,
      onImportProgress: (handler: (p: Progress) => void) => {
        listener = handler;
        return () => (listener = null);
      },
    },
    progress: (done: number, total: number, stage?: Progress['stage']) => act(() => listener?.({ done, total, stage })),
    finish: (result: Result<DatasetSummary>) => act(async () => void finish(result)),
    listening: () => listener !== null,
  };
}

/** Waits (a few event-loop turns at most) until the page has parsed the file and shows `selector`. */
async function shown(selector: string): Promise<Element> {
  for (let i = 0; i < 50; i++) {
    const found = host.querySelector(selector);
    if (found) return found;
    await act(async () => void (await new Promise((done) => setTimeout(done, 0))));
  }
  throw new Error(`${selector} never appeared; the page shows: ${host.textContent}`);
}

/** Bytes from ASCII text with `{xx}` for a raw byte. */
const bytesOf = (template: string) =>
  Uint8Array.from(template.replace(/\{([0-9a-f]{2})\}/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), (c) => c.charCodeAt(0));

// UPR Info's export as published: Mac Roman, bare CR line endings, a joint recommendation on two rows.
const UPR_INFO = [
  'To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session',
  "C{99}te d'Ivoire,Africa,\"AU, OIF\",Ratify the Optional Protocol to the Convention against Torture,France,WEOG,EU,Accepted,5,\"International instruments,Torture and other CID treatment\",6",
  "C{99}te d'Ivoire,Africa,\"AU, OIF\",Ratify the Optional Protocol to the Convention against Torture,Brazil,GRULAC,,Accepted,5,\"International instruments,Torture and other CID treatment\",6",
  "C{99}te d'Ivoire,Africa,\"AU, OIF\",Continue to strengthen the national human rights commission,Atlantis,,,Noted,2,NHRI,6",
  "C{99}te d'Ivoire,Africa,\"AU, OIF\",Abolish the death penalty,Spain,WEOG,EU,Noted,5,Death penalty,6",
].join('\r');

describe('DatasetImport', () => {
  it('previews what will be stored — format, encoding, counts, the first records — and stores nothing before the user confirms', async () => {
    const fake = fakeClient();
    act(() => render(<DatasetImport client={fake.client} onImported={() => {}} />, host));
    await choose(new File([bytesOf(UPR_INFO)], '6-9.csv'));
    await shown('.dataset-preview');
    expect(host.querySelector('.dataset-preview-format')?.textContent).toBe('“6-9.csv”: UPR Info database export, read as Mac Roman.');
    expect(host.querySelector('.dataset-preview-counts')?.textContent).toBe(
      '4 rows read, 0 skipped: 3 recommendations will be stored (1 joint, of several recommending states). Nothing is stored until you import.',
    );
    const rows = [...host.querySelectorAll('.dataset-preview-records tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['FRA, BRA → CIV', '6 (cycle 1)', 'Ratify the Optional Protocol to the Convention against Torture', 'Supported', '5 · Specific action', 'International instruments, Torture and other cruel, inhuman or degrading treatment'],
      // An entity the country tables do not know is kept by its name.
      ['Atlantis → CIV', '6 (cycle 1)', 'Continue to strengthen the national human rights commission', 'Noted', '2 · Continuing action', 'National human rights institution'],
      ['ESP → CIV', '6 (cycle 1)', 'Abolish the death penalty', 'Noted', '5 · Specific action', 'Death penalty'],
    ]);
    expect(fake.client.importDataset).not.toHaveBeenCalled();

    act(() => (host.querySelector('.dataset-cancel') as HTMLButtonElement).click());
    expect(host.querySelector('.dataset-preview')).toBeNull();
    expect(fake.client.importDataset).not.toHaveBeenCalled();
  });

  it('on confirm sends the decoded text, follows the progress events, then reports what was added, updated and skipped', async () => {
    const fake = fakeClient();
    const onImported = vi.fn();
    act(() => render(<DatasetImport client={fake.client} onImported={onImported} />, host));
    await choose(new File([bytesOf(UPR_INFO)], 'upr-info.csv'));
    await shown('.dataset-confirm');
    expect(host.querySelector('.dataset-confirm')?.textContent).toBe('Import 3 recommendations');
    await act(async () => (host.querySelector('.dataset-confirm') as HTMLButtonElement).click());
    const [text, name] = fake.client.importDataset.mock.calls[0]!;
    expect(name).toBe('upr-info.csv');
    expect(text).toContain("Côte d'Ivoire");
    expect(host.querySelector('input[type=file]')!.hasAttribute('disabled')).toBe(true);
    // Rows, not percent: those read from the file, then those stored.
    const bar = host.querySelector('progress')!;
    const progressText = () => host.querySelector('.dataset-progress span')?.textContent;
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['0', '4']);
    expect(progressText()).toBe('Reading “upr-info.csv”: 0 of 4 rows');
    fake.progress(12_000, 100_000, 'read');
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['12000', '100000']);
    expect(progressText()).toBe('Reading “upr-info.csv”: 12,000 of 100,000 rows');
    fake.progress(40_000, 100_000, 'store');
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['40000', '100000']);
    expect(progressText()).toBe('Storing “upr-info.csv”: 40,000 of 100,000 rows');
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

  it('previews in French when the UI is French', async () => {
    const fake = fakeClient();
    const fr = { t: createTranslator('fr'), language: 'fr' as const };
    act(() =>
      render(
        <I18nContext.Provider value={fr}>
          <DatasetImport client={fake.client} onImported={() => {}} />
        </I18nContext.Provider>,
        host,
      ),
    );
    await choose(new File([bytesOf(UPR_INFO)], '6-9.csv'));
    await shown('.dataset-preview');
    expect(host.querySelector('.dataset-preview-format')?.textContent).toBe('« 6-9.csv » : export de la base de données d’UPR Info, lu en Mac Roman.');
    expect(host.querySelector('.dataset-confirm')?.textContent).toBe('Importer 3 recommandations');
    expect(host.querySelector('.dataset-preview-records tbody td:nth-child(4)')?.textContent).toBe('Acceptée');
  });

  it('writes large counts as the language does, in the preview and in the summary', async () => {
    const rows = Array.from({ length: 1_200 }, (_, i) => `Abolish the death penalty (${i}),France,Kazakhstan,34`);
    const csv = ['Recommendation,Recommending State,State under Review,Session', ...rows, 'Ratify it,France,Atlantis,34'].join('\n');
    for (const [language, expected] of [
      ['en', { counts: '1,201 rows read, 1 skipped: 1,200 recommendations will be stored', confirm: 'Import 1,200 recommendations', done: 'recommendations added: 250,000; updated: 1,234; rows skipped: 1,002.', more: '…and 1,001 more rows.' }],
      ['fr', { counts: '1\u202f201 lignes lues', confirm: 'Importer 1\u202f200 recommandations', done: 'recommandations ajoutées : 250\u202f000 ; mises à jour : 1\u202f234 ; lignes ignorées : 1\u202f002.', more: '1\u202f001' }],
    ] as const) {
      const fake = fakeClient();
      const ui = { t: createTranslator(language), language };
      act(() =>
        render(
          <I18nContext.Provider value={ui}>
            <DatasetImport client={fake.client} onImported={() => {}} />
          </I18nContext.Provider>,
          host,
        ),
      );
      await choose(new File([csv], `big-${language}.csv`));
      await shown('.dataset-preview');
      expect(host.querySelector('.dataset-preview-counts')?.textContent).toContain(expected.counts);
      expect(host.querySelector('.dataset-confirm')?.textContent).toBe(expected.confirm);
      await act(async () => (host.querySelector('.dataset-confirm') as HTMLButtonElement).click());
      await fake.finish({ ok: true, value: { added: 250_000, updated: 1_234, skipped: [{ line: 1_202, reason: 'unknown state under review "Atlantis"' }], skippedCount: 1_002 } });
      expect(host.querySelector('.dataset-done')?.textContent).toContain(expected.done);
      expect(host.querySelector('.dataset-skipped p')?.textContent).toContain(expected.more);
      act(() => render(null, host));
    }
  });

  it('lists the skipped rows and why in the preview', async () => {
    const fake = fakeClient();
    act(() => render(<DatasetImport client={fake.client} onImported={() => {}} />, host));
    const text = 'Recommendation,Recommending State,State under Review,Session\nAbolish the death penalty,France,Kazakhstan,34\nRatify it,France,Atlantis,34\n';
    await choose(new File([text], 'mine.csv'));
    await shown('.dataset-preview');
    expect(host.querySelector('.dataset-preview-format')?.textContent).toBe('“mine.csv”: CSV file, read as UTF-8.');
    expect([...host.querySelectorAll('.dataset-skipped li')].map((li) => li.textContent)).toEqual(['Line 3: unknown state under review "Atlantis"']);
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

  it.each([
    ['a PDF', '%PDF-1.7\n%binary', 'report.pdf', '“report.pdf” cannot be imported: This is a PDF, not a dataset. Import a CSV or JSON file. Nothing was changed.'],
    ['a file without the needed columns', 'Name,Email\nAda,ada@example.org', 'people.csv', /^“people\.csv” cannot be imported: This file is not a recommendations dataset: no column for .* Nothing was changed\.$/],
  ])('says why %s is not a dataset, before anything is sent', async (_, content, name, message) => {
    const fake = fakeClient();
    act(() => render(<DatasetImport client={fake.client} onImported={() => {}} />, host));
    await choose(new File([content], name));
    expect((await shown('[role=alert]')).textContent).toMatch(message);
    expect(fake.client.importDataset).not.toHaveBeenCalled();
  });

  it('says why the background refused the import', async () => {
    const fake = fakeClient();
    act(() => render(<DatasetImport client={fake.client} onImported={() => {}} />, host));
    await choose(new File([bytesOf(UPR_INFO)], 'upr-info.csv'));
    await shown('.dataset-confirm');
    await act(async () => (host.querySelector('.dataset-confirm') as HTMLButtonElement).click());
    await fake.finish({ ok: false, error: { code: 'storage', message: 'The database is not available.' } });
    expect(host.querySelector('[role=alert]')?.textContent).toBe('“upr-info.csv” cannot be imported: The database is not available. Nothing was changed.');
  });
});

describe('isImportProgress', () => {
  it.each([
    [{ upr: PROTOCOL_VERSION, event: 'import.progress', payload: { done: 3, total: 10 } }, true],
    [{ upr: PROTOCOL_VERSION, event: 'import.progress', payload: { done: 3, total: 10, stage: 'store' } }, true],
    [{ upr: PROTOCOL_VERSION, event: 'import.progress', payload: { done: 3, total: 10, stage: 'write it all' } }, false],
    [{ upr: PROTOCOL_VERSION, event: 'import.progress', payload: { done: 3, total: 0 } }, false],
    [{ upr: PROTOCOL_VERSION, event: 'import.progress', payload: { done: '3', total: 10 } }, false],
    [{ upr: PROTOCOL_VERSION, event: 'note.changed', payload: { done: 3, total: 10 } }, false],
    [{ upr: PROTOCOL_VERSION + 1, event: 'import.progress', payload: { done: 3, total: 10 } }, false],
    [null, false],
  ])('%j → %s', (message, expected) => {
    expect(isImportProgress(message)).toBe(expected);
  });
});
