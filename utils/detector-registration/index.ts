// Where the always-on detector runs, from the user's settings: every http(s) page by default; only known
// government sites when the user wants the narrowest footprint; never on sites the user turned off. Pure: the
// background hands the result to scripting.registerContentScripts / updateContentScripts.
import type { Settings } from '@/utils/model';
import { GOVERNMENT_HOSTS, UN_HOSTS, isOnSite } from '@/utils/upr/hosts';

export const DETECTOR_SCRIPT_ID = 'upr-detector';
export const DETECTOR_FILE = 'content-scripts/detector.js';
const EVERYWHERE = ['http://*/*', 'https://*/*'];
/** The known sites (utils/upr/hosts): governments' listed hosts and the UN's. */
const KNOWN_HOSTS = [...new Set([...GOVERNMENT_HOSTS.map(([suffix]) => suffix), ...UN_HOSTS])];

export interface DetectorRegistration {
  id: string;
  js: string[];
  matches: string[];
  excludeMatches: string[];
  runAt: 'document_end';
  allFrames: false;
}

/** Match patterns for a host and its subdomains. */
export function hostPatterns(host: string): string[] {
  const clean = host.toLowerCase().replace(/^\*\./, '').replace(/^www\./, '');
  return [`*://${clean}/*`, `*://*.${clean}/*`];
}

export function knownHostPatterns(): string[] {
  return KNOWN_HOSTS.flatMap(hostPatterns);
}

/** A host as the user means it in "turn off on this site": without "www.", lower case; null for non-web URLs. */
export function siteOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? u.hostname.toLowerCase().replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

export function isKnownHost(url: string | undefined): boolean {
  const host = siteOf(url);
  if (!host) return false;
  return KNOWN_HOSTS.some((suffix) => isOnSite(host, suffix));
}

export function detectorRegistration(settings: Pick<Settings, 'knownHostsOnly' | 'disabledHosts'>): DetectorRegistration {
  return {
    id: DETECTOR_SCRIPT_ID,
    js: [DETECTOR_FILE],
    matches: settings.knownHostsOnly ? knownHostPatterns() : EVERYWHERE,
    excludeMatches: settings.disabledHosts.flatMap(hostPatterns),
    runAt: 'document_end',
    allFrames: false,
  };
}
