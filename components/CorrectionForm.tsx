// Correcting what was read off the page: the recommending state, the state under review and the session. Names are
// resolved to ISO codes as the extractor does, so corrected pages cross-reference like any other.
import { useState } from 'preact/hooks';
import { cycleOfSession, countryFromName } from '@/utils/upr';
import type { PageCorrections, StoredPage } from '@/utils/model';
import { useI18n } from './i18n';

interface Props {
  page: StoredPage;
  onSave(meta: PageCorrections['meta']): Promise<string | null>;
  onClose(): void;
}

export function CorrectionForm({ page, onSave, onClose }: Props) {
  const { t } = useI18n();
  const [from, setFrom] = useState(page.recommendingState ?? '');
  const [to, setTo] = useState(page.stateUnderReview ?? '');
  const [session, setSession] = useState(page.session ? String(page.session) : '');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const fromCountry = countryFromName(from);
    const toCountry = countryFromName(to);
    if (!fromCountry || !toCountry) return setError(t('correctUnknownState', { name: !fromCountry ? from : to }));
    const number = session.trim() ? Number(session) : null;
    if (number !== null && (!Number.isInteger(number) || number < 1 || number > 200)) return setError(t('correctBadSession'));
    const failed = await onSave({
      recommendingState: fromCountry.name,
      recommendingStateCode: fromCountry.code,
      stateUnderReview: toCountry.name,
      stateUnderReviewCode: toCountry.code,
      session: number,
      cycle: number === null ? null : cycleOfSession(number),
    });
    if (failed) setError(failed);
    else onClose();
  };

  const field = (id: string, label: string, value: string, set: (v: string) => void, inputMode?: 'numeric') => (
    <label class="correct-field" for={id}>
      <span>{label}</span>
      <input id={id} type="text" inputMode={inputMode} value={value} onInput={(e) => set((e.currentTarget as HTMLInputElement).value)} />
    </label>
  );

  return (
    <form class="correct-form" onSubmit={(e) => void submit(e)}>
      {field('correct-from', t('recommendingState'), from, setFrom)}
      {field('correct-to', t('stateUnderReview'), to, setTo)}
      {field('correct-session', t('sessionNumber'), session, setSession, 'numeric')}
      {error && (
        <p class="panel-error" role="alert">
          {error}
        </p>
      )}
      <div class="correct-actions">
        <button type="submit" class="export-button correct-save">
          {t('save')}
        </button>
        <button type="button" class="link-button" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
