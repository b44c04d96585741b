// Host name → state: the longest matching suffix of the government host table, else the country code of a
// government or ministry domain (utils/upr/hosts.ts holds both).
import { countryFromCode, displayNameOf } from './countries';
import { NON_UPR_CODES } from './country-aliases';
import { governmentOfHost } from './hosts';

export function countryOfHost(url: string): { code: string; name: string } | null {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null;
  }
  const found = governmentOfHost(host);
  if (!found) return null;
  if ('alpha3' in found) return { code: found.alpha3, name: displayNameOf(found.alpha3) };
  const country = countryFromCode(found.alpha2);
  // "gov.hk": a territory's government, not a state that speaks at the UPR.
  return country && !NON_UPR_CODES.has(country.code) ? country : null;
}
