import { describe, expect, it } from 'vitest';
import { siteOf } from './capture-budget';

describe('siteOf: the site whose pages share one budget', () => {
  it.each([
    ['https://www.international.gc.ca/upr/kz.html', 'international.gc.ca'],
    ['https://www.gov.uk/government/speeches/upr', 'www.gov.uk'],
    ['https://diplomatie.gouv.fr/fr/x', 'diplomatie.gouv.fr'],
    ['https://www.mofa.go.jp/a', 'mofa.go.jp'],
    ['https://a.b.churn.example.com/page/1', 'example.com'],
    ['https://www2.example.com/', 'example.com'],
    ['https://geneva.mission.example.co.uk/x', 'example.co.uk'],
    ['http://127.0.0.1:8080/x', '127.0.0.1'],
    ['http://localhost/x', 'localhost'],
  ])('%s → %s', (url, site) => expect(siteOf(url)).toBe(site));
});
