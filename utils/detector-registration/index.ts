// Where the always-on detector runs, from the user's settings: every http(s) page by default; only known
// government sites when the user wants the narrowest footprint; never on sites the user turned off. Pure: the
// background hands the result to scripting.registerContentScripts / updateContentScripts.
import type { Settings } from '../model';
import { GOVERNMENT_HOSTS } from '../upr/hosts';

export const DETECTOR_SCRIPT_ID = 'upr-detector';
export const DETECTOR_FILE = 'content-scripts/detector.js';
const EVERYWHERE = ['http://*/*', 'https://*/*'];
/** Sites that publish UPR material besides governments' own. */
const OTHER_KNOWN_HOSTS = ['ohchr.org', 'un.org'];

export interface DetectorRegistration {
  id: string;
  js: string[];
  matches: string[];
  excludeMatches: string[];
  runAt: 'document_idle';
  allFrames: false;
}

/** Match patterns for a host and its subdomains. */
export function hostPatterns(host: string): string[] {
  const clean = host.toLowerCase().replace(/^\*\./, '').replace(/^www\./, '');
  return [`*://${clean}/*`, `*://*.${clean}/*`];
}

export function knownHostPatterns(): string[] {
  return [...new Set([...GOVERNMENT_HOSTS.map(([suffix]) => suffix), ...OTHER_KNOWN_HOSTS])].flatMap(hostPatterns);
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
  return [...GOVERNMENT_HOSTS.map(([suffix]) => suffix), ...OTHER_KNOWN_HOSTS].some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}

export function detectorRegistration(settings: Pick<Settings, 'knownHostsOnly' | 'disabledHosts'>): DetectorRegistration {
  return {
    id: DETECTOR_SCRIPT_ID,
    js: [DETECTOR_FILE],
    matches: settings.knownHostsOnly ? knownHostPatterns() : EVERYWHERE,
    excludeMatches: settings.disabledHosts.flatMap(hostPatterns),
    runAt: 'document_idle',
    allFrames: false,
  };
}
