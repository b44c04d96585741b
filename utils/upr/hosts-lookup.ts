// Host name → state, by the longest matching suffix of our government host table.
import { displayNameOf } from './countries';
import { GOVERNMENT_HOSTS } from './hosts';

export function countryOfHost(url: string): { code: string; name: string } | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  let best: readonly [string, string] | null = null;
  for (const entry of GOVERNMENT_HOSTS) {
    const [suffix] = entry;
    if ((host === suffix || host.endsWith(`.${suffix}`)) && (!best || suffix.length > best[0].length)) best = entry;
  }
  return best ? { code: best[1], name: displayNameOf(best[1]) } : null;
}
