// Importing a JSON backup or a W3C annotation file: the file is checked for size before it is read, previewed by
// the background (what it adds, updates, leaves as it is, and notes in conflict), and written only when the user
// confirms. A file that cannot be imported is named with the reason, and nothing changes.
import { useRef, useState } from 'preact/hooks';
import { numberFormat, type Translate } from '@/utils/i18n';
import { MAX_BACKUP_CHARS } from '@/utils/export';
import type { ImportSummary } from '@/utils/messages';
import type { SettingChange, SettingKey } from '@/utils/model';
import { useI18n } from '@/components/i18n';
import { formatSize } from './dashboard-format';
import type { DashboardClient } from './dashboard-client';
import { FileField } from './FileField';

type State =
  | { step: 'idle' }
  | { step: 'busy'; name: string }
  | { step: 'preview'; name: string; text: string; summary: ImportSummary; settings: SettingKey[] }
  | { step: 'done'; name: string; summary: ImportSummary }
  | { step: 'error'; message: string };

const total = (c: ImportSummary['added']) => c.pages + c.recommendations + c.notes;

/** A setting's value in words: a language, on / off, or the list of sites. */
function settingValue(value: SettingChange['current'], t: Translate): string {
  if (typeof value === 'boolean') return t(value ? 'dash.setting.on' : 'dash.setting.off');
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : t('dash.setting.none');
  return value === 'auto' ? t('languageAuto') : value === 'fr' ? 'Français' : 'English';
}

interface Props {
  client: Pick<DashboardClient, 'importFile'> & Partial<Pick<DashboardClient, 'cancelImport'>>;
  onImported(): void;
}

export function ImportBackup({ client, onImported }: Props) {
  const { t, language } = useI18n();
  const number = numberFormat(language);
  const [state, setState] = useState<State>({ step: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_BACKUP_CHARS) {
      setState({ step: 'error', message: t('dash.tooLarge', { name: file.name, size: formatSize(file.size, t, language) }) });
      return;
    }
    setState({ step: 'busy', name: file.name });
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setState({ step: 'error', message: t('dash.importFailed', { name: file.name, error: error instanceof Error ? error.message : String(error) }) });
      return;
    }
    const result = await client.importFile(text, false);
    // Setting changes are offered unticked: importing notes never changes how the extension behaves unless asked.
    if (result.ok) setState({ step: 'preview', name: file.name, text, summary: result.value, settings: [] });
    else setState({ step: 'error', message: t('dash.importFailed', { name: file.name, error: result.error.message }) });
  };

  const apply = async () => {
    if (state.step !== 'preview') return;
    const { name, text, settings } = state;
    setState({ step: 'busy', name });
    const result = await client.importFile(text, true, settings);
    if (input.current) input.current.value = '';
    if (!result.ok) {
      setState({ step: 'error', message: t('dash.importFailed', { name, error: result.error.message }) });
      return;
    }
    setState({ step: 'done', name, summary: result.value });
    onImported();
  };

  const cancel = () => {
    void client.cancelImport?.();
    setState({ step: 'idle' });
    if (input.current) input.current.value = '';
  };

  return (
    <div class="data-block import-backup">
      <FileField
        id="import-backup-file"
        label={t('dash.import')}
        help={t('dash.importHelp')}
        accept=".json,.jsonld,application/json,application/ld+json"
        disabled={state.step === 'busy'}
        inputRef={input}
        onFile={(file) => void choose(file)}
      />
      <div class="import-result" role="status" aria-live="polite">
        {state.step === 'busy' && <p>{t('dash.reading', { name: state.name })}</p>}
        {state.step === 'done' && (
          <p class="import-done">{t('dash.imported', { name: state.name, added: number(total(state.summary.added)), updated: number(total(state.summary.updated)) })}</p>
        )}
      </div>
      {state.step === 'error' && (
        <p class="import-error" role="alert">
          {state.message}
        </p>
      )}
      {state.step === 'preview' && (
        <div class="import-preview">
          <p>{t(state.summary.kind === 'w3c' ? 'dash.preview.w3c' : 'dash.preview.backup', { name: state.name })}</p>
          <table class="preview-table">
            <caption class="visually-hidden">{t('dash.preview.caption', { name: state.name })}</caption>
            <thead>
              <tr>
                <td />
                <th scope="col">{t('dash.col.statements')}</th>
                <th scope="col">{t('dash.col.recommendations')}</th>
                <th scope="col">{t('dash.col.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ['add', state.summary.added],
                  ['update', state.summary.updated],
                  ['unchanged', state.summary.unchanged],
                ] as const
              ).map(([key, counts]) => (
                <tr key={key} data-preview={key}>
                  <th scope="row">{t(`dash.preview.${key}`)}</th>
                  <td>{number(counts.pages)}</td>
                  <td>{number(counts.recommendations)}</td>
                  <td>{number(counts.notes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {state.summary.conflicts > 0 && <p class="import-conflicts">{t('dash.preview.conflicts', { count: number(state.summary.conflicts) })}</p>}
          {state.summary.settingChanges.length > 0 && (
            <fieldset class="import-settings">
              <legend>{t('dash.preview.settings')}</legend>
              {state.summary.settingChanges.map((change) => (
                <label key={change.key} class="import-setting">
                  <input
                    type="checkbox"
                    value={change.key}
                    checked={state.settings.includes(change.key)}
                    onChange={(event) => {
                      const on = (event.currentTarget as HTMLInputElement).checked;
                      const settings = on ? [...state.settings, change.key] : state.settings.filter((k) => k !== change.key);
                      setState({ ...state, settings });
                    }}
                  />{' '}
                  {t('dash.setting.change', { setting: t(`dash.setting.${change.key}`), from: settingValue(change.current, t), to: settingValue(change.incoming, t) })}
                </label>
              ))}
            </fieldset>
          )}
          {total(state.summary.added) + total(state.summary.updated) === 0 && state.summary.conflicts === 0 && <p>{t('dash.preview.nothing')}</p>}
          <div class="button-row">
            <button type="button" class="button button-primary import-apply" onClick={() => void apply()}>
              {t('dash.importApply')}
            </button>
            <button type="button" class="button import-cancel" onClick={cancel}>
              {t('dash.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
