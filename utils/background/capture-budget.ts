// Bounded growth that no page can get around: how many captures that write (a new address, a changed statement, a
// sighting) one site may store per minute and per hour. The annotator already waits for an in-page navigation to
// settle and stores at most 30 addresses per document; a page that reloads itself, or opens new documents, starts
// those counts again — this one it does not. The log lives in extension storage, so a worker stopped and started
// again keeps counting; a refusal is kept per tab for the panel to say why the page was not stored, and the user's
// "Store this page" there lets that one page through.
import { RequestError, type NotStored } from '@/utils/messages';
import { pageKey } from '@/utils/model';
import type { ExtensionApi } from './context';

/**
 * A researcher opening every statement on a sessions page (dozens) in tabs within a minute stays under the first;
 * reading a whole mission's archive page after page stays under the second (one every 12 s for an hour).
 */
export const SITE_CAPTURES_PER_MINUTE = 60;
export const SITE_CAPTURES_PER_HOUR = 300;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// Second-level labels under a country code that are public suffixes (as on the Public Suffix List): the site is
// the label before them ("www.gov.uk", "diplomatie.gouv.fr", "mofa.go.jp", "international.gc.ca").
const SUFFIX_SLD = new Set(['gov', 'gouv', 'gob', 'go', 'govt', 'gv', 'gub', 'gc', 'government', 'gobierno', 'co', 'com', 'org', 'net', 'ac', 'edu', 'or', 'ne', 'mil', 'nic']);

/** The site a page belongs to for the budget: its registrable host ("www.gov.uk", "example.org"), IPs and single names as they are. */
export function siteOf(url: string): string {
  const host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  const labels = host.split('.');
  if (labels.length <= 2 || /^[\d.]+$|:/.test(host)) return host;
  const [sld, tld] = labels.slice(-2) as [string, string];
  return labels.slice(tld.length === 2 && SUFFIX_SLD.has(sld) ? -3 : -2).join('.');
}

export interface CaptureBudget {
  /**
   * Runs a capture of `url` in tab `tabId`: `work` gets the admit hook the repository asks before writing, which
   * refuses (RequestError 'forbidden') when the site has spent its budget, unless the user asked to store this page.
   * One capture per site at a time, so two tabs cannot both take the last place.
   */
  spend<T>(tabId: number, url: string, work: (admit: () => void) => Promise<T>, now?: number): Promise<T>;
  /** Why the page in this tab was not stored, if it was refused (and is still that tab's page). */
  refusal(tabId: number, url: string): Promise<NotStored | null>;
  /** The user asked to store the page in this tab whatever the budget says. */
  allow(tabId: number, url: string): Promise<void>;
}

const LOG_PREFIX = 'upr-capture-log:';
const REFUSED_PREFIX = 'upr-capture-refused:';
const ALLOWED_PREFIX = 'upr-capture-allowed:';

export function createCaptureBudget(browser: ExtensionApi): CaptureBudget {
  // The log in local storage (a browser restart does not reset it; one small list per site, of the last hour), what
  // one tab was refused or allowed in session storage (tab ids last as long as the session).
  const [local, session] = [browser.storage?.local, browser.storage?.session];
  type Area = typeof local;
  const read = async <T>(area: Area, key: string): Promise<T | undefined> => ((await area?.get(key).catch(() => undefined))?.[key] as T | undefined) ?? undefined;
  const write = (area: Area, key: string, value: unknown) => area?.set({ [key]: value }).catch(() => {});
  const forget = (key: string) => session?.remove(key).catch(() => {});
  // Only the order of captures per site: the counts themselves are in session storage.
  const queues = new Map<string, Promise<unknown>>();

  return {
    async spend(tabId, url, work, now = Date.now()) {
      const site = siteOf(url);
      const run = async () => {
        const logKey = LOG_PREFIX + site;
        const log = ((await read<number[]>(local, logKey)) ?? []).filter((at) => typeof at === 'number' && at > now - HOUR && at <= now);
        const lastMinute = log.filter((at) => at > now - MINUTE);
        const allowed = (await read<string>(session, ALLOWED_PREFIX + tabId)) === pageKey(url);
        // When a place frees: the oldest capture of a full window leaves it. The later of the two is the one that counts.
        const minuteFull = lastMinute.length >= SITE_CAPTURES_PER_MINUTE ? lastMinute[lastMinute.length - SITE_CAPTURES_PER_MINUTE]! + MINUTE : 0;
        const hourFull = log.length >= SITE_CAPTURES_PER_HOUR ? log[log.length - SITE_CAPTURES_PER_HOUR]! + HOUR : 0;
        const refused: NotStored | null =
          Math.max(minuteFull, hourFull) === 0 ? null
          : hourFull >= minuteFull ? { url: pageKey(url), site, until: hourFull, limit: SITE_CAPTURES_PER_HOUR, per: 'hour' }
          : { url: pageKey(url), site, until: minuteFull, limit: SITE_CAPTURES_PER_MINUTE, per: 'minute' };
        let wrote = false;
        let refusing = false;
        const result = await work(() => {
          if (refused && !allowed) {
            refusing = true;
            throw new RequestError('forbidden', `Not stored: ${site} has had ${refused.limit} pages stored in the last ${refused.per}; the panel offers to store this one.`);
          }
          wrote = true;
        }).catch(async (error: unknown) => {
          // Kept before the refusal is answered: the panel that mounts next asks why.
          if (refusing) await write(session, REFUSED_PREFIX + tabId, refused);
          throw error;
        });
        if (wrote) await write(local, logKey, [...log, now]);
        await forget(REFUSED_PREFIX + tabId);
        return result;
      };
      const turn = (queues.get(site) ?? Promise.resolve()).then(run, run);
      const settled = turn.catch(() => {});
      queues.set(site, settled);
      void settled.then(() => queues.get(site) === settled && queues.delete(site));
      return turn;
    },
    async refusal(tabId, url) {
      const refused = await read<NotStored>(session, REFUSED_PREFIX + tabId);
      return refused && refused.url === pageKey(url) ? refused : null;
    },
    async allow(tabId, url) {
      await write(session, ALLOWED_PREFIX + tabId, pageKey(url));
    },
  };
}
