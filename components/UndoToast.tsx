// "Note deleted. Undo", "Merged with the next. Undo" — the one place a deletion or a correction can be taken back at
// once, in the panel and the dashboard alike.
import { useI18n } from './i18n';

export function UndoToast({ message, onUndo }: { message: string; onUndo(): void }) {
  const { t } = useI18n();
  return (
    <div class="toast" role="status">
      <span>{message}</span>
      <button type="button" class="link-button toast-undo" onClick={onUndo}>
        {t('undo')}
      </button>
    </div>
  );
}
