// Where each detail of a statement came from — the statement's title, the author line, the site's name, its
// address… — as a quiet disclosure in the popup and a small line under each field of "Correct the details".
import type { MessageKey, Translate } from '@/utils/i18n';
import type { MetaSources as Sources, StoredPage } from '@/utils/model';
import { formatDate, stateName } from './format';
import { useI18n } from './i18n';

type Field = keyof Sources;
type Source = NonNullable<Sources[Field]>;

const SOURCE_KEYS: Record<Source, MessageKey> = {
  'lead-in': 'source.leadIn',
  'body title': 'source.bodyTitle',
  body: 'source.body',
  'author line': 'source.authorLine',
  'site identity': 'source.siteIdentity',
  host: 'source.host',
  'page title': 'source.pageTitle',
  'page date': 'source.pageDate',
  address: 'source.address',
  date: 'source.date',
  session: 'source.session',
  'document language': 'source.documentLanguage',
  wording: 'source.wording',
};

/** Where a field's value came from, in words: set by the user, else the signal the page gave; null when not known. */
export function sourceText(page: StoredPage, field: Field, t: Translate): string | null {
  const corrected = page.corrections?.meta;
  if (corrected && field in corrected && corrected[field as keyof typeof corrected] !== undefined) return t('source.corrected');
  const source = page.sources?.[field];
  return source ? t(SOURCE_KEYS[source]) : null;
}

/** Each known detail of the page with where it came from, behind one small "Where these details come from". */
export function MetaSourceList({ page }: { page: StoredPage }) {
  const { t, language } = useI18n();
  const rows: [Field, MessageKey, string | null][] = [
    ['recommendingState', 'recommendingState', page.recommendingState && stateName(page.recommendingState, page.recommendingStateCode, t, language)],
    ['stateUnderReview', 'stateUnderReview', page.stateUnderReview && stateName(page.stateUnderReview, page.stateUnderReviewCode, t, language)],
    ['session', 'sessionNumber', page.session ? t('session', { session: page.session }) : null],
    ['cycle', 'field.cycle', page.cycle ? t('cycle', { cycle: page.cycle }) : null],
    ['date', 'field.date', formatDate(page.date, language)],
  ];
  const shown = rows.flatMap(([field, label, value]) => {
    const source = value ? sourceText(page, field, t) : null;
    return value && source ? [{ field, label, value, source }] : [];
  });
  if (shown.length === 0) return null;
  return (
    <details class="meta-sources">
      <summary>{t('sourcesTitle')}</summary>
      <dl>
        {shown.map(({ field, label, value, source }) => (
          <div key={field} class="meta-source" data-field={field}>
            <dt>{t(label)}</dt>
            <dd>{t('sourceValue', { value, source })}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
