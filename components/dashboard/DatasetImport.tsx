// Importing a dataset of UN recommendations with their responses (UPR Info's export, OHCHR's UHRI, our own CSV,
// any CSV or JSON with recognisable headers): the file is checked for size, its bytes decoded with the encoding
// sniffed and parsed here in the page by the same pure code the background uses, and a preview names the format,
// the encoding, the rows read and skipped and the first records as they will be stored. Only when the user
// confirms does the background parse and store it while a progress bar follows; the report then says what was
// added and updated, and which rows were skipped, and why.
import { useEffect, useRef, useState } from 'preact/hooks';
import { DatasetError, decodeDataset, parseDataset, summarizeRecord, type DatasetFormat, type DatasetParseResult, type EncodingName, type RecordSummary } from '@/utils/dataset';
import { numberFormat } from '@/utils/i18n';
import { MAX_DATASET_TEXT, type DatasetSummary, type ImportStage } from '@/utils/messages';
import { useI18n } from '@/components/i18n';
import { formatSize } from './dashboard-format';
import type { DashboardClient } from './dashboard-client';
import { FileField } from './FileField';

/** How many records the preview shows. */
export const PREVIEW_RECORDS = 5;

interface Preview {
  format: DatasetFormat;
  encoding: EncodingName;
  read: number;
  records: number;
  joint: number;
  skipped: DatasetParseResult['skipped'];
  skippedCount: number;
  first: RecordSummary[];
}

type State =
  | { step: 'idle' }
  | { step: 'reading'; name: string }
  | { step: 'preview'; name: string; text: string; preview: Preview }
  | { step: 'busy'; name: string; stage: ImportStage; done: number; total: number }
  | { step: 'done'; name: string; summary: DatasetSummary }
  | { step: 'error'; message: string };

interface Props {
  client: Pick<DashboardClient, 'importDataset' | 'onImportProgress'>;
  onImported(): void;
}

function previewOf(result: DatasetParseResult, encoding: EncodingName): Preview {
  return {
    format: result.format,
    encoding,
    read: result.read,
    records: result.rows.length,
    joint: result.rows.filter((r) => r.recommendingStates).length,
    skipped: result.skipped,
    skippedCount: result.skippedCount,
    first: result.rows.slice(0, PREVIEW_RECORDS).map(summarizeRecord),
  };
}

function SkippedRows({ skipped, count }: { skipped: DatasetParseResult['skipped']; count: number }) {
  const { t, language } = useI18n();
  if (skipped.length === 0) return null;
  return (
    <details class="dataset-skipped">
      <summary>{t('dash.skippedTitle')}</summary>
      <ul>
        {skipped.map(({ line, reason }) => (
          <li key={line}>{t('dash.skippedRow', { line, reason })}</li>
        ))}
      </ul>
      {count > skipped.length && <p>{t('dash.skippedMore', { count: numberFormat(language)(count - skipped.length) })}</p>}
    </details>
  );
}

