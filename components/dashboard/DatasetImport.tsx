// Importing a dataset of UN recommendations with their responses (CSV or JSON, e.g. from UPR Info): the file is
// checked for size before it is read, the background parses and stores it while a progress bar follows its
// progress events, and the report says what was added, updated and which rows were skipped, and why.
import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_DATASET_TEXT, type DatasetSummary } from '@/utils/messages';
import { useI18n } from '../i18n';
import { formatSize } from './dashboard-format';
import type { DashboardClient } from './dashboard-client';
import { FileField } from './FileField';

type State =
  | { step: 'idle' }
  | { step: 'busy'; name: string; done: number; total: number }
  | { step: 'done'; name: string; summary: DatasetSummary }
  | { step: 'error'; message: string };

interface Props {
  client: Pick<DashboardClient, 'importDataset' | 'onImportProgress'>;
  onImported(): void;
}

export function DatasetImport({ client, onImported }: Props) {
  const { t, language } = useI18n();
  const [state, setState] = useState<State>({ step: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const busy = state.step === 'busy';

  useEffect(() => {
    if (!busy) return;
    return client.onImportProgress(({ done, total }) =>
      setState((current) => (current.step === 'busy' ? { ...current, done: Math.min(done, total), total } : current)),
    );
  }, [client, busy]);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    const reset = () => {
      if (input.current) input.current.value = '';
    };
    if (file.size > MAX_DATASET_TEXT) {
      const size = (bytes: number) => formatSize(bytes, t, language);
      setState({ step: 'error', message: t('dash.datasetTooLarge', { name: file.name, size: size(file.size), max: size(MAX_DATASET_TEXT) }) });
      reset();
      return;
    }
    setState({ step: 'busy', name: file.name, done: 0, total: 100 });
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setState({ step: 'error', message: t('dash.importFailed', { name: file.name, error: error instanceof Error ? error.message : String(error) }) });
      reset();
      return;
    }
    const result = await client.importDataset(text, file.name);
    reset();
    if (!result.ok) {
      setState({ step: 'error', message: t('dash.importFailed', { name: file.name, error: result.error.message }) });
      return;
    }
    setState({ step: 'done', name: file.name, summary: result.value });
    onImported();
  };

  return (
    <div class="data-block dataset-import">
      <FileField
        id="import-dataset-file"
        label={t('dash.dataset')}
        help={t('dash.datasetHelp')}
        accept=".csv,.tsv,.json,text/csv,application/json"
        disabled={busy}
        inputRef={input}
        onFile={(file) => void choose(file)}
      />
      {busy && (
        <div class="dataset-progress">
          <progress class="progress" max={state.total} value={state.done} aria-label={t('dash.progressLabel')} />
          <span>{t('dash.datasetProgress', { name: state.name, done: state.done, total: state.total })}</span>
        </div>
      )}
      <div role="status" aria-live="polite">
        {state.step === 'done' && (
          <p class="dataset-done">
            {t('dash.datasetDone', { name: state.name, added: state.summary.added, updated: state.summary.updated, skipped: state.summary.skippedCount })}
          </p>
        )}
      </div>
      {state.step === 'done' && state.summary.skipped.length > 0 && (
        <details class="dataset-skipped">
          <summary>{t('dash.skippedTitle')}</summary>
          <ul>
            {state.summary.skipped.map(({ line, reason }) => (
              <li key={line}>{t('dash.skippedRow', { line, reason })}</li>
            ))}
          </ul>
          {state.summary.skippedCount > state.summary.skipped.length && <p>{t('dash.skippedMore', { count: state.summary.skippedCount - state.summary.skipped.length })}</p>}
        </details>
      )}
      {state.step === 'error' && (
        <p class="import-error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}
