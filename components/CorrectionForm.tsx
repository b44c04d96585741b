// Correcting what was read off the page: the recommending state, the state under review and the session. Names are
// resolved to ISO codes as the extractor does, so corrected pages cross-reference like any other.
import { useState } from 'preact/hooks';
import { cycleOfSession, countryFromName } from '@/utils/upr';
import type { PageCorrections, StoredPage } from '@/utils/model';
import { useI18n } from './i18n';
import { sourceText } from './MetaSources';

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

  // Under each field, where its value came from ("from the site's name"), read out with the field.
  const field = (id: string, label: string, value: string, set: (v: string) => void, source: string | null, inputMode?: 'numeric') => (
    <label class="correct-field" for={id}>
      <span>{label}</span>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        value={value}
        aria-describedby={source ? `${id}-source` : undefined}
        onInput={(e) => set((e.currentTarget as HTMLInputElement).value)}
      />
      {source && (
        <small class="field-source" id={`${id}-source`}>
          {source}
        </small>
      )}
    </label>
  );

  return (
    <form class="correct-form" onSubmit={(e) => void submit(e)}>
      {field('correct-from', t('recommendingState'), from, setFrom, page.recommendingState ? sourceText(page, 'recommendingState', t) : null)}
      {field('correct-to', t('stateUnderReview'), to, setTo, page.stateUnderReview ? sourceText(page, 'stateUnderReview', t) : null)}
      {field('correct-session', t('sessionNumber'), session, setSession, page.session ? sourceText(page, 'session', t) : null, 'numeric')}
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
