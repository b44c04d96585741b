// The toolbar popup: for the current tab, what UPR Annotator found (who → whom, session, how many recommendations
// and notes) or why it did not; "Annotate this page" for pages the detector passed over; highlights on/off; the
// dashboard; turning the extension off for a site; and the narrowest mode (known government sites only).
import { useEffect, useState } from 'preact/hooks';
import type { PopupStatus, Result } from '@/utils/messages';
import type { Settings } from '@/utils/model';
import { numberFormat } from '@/utils/i18n';
import { formatPageStates, formatSession } from './format';
import { useI18n } from './i18n';
import { MetaSourceList } from './MetaSources';

export interface PopupRequests {
  status(tabId: number): Promise<Result<PopupStatus>>;
  annotate(tabId: number): Promise<Result<{ injected: boolean }>>;
  toggle(tabId: number): Promise<Result<null>>;
}

interface Props {
  tabId: number | null;
  request: PopupRequests;
  settings: Settings;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  openDashboard(): void;
}

export function Popup({ tabId, request, settings, updateSettings, openDashboard }: Props) {
  const { t, language } = useI18n();
  const [status, setStatus] = useState<PopupStatus | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const refresh = async () => {
    if (tabId === null) return;
    const result = await request.status(tabId);
    if (result.ok) setStatus(result.value);
    else setMessage(result.error.message);
  };
  useEffect(() => void refresh(), [tabId, settings]);

  const act = async (work: () => Promise<Result<unknown>>) => {
    const result = await work();
    setMessage(result.ok ? null : result.error.message);
    // The annotator takes a moment to read the page.
    setTimeout(() => void refresh(), 600);
  };

  const site = status?.site ?? null;
  const toggleSite = () => {
    if (!site) return;
    const disabledHosts = settings.disabledHosts.includes(site) ? settings.disabledHosts.filter((h) => h !== site) : [...settings.disabledHosts, site];
    void updateSettings({ disabledHosts });
  };

  return (
    <main class="popup" aria-label={t('appName')}>
      <h1 class="popup-title">{t('appName')}</h1>
      <section class="popup-status" aria-live="polite">
        {!status ? (
          <p>{message ?? t('loading')}</p>
        ) : status.annotated && status.page ? (
          <>
            <p class="popup-states">{formatPageStates(status.page, t, language)}</p>
            <p class="popup-session">{formatSession(status.page, t, language)}</p>
            <p class="popup-counts">
              {t('recCount', { count: numberFormat(language)(status.recommendations) })} · {t('noteCount', { count: numberFormat(language)(status.notes) })}
            </p>
            <MetaSourceList page={status.page} />
          </>
        ) : (
          <>
            <p class="popup-why">{whyNot(status, t)}</p>
            {status.detection && status.detection.reasons.length > 0 && (
              <details class="popup-reasons">
                <summary>{t('whatWasSeen')}</summary>
                <ul>
                  {status.detection.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              </details>
            )}
          </>
        )}
      </section>
      {message && status && (
        <p class="panel-error" role="alert">
          {message}
        </p>
      )}
      <div class="popup-actions">
        {tabId !== null && site && !status?.annotated && (
          <button type="button" class="popup-button popup-annotate" onClick={() => void act(() => request.annotate(tabId))}>
            {t('annotateThisPage')}
          </button>
        )}
        {tabId !== null && status?.annotated && (
          <button type="button" class="popup-button popup-toggle" onClick={() => void act(() => request.toggle(tabId))}>
            {t('toggleHighlights')}
          </button>
        )}
        <button type="button" class="popup-button popup-dashboard" onClick={openDashboard}>
          {t('openDashboard')}
        </button>
      </div>
      <div class="popup-settings">
        {site && (
          <label class="setting">
            <input type="checkbox" class="popup-site" checked={!settings.disabledHosts.includes(site)} onChange={toggleSite} />
            {t('runOnSite', { site })}
          </label>
        )}
        <label class="setting">
          <input
            type="checkbox"
            class="popup-known-only"
            checked={settings.knownHostsOnly}
            onChange={(event) => void updateSettings({ knownHostsOnly: (event.currentTarget as HTMLInputElement).checked })}
          />
          {t('knownHostsOnly')}
        </label>
      </div>
    </main>
  );
}

function whyNot(status: PopupStatus, t: ReturnType<typeof useI18n>['t']): string {
  if (!status.site) return t('whyNotWeb');
  if (status.disabledHere) return t('whyDisabled');
  if (status.knownHostsOnly && !status.knownHost) return t('whyKnownOnly');
  if (status.detection && !status.detection.detected) return t('whyNotStatement');
  return t('whyNotYet');
}
