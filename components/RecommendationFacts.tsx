// What the field reads off a recommendation: its action category and themes as chips, and what was asked of the
// same state in earlier cycles (with a "repeat" badge when nearly the same words come back), each linked to where
// it was read.
import type { EarlierRecommendation, PanelRecommendation } from '@/utils/messages';
import { useI18n } from './i18n';

function EarlierItem({ item }: { item: EarlierRecommendation }) {
  const { t } = useI18n();
  return (
    <li class="earlier-item">
      <div class="earlier-who">
        {t('earlierWho', { state: item.recommendingState ?? t('unknownState'), session: item.session ?? t('unknownSession'), cycle: item.cycle ?? '?' })}
        {' · '}
        <span class={`response response-${item.response ?? 'unknown'}`}>{t(`response.${item.response ?? 'unknown'}`)}</span>
        {item.repeat && (
          <span class="badge badge-repeat" title={t('repeatHint')}>
            {t('repeat')}
          </span>
        )}
      </div>
      <p class="earlier-text">{item.text}</p>
      {item.pageUrl && (
        <a class="earlier-link" href={item.pageUrl} target="_blank" rel="noopener noreferrer">
          {t('openSource')}
        </a>
      )}
    </li>
  );
}

export function RecommendationFacts({ rec }: { rec: PanelRecommendation }) {
  const { t } = useI18n();
  const repeated = rec.earlier.some((e) => e.repeat);
  return (
    <>
      {(rec.actionCategory || rec.themes.length > 0 || repeated) && (
        <ul class="chips" aria-label={t('categoryTitle')}>
          {rec.actionCategory && (
            <li class={`chip chip-category chip-category-${rec.actionCategory}`} title={t('categoryTitle')}>
              {rec.actionCategory} · {t(`category.${rec.actionCategory}`)}
            </li>
          )}
          {rec.themes.map((theme) => (
            <li key={theme} class="chip chip-theme">
              {theme}
            </li>
          ))}
          {repeated && (
            <li class="chip badge-repeat" title={t('repeatHint')}>
              {t('repeat')}
            </li>
          )}
        </ul>
      )}
      {rec.earlier.length > 0 && (
        <details class="earlier">
          <summary>{t('earlierTitle', { count: rec.earlier.length })}</summary>
          <ul class="earlier-list">
            {rec.earlier.map((item) => (
              <EarlierItem key={item.id} item={item} />
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
