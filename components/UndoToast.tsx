// "Note deleted. Undo" — the one place a deletion can be taken back, in the panel and the dashboard alike.
import { useI18n } from './i18n';

export function UndoToast({ onUndo }: { onUndo(): void }) {
  const { t } = useI18n();
  return (
    <div class="toast" role="status">
      <span>{t('noteDeleted')}</span>
      <button type="button" class="link-button toast-undo" onClick={onUndo}>
        {t('undo')}
      </button>
    </div>
  );
}
