// The UI language setting, the same in the panel and the dashboard: the browser's language, English or French.
import type { LanguageSetting } from '@/utils/i18n';
import { useI18n } from './i18n';

export function LanguagePicker({ value, onChange }: { value: LanguageSetting; onChange(setting: LanguageSetting): void }) {
  const { t } = useI18n();
  return (
    <label class="setting">
      {t('language')}
      <select value={value} onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value as LanguageSetting)}>
        <option value="auto">{t('languageAuto')}</option>
        <option value="en" lang="en">
          English
        </option>
        <option value="fr" lang="fr">
          Français
        </option>
      </select>
    </label>
  );
}
