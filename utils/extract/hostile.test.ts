// @vitest-environment happy-dom
// Hostile and odd input: huge lists, megabyte paragraphs, deep nesting, invisible characters. The extractor must
// finish, in time that grows with the page, and never throw. (Speed itself is measured by `npm run bench`; the
// bounds here only catch a hang.)
import { describe, expect, it } from 'vitest';
import { parsePage } from '@/scripts/lib-dom';
import { extractStatement } from './index';

const HEAD = '<html lang="en"><head><title>UPR 34: statement on Kazakhstan</title></head><body><main>';
const TAIL = '</main></body></html>';

function extract(body: string) {
  const doc = parsePage(`${HEAD}${body}${TAIL}`, 'https://www.example.gov/upr/34/kazakhstan');
  const started = performance.now();
  const extraction = extractStatement(doc, 'https://www.example.gov/upr/34/kazakhstan');
  return { ...extraction, ms: performance.now() - started };
}

describe('extractStatement on hostile pages', () => {
  it('reads a list of 5,000 items, every one', () => {
    const items = Array.from({ length: 5000 }, (_, i) => `<li>Ensure that programme ${i + 1} is funded;</li>`).join('');
    const { recommendations } = extract(`<p>Canada recommends that Kazakhstan:</p><ol>${items}</ol>`);
    expect(recommendations).toHaveLength(5000);
    expect(recommendations[4999]!.text).toBe('Ensure that programme 5000 is funded');
    expect(recommendations[4999]!.range.toString()).toBe('Ensure that programme 5000 is funded');
  }, 60_000);

  it('gets through a 2 MB paragraph of lead-ins without a full stop', () => {
    // Each "recommends" here has a body as its subject and is skipped; none may rescan the paragraph from its start.
    const { recommendations, ms } = extract(`<p>${'The committee recommends more work and '.repeat(50_000)}</p>`);
    expect(recommendations).toEqual([]);
    expect(ms).toBeLessThan(10_000);
  }, 60_000);

  it('reads a page whose one text node is 5 MB', () => {
    const { recommendations, page } = extract(`<p>Canada recommends that Kazakhstan:</p><ol><li>Ratify the Convention.</li></ol><p>${'budget '.repeat(700_000)}</p>`);
    expect(recommendations.map((r) => r.text)).toEqual(['Ratify the Convention.']);
    expect([page.recommendingStateCode, page.stateUnderReviewCode, page.session]).toEqual(['CAN', 'KAZ', 34]);
  }, 60_000);

  it('reads items nested 400 elements deep', () => {
    const deep = `${'<div>'.repeat(400)}<p>Ratify the Convention against Torture.</p>${'</div>'.repeat(400)}`;
    const { recommendations } = extract(`<p>We recommend that Kazakhstan:</p>${deep}`);
    expect(recommendations.map((r) => r.text)).toEqual(['Ratify the Convention against Torture.']);
  });

  it('drops soft hyphens and zero-width characters from texts, and reads no-break spaces as spaces', () => {
    const { recommendations, page } = extract(
      '<p>Canada\u00a0recommends\u00a0that\u00a0Kazakhstan:</p><ul><li>Guar\u00adantee the inde\u200bpendence of\u00a0judges;</li><li>\ufeffRepeal\u2060 article 174.</li></ul>',
    );
    expect(recommendations.map((r) => r.text)).toEqual(['Guarantee the independence of judges', 'Repeal article 174.']);
    expect(page.stateUnderReviewCode).toBe('KAZ');
  });

  it('finds nothing, and does not throw, on an empty or text-free page', () => {
    expect(extract('').recommendations).toEqual([]);
    expect(extract('<div><img alt=""><br><hr></div>').recommendations).toEqual([]);
  });
});
