// The facets: for each of state under review, recommending state, cycle, session, theme, action category, tag
// and "has a note", its values with how many rows each would show, as checkboxes. Long lists show their first
// values and a button for the rest.
import { useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { facetValueLabel } from './dashboard-format';
import { FACET_KEYS, type FacetCount, type FacetKey, type FacetSelection } from './dashboard-rows';

const SHOWN_VALUES = 8;

interface Props {
  counts: Record<FacetKey, FacetCount[]>;
  selection: FacetSelection;
  onToggle(key: FacetKey, value: string): void;
}

function Facet({ facet, values, chosen, onToggle }: { facet: FacetKey; values: FacetCount[]; chosen: readonly string[]; onToggle(value: string): void }) {
  const { t, language } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const long = values.length > SHOWN_VALUES + 1;
  // A chosen value stays in view even when the list is folded.
  const shown = !long || expanded ? values : values.filter((v, i) => i < SHOWN_VALUES || chosen.includes(v.value));
  const listId = `facet-${facet}`;
  return (
    <fieldset class="facet" data-facet={facet}>
      <legend class="facet-title">{t(`dash.facet.${facet}`)}</legend>
      <ul class="facet-values" id={listId}>
        {shown.map(({ value, count }) => (
          <li key={value}>
            <label class={`facet-value${count === 0 ? ' facet-value-empty' : ''}`}>
              <input type="checkbox" value={value} checked={chosen.includes(value)} onChange={() => onToggle(value)} />
              <span class="facet-label">{facetValueLabel(facet, value, t, language)}</span>
              <span class="facet-count">{count}</span>
            </label>
          </li>
        ))}
      </ul>
      {long && (
        <button type="button" class="link-button facet-more" aria-controls={listId} aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('dash.showFewer') : t('dash.showAll', { count: values.length })}
        </button>
      )}
    </fieldset>
  );
}

export function FacetPanel({ counts, selection, onToggle }: Props) {
  return (
    <>
      {FACET_KEYS.filter((key) => counts[key].length > 0).map((key) => (
        <Facet key={key} facet={key} values={counts[key]} chosen={selection[key] ?? []} onToggle={(value) => onToggle(key, value)} />
      ))}
    </>
  );
}
