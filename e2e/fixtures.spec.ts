// Every labelled page of ../shared/fixtures in Chromium with the built extension: on each statement whose text is
// complete, exactly its recommendations are highlighted (the French one and the inline ones included); on each
// look-alike, nothing at all.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlightedTexts, launch, SHARED_FIXTURES, type Session } from './support/extension';

interface Label {
  url: string;
  file: string;
  kind: 'statement' | 'negative';
  recommendationsComplete?: boolean;
  expected: null | { recommendations: string[] };
}

const labels = readdirSync(SHARED_FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ name: f.replace(/\.json$/, ''), label: JSON.parse(readFileSync(join(SHARED_FIXTURES, f), 'utf8')) as Label }));
const statements = labels.filter(({ label }) => label.kind === 'statement' && label.recommendationsComplete !== false);
const negatives = labels.filter(({ label }) => label.kind === 'negative');

// As the labels compare: whitespace, list markers and trailing ";" / "." / "; and" do not count.
const comparable = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(\(?\d+[.)]|[-•*])\s*/, '')
    .replace(/(;\s*and|[;.,])$/, '')
    .trim();

let session: Session;
beforeAll(async () => {
  session = await launch();
  for (const { label } of labels) session.serve(label.url, readFileSync(join(SHARED_FIXTURES, label.file), 'utf8'));
});
afterAll(async () => {
  await session?.close();
});

describe('the shared fixtures in the browser', () => {
  it('has statements in French and with inline recommendations among them', () => {
    expect(statements.map((s) => s.name)).toEqual(expect.arrayContaining(['026-france-kazakhstan-upr34-fr', '016-estonia-newzealand-upr32-inline']));
    expect(negatives.length).toBeGreaterThanOrEqual(10);
  });

  it.each(statements.map((s) => [s.name, s.label] as const))('%s: highlights exactly its recommendations', async (_name, label) => {
    const page = await session.context.newPage();
    await page.goto(label.url);
    const expected = label.expected!.recommendations;
    await page.waitForSelector(`[data-upr-rec="${expected.length}"]`, { state: 'attached' });
    const texts = await highlightedTexts(page);
    expect(Object.values(texts).map(comparable)).toEqual(expected.map(comparable));
    await page.close();
  });

  it('highlights nothing on any look-alike page', async () => {
    const pages = await Promise.all(
      negatives.map(async ({ label }) => {
        const page = await session.context.newPage();
        await page.goto(label.url);
        return page;
      }),
    );
    // Past the detector's second look (2.5 s after load).
    await pages.at(-1)!.waitForTimeout(3500);
    const found = await Promise.all(pages.map((p) => p.locator('[data-upr-rec], upr-annotator-panel').count()));
    expect(Object.fromEntries(negatives.map(({ name }, i) => [name, found[i]]))).toEqual(Object.fromEntries(negatives.map(({ name }) => [name, 0])));
  });
});