function PreviewTable({ name, preview }: { name: string; preview: Preview }) {
  const { t } = useI18n();
  const left = { textAlign: 'left', verticalAlign: 'top' } as const;
  return (
    <table class="preview-table dataset-preview-records">
      <caption class="visually-hidden">{t('dash.datasetPreviewCaption', { name })}</caption>
      <thead>
        <tr>
          <th scope="col" style={left}>{t('dash.datasetPreviewStates')}</th>
          <th scope="col" style={left}>{t('dash.datasetPreviewSession')}</th>
          <th scope="col" style={left}>{t('dash.datasetPreviewText')}</th>
          <th scope="col" style={left}>{t('dash.datasetPreviewResponse')}</th>
          <th scope="col" style={left}>{t('dash.datasetPreviewCategory')}</th>
          <th scope="col" style={left}>{t('dash.datasetPreviewThemes')}</th>
        </tr>
      </thead>
      <tbody>
        {preview.first.map((r) => (
          <tr key={r.line} data-line={r.line}>
            <td style={left}>{`${r.recommendingStates.join(', ') || t('unknownState')} → ${r.stateUnderReview ?? t('unknownState')}`}</td>
            <td style={left}>{`${r.session ?? '—'} (${t('cycle', { cycle: r.cycle ?? '?' })})`}</td>
            <td style={left}>{r.text}</td>
            <td style={left}>{t(`response.${r.response ?? 'unknown'}`)}</td>
            <td style={left}>{r.category ? `${r.category} · ${t(`category.${r.category}`)}` : '—'}</td>
            <td style={left}>{r.themes.join(', ') || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DatasetImport({ client, onImported }: Props) {
  const { t, language } = useI18n();
  const number = numberFormat(language);
  const [state, setState] = useState<State>({ step: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const busy = state.step === 'busy' || state.step === 'reading';

  useEffect(() => {
    if (state.step !== 'busy') return;
    return client.onImportProgress(({ done, total, stage = 'read' }) =>
      setState((current) => (current.step === 'busy' ? { ...current, stage, done: Math.min(done, total), total } : current)),
    );
  }, [client, state.step]);

  const reset = () => {
    if (input.current) input.current.value = '';
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_DATASET_TEXT) {
      const size = (bytes: number) => formatSize(bytes, t, language);
      setState({ step: 'error', message: t('dash.datasetTooLarge', { name: file.name, size: size(file.size), max: size(MAX_DATASET_TEXT) }) });
      reset();
      return;
    }
    setState({ step: 'reading', name: file.name });
    try {
      // The bytes, not File.text(): that reads every file as UTF-8 and mangles a Mac Roman "Côte d'Ivoire".
      const { text, encoding } = decodeDataset(await file.arrayBuffer());
      const result = await parseDataset(text, { fileName: file.name });
      setState({ step: 'preview', name: file.name, text, preview: previewOf(result, encoding) });
    } catch (error) {
      // A DatasetError says in words what is wrong with the file; anything else is passed on as it came.
      const message = error instanceof DatasetError || error instanceof Error ? error.message : String(error);
      setState({ step: 'error', message: t('dash.importFailed', { name: file.name, error: message }) });
      reset();
    }
  };

  const confirm = async () => {
    if (state.step !== 'preview') return;
    const { name, text, preview } = state;
    setState({ step: 'busy', name, stage: 'read', done: 0, total: Math.max(preview.read, 1) });
    const result = await client.importDataset(text, name);
    reset();
    if (!result.ok) {
      setState({ step: 'error', message: t('dash.importFailed', { name, error: result.error.message }) });
      return;
    }
    setState({ step: 'done', name, summary: result.value });
    onImported();
  };

  const cancel = () => {
    reset();
    setState({ step: 'idle' });
  };

  return (
    <div class="data-block dataset-import">
      <FileField
        id="import-dataset-file"
        label={t('dash.dataset')}
        help={t('dash.datasetHelp')}
        accept=".csv,.tsv,.txt,.json,text/csv,application/json"
        disabled={busy}
        inputRef={input}
        onFile={(file) => void choose(file)}
      />
      {state.step === 'reading' && <p class="dataset-reading">{t('dash.datasetReading', { name: state.name })}</p>}
      {state.step === 'busy' && (
        <div class="dataset-progress">
          <progress class="progress" max={state.total} value={state.done} aria-label={t('dash.progressLabel')} />
          <span>{t(state.stage === 'store' ? 'dash.datasetStoring' : 'dash.datasetProgress', { name: state.name, done: number(state.done), total: number(state.total) })}</span>
        </div>
      )}
      {state.step === 'preview' && (
        <div class="import-preview dataset-preview">
          <p class="dataset-preview-format">
            {t('dash.datasetPreviewFormat', { name: state.name, format: t(`dash.datasetFormat.${state.preview.format}`), encoding: state.preview.encoding })}
          </p>
          <p class="dataset-preview-counts">
            {t('dash.datasetPreviewCounts', { rows: number(state.preview.read), skipped: number(state.preview.skippedCount), records: number(state.preview.records), joint: number(state.preview.joint) })}
          </p>
          <PreviewTable name={state.name} preview={state.preview} />
          <SkippedRows skipped={state.preview.skipped} count={state.preview.skippedCount} />
          <div class="button-row">
            <button type="button" class="button button-primary dataset-confirm" onClick={() => void confirm()}>
              {t('dash.datasetConfirm', { count: number(state.preview.records) })}
            </button>
            <button type="button" class="button dataset-cancel" onClick={cancel}>
              {t('dash.datasetCancel')}
            </button>
          </div>
        </div>
      )}
      <div role="status" aria-live="polite">
        {state.step === 'done' && (
          <p class="dataset-done">
            {t('dash.datasetDone', { name: state.name, added: number(state.summary.added), updated: number(state.summary.updated), skipped: number(state.summary.skippedCount) })}
          </p>
        )}
      </div>
      {state.step === 'done' && <SkippedRows skipped={state.summary.skipped} count={state.summary.skippedCount} />}
      {state.step === 'error' && (
        <p class="import-error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}
