// A note's tags: chips with a remove button each, and a field with suggestions from the tags already in use.
// Enter or a comma adds what was typed.
import { useState } from 'preact/hooks';
import { revealFormatting } from '@/utils/text';
import { useI18n } from './i18n';

interface Props {
  idBase: string;
  tags: string[];
  suggestions: string[];
  onChange(tags: string[]): void;
}

export function TagEditor({ idBase, tags, suggestions, onChange }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const listId = `tags-${idBase}`;
  const add = (text: string) => {
    const tag = text.replace(/,/g, ' ').trim();
    setDraft('');
    if (tag && !tags.some((existing) => existing.toLowerCase() === tag.toLowerCase())) onChange([...tags, tag]);
  };
  return (
    <div class="tags">
      {tags.length > 0 && (
        <ul class="tag-list" aria-label={t('tags')}>
          {tags.map((tag) => (
            <li key={tag} class="tag">
              <span>
                <bdi>{revealFormatting(tag)}</bdi>
              </span>
              <button type="button" class="tag-remove" aria-label={t('removeTag', { tag: revealFormatting(tag) })} onClick={() => onChange(tags.filter((x) => x !== tag))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        class="tag-input"
        type="text"
        list={listId}
        value={draft}
        placeholder={t('addTag')}
        aria-label={t('addTag')}
        onInput={(event) => {
          const value = (event.currentTarget as HTMLInputElement).value;
          if (value.endsWith(',')) add(value);
          else setDraft(value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            add((event.currentTarget as HTMLInputElement).value);
          }
        }}
        onBlur={(event) => add((event.currentTarget as HTMLInputElement).value)}
      />
      <datalist id={listId}>
        {suggestions
          .filter((s) => !tags.includes(s))
          .slice(0, 30)
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
    </div>
  );
}
