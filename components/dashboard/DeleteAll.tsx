// "Delete all data": a confirmation dialog in the page (not window.confirm) that says what goes, offers a backup
// first, and only then asks the background to clear every store.
import { useRef, useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { numberFormat } from '@/utils/i18n';

interface Props {
  recommendations: number;
  notes: number;
  deleteAll(): Promise<{ ok: true } | { ok: false; error: { message: string } }>;
  exportBackup(): void;
  onDeleted(): void;
}

export function DeleteAll({ recommendations, notes, deleteAll, exportBackup, onDeleted }: Props) {
  const { t, language } = useI18n();
  const number = numberFormat(language);
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    const result = await deleteAll();
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    dialog.current?.close();
    onDeleted();
  };

  return (
    <div class="data-block delete-all">
      <button
        type="button"
        class="button button-danger delete-open"
        onClick={() => {
          setError(null);
          dialog.current?.showModal();
        }}
      >
        {t('dash.deleteAll')}
      </button>
      <dialog ref={dialog} class="confirm-dialog" aria-labelledby="delete-title" aria-describedby="delete-text">
        <h2 id="delete-title">{t('dash.deleteTitle')}</h2>
        <p id="delete-text">{t('dash.deleteText', { recs: t('recCount', { count: number(recommendations) }), notes: t('dash.notes', { count: number(notes) }) })}</p>
        {error && (
          <p class="import-error" role="alert">
            {error}
          </p>
        )}
        <div class="button-row">
          <button type="button" class="button" onClick={exportBackup}>
            {t('dash.exportFirst')}
          </button>
          <button type="button" class="button button-danger delete-confirm" disabled={busy} onClick={() => void confirm()}>
            {t('dash.deleteConfirm')}
          </button>
          <button type="button" class="button delete-cancel" autofocus onClick={() => dialog.current?.close()}>
            {t('dash.cancel')}
          </button>
        </div>
      </dialog>
    </div>
  );
}
