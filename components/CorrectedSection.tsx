// The panel's "Corrected" list, at the end of the panel and folded away: every correction of this page, newest
// first, with the items it took off the list (dismissed, merged, split) and their notes in sight, what it put there,
// and "Restore" to take it back. It outlives reloads: the page's stored corrections are what it lists.
import type { ComponentChildren } from 'preact';
import type { CorrectedEntry, PanelRecommendation } from '@/utils/messages';
import { revealFormatting } from '@/utils/text';
import { formatStates } from './format';
import { useI18n } from './i18n';

interface Props {
  entries: CorrectedEntry[];
  /** An item's note, as the list shows it (shown where the item has one). */
  noteOf(rec: PanelRecommendation): ComponentChildren;
  onRestore(entry: CorrectedEntry): void;
}

export function CorrectedSection({ entries, noteOf, onRestore }: Props) {
  const { t, language } = useI18n();
  if (entries.length === 0) return null;
  return (
    <details class="corrected">
      <summary class="corrected-title">{t('correctedTitle', { count: entries.length })}</summary>
      <p class="corrected-help">{t('correctedHelp')}</p>
      <ul class="corrected-list">
        {entries.map((entry, i) => {
          const id = `corrected-${i}`;
          return (
            <li key={entry.step ?? entry.removed[0]?.id ?? id} class="corrected-entry" data-kind={entry.kind}>
              <p class="corrected-kind" id={id}>
                {t(`correctedKind.${entry.kind}`)}
                {entry.was && ` · ${t('correctedWas', { states: `${formatStates(entry.was, t, language)}${entry.was.session ? ` · ${t('session', { session: entry.was.session })}` : ''}` })}`}
              </p>
              {entry.removed.map((rec) => (
                <div key={rec.id} class="corrected-item" data-corrected={rec.id}>
                  <p class="rec-text-static">
                    <bdi>{revealFormatting(rec.text)}</bdi>
                  </p>
                  {noteOf(rec)}
                </div>
              ))}
              {entry.added.map((text) => (
                <p key={text} class="corrected-into">
                  {entry.removed.length > 0 && <span class="corrected-into-label">{t('correctedInto')} </span>}
                  <bdi>{revealFormatting(text)}</bdi>
                </p>
              ))}
              <button type="button" class="export-button corrected-restore" aria-describedby={id} onClick={() => onRestore(entry)}>
                {t('restore')}
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
