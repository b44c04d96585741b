import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/utils/model';
import { detectorRegistration, isKnownHost, siteOf } from './index';

describe('detector registration', () => {
  it('runs everywhere by default', () => {
    expect(detectorRegistration(DEFAULT_SETTINGS)).toMatchObject({ matches: ['http://*/*', 'https://*/*'], excludeMatches: [] });
  });

  it('leaves out the sites the user turned off, with their subdomains', () => {
    const registration = detectorRegistration({ knownHostsOnly: false, disabledHosts: ['example.org'] });
    expect(registration.excludeMatches).toEqual(['*://example.org/*', '*://*.example.org/*']);
  });

  it('runs only on known government sites in the narrowest mode', () => {
    const { matches } = detectorRegistration({ knownHostsOnly: true, disabledHosts: [] });
    expect(matches).toContain('*://*.international.gc.ca/*');
    expect(matches).toContain('*://*.gov.uk/*');
    expect(matches).toContain('*://*.usmission.gov/*');
    expect(matches).not.toContain('https://*/*');
    expect(matches.every((m) => /^\*:\/\/(\*\.)?[a-z0-9.-]+\/\*$/.test(m))).toBe(true);
  });

  it.each([
    ['https://www.international.gc.ca/world-monde/x.aspx', true],
    ['https://geneva.usmission.gov/2023/05/02/x/', true],
    ['https://www.ohchr.org/en/hr-bodies/upr', true],
    ['https://notgov.uk.example.com/', false],
    ['https://en.wikipedia.org/wiki/UPR', false],
    ['chrome://extensions', false],
  ])('%s is a known host: %s', (url, known) => {
    expect(isKnownHost(url)).toBe(known);
  });

  it('names a site without www. and refuses non-web URLs', () => {
    expect(siteOf('https://www.gov.uk/government/news/x')).toBe('gov.uk');
    expect(siteOf('file:///tmp/x.html')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });
});
