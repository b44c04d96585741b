// What the field reads off a recommendation: its action category and themes as chips, and what was asked of the
// same state in earlier cycles (with a "repeat" badge when nearly the same words come back), each linked to where
// it was read.
import type { EarlierRecommendation, PanelRecommendation } from '@/utils/messages';
import { revealFormatting } from '@/utils/text';
import { ohchrCountryPage, reviewDocuments } from '@/utils/upr';
import { stateName, themeName } from './format';
import { useI18n } from './i18n';

function EarlierItem({ item, stateCode }: { item: EarlierRecommendation; stateCode: string | null }) {
  const { t, language } = useI18n();
  // Known only from a dataset: point to the review's documents and the state's OHCHR page instead of a statement.
  const report = !item.pageUrl && stateCode && item.session ? reviewDocuments(stateCode, item.session)[0] : undefined;
  const countryPage = !item.pageUrl && stateCode ? ohchrCountryPage(stateCode) : null;
  return (
    <li class="earlier-item">
      <div class="earlier-who">
        {t('earlierWho', { state: revealFormatting(stateName(item.recommendingState, null, t, language)), session: item.session ?? t('unknownSession'), cycle: item.cycle ?? '?' })}
        {' · '}
        <span class={`response response-${item.response ?? 'unknown'}`}>{t(`response.${item.response ?? 'unknown'}`)}</span>
        {item.repeat && (
          <span class="badge badge-repeat" title={t('repeatHint')}>
            {t('repeat')}
          </span>
        )}
      </div>
      <p class="earlier-text">
        {/* Words from another page or an import: isolated, their invisible formatting shown. */}
        <bdi>{revealFormatting(item.text)}</bdi>
      </p>
      {item.pageUrl && (
        <a class="earlier-link" href={item.pageUrl} target="_blank" rel="noopener noreferrer">
          {t('openSource')}
        </a>
      )}
      {report && (
        <a class="earlier-doc" href={report.url} title={report.label} target="_blank" rel="noopener noreferrer">
          {report.symbol}
        </a>
      )}
      {countryPage && (
        <a class="earlier-country" href={countryPage} target="_blank" rel="noopener noreferrer">
          {t('countryPage')}
        </a>
      )}
    </li>
  );
}

/** A page the same recommendation was read on: its host, with the whole address to hover, opened in a new tab. */
function PlaceLink({ url }: { url: string }) {
  return (
    <a class="seen-link" href={url} title={url} target="_blank" rel="noopener noreferrer">
      {new URL(url).host}
    </a>
  );
}

/**
 * Where else the recommendation was read than `shownOn` (the page in the panel's tab): the page it belongs to, where
 * it was first seen and annotated, when that is another; and the other pages that showed the same words.
 */
function SeenElsewhere({ rec, shownOn }: { rec: PanelRecommendation; shownOn: string | null }) {
  const { t } = useI18n();
  const first = rec.pageUrl !== null && rec.pageUrl !== shownOn ? rec.pageUrl : null;
  const also = (rec.seenAt ?? []).filter((url) => url !== shownOn);
  if (!first && also.length === 0) return null;
  return (
    <p class="seen-elsewhere">
      {first && (
        <span class="seen-first">
          {t('firstSeenAt')} <PlaceLink url={first} />
        </span>
      )}
      {also.length > 0 && (
        <span class="seen-also">
          {t('alsoSeenAt')}{' '}
          {also.map((url, i) => (
            <span key={url}>
              {i > 0 && ', '}
              <PlaceLink url={url} />
            </span>
          ))}
        </span>
      )}
    </p>
  );
}

export function RecommendationFacts({ rec, shownOn = null }: { rec: PanelRecommendation; shownOn?: string | null }) {
  const { t, language } = useI18n();
  const repeated = rec.earlier.some((e) => e.repeat);
  // Themes, like the category, name the dataset that gave them, or say they were found here from the words.
  const themeTitle = rec.dataset?.themes ? t('themesTitleDataset', { dataset: rec.dataset.name }) : t('themesTitleAutomatic');
  return (
    <>
      <SeenElsewhere rec={rec} shownOn={shownOn} />
      {(rec.actionCategory || rec.themes.length > 0 || repeated) && (
        <ul class="chips" aria-label={t('categoryTitle')}>
          {rec.actionCategory && (
            <li
              class={`chip chip-category chip-category-${rec.actionCategory}`}
              // The dataset's own coding names the dataset; a category computed here says so.
              title={rec.dataset?.actionCategory ? t('categoryTitleDataset', { dataset: rec.dataset.name }) : t('categoryTitleAutomatic')}
            >
              {rec.actionCategory} · {t(`category.${rec.actionCategory}`)}
            </li>
          )}
          {rec.themes.map((theme) => (
            <li key={theme} class="chip chip-theme" title={themeTitle}>
              {themeName(theme, language)}
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
              <EarlierItem key={item.id} item={item} stateCode={rec.stateUnderReviewCode} />
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
