// Every labelled page in Chromium with the built extension — the project's own tests/pages always, ../shared/fixtures
// when it is beside the clone: on each statement whose text is complete, exactly its recommendations are highlighted
// (French, Spanish, inline and several-statements pages included); on each look-alike, nothing at all.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPath } from '../tests/shared-data.test-support';
import { highlightCount, highlightedTexts, launch, ROOT, type Session, waitForHighlight } from './support/extension';

interface Label {
  url: string;
  file: string;
  kind: 'statement' | 'negative';
  language?: string;
  layout?: string;
  recommendationsComplete?: boolean;
  expected: null | { recommendations: string[] };
}

const SETS = [
  { name: 'tests/pages', dir: join(ROOT, 'tests/pages') },
  { name: '../shared/fixtures', dir: sharedPath('fixtures', 'the shared development pages in the browser') },
].flatMap((set) => (set.dir ? [{ name: set.name, dir: set.dir }] : []));

function readLabels(dir: string) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), label: JSON.parse(readFileSync(join(dir, f), 'utf8')) as Label }));
}

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
  for (const { dir } of SETS) for (const { label } of readLabels(dir)) session.serve(label.url, readFileSync(join(dir, label.file), 'utf8'));
});
afterAll(async () => {
  await session?.close();
});

describe.each(SETS)('the labelled pages of $name in the browser', ({ dir }) => {
  const labels = readLabels(dir);
  const statements = labels.filter(({ label }) => label.kind === 'statement' && label.recommendationsComplete !== false);
  const negatives = labels.filter(({ label }) => label.kind === 'negative');

  it('has French, inline and list statements among them, and at least ten look-alikes', () => {
    expect(statements.some(({ label }) => label.language === 'fr')).toBe(true);
    expect(statements.some(({ label }) => label.layout === 'inline')).toBe(true);
    expect(statements.some(({ label }) => label.layout === 'ol' || label.layout === 'ul')).toBe(true);
    expect(negatives.length).toBeGreaterThanOrEqual(10);
  });

  it.each(statements.map((s) => [s.name, s.label] as const))('%s: highlights exactly its recommendations', async (_name, label) => {
    const page = await session.context.newPage();
    await page.goto(label.url);
    const expected = label.expected!.recommendations;
    await waitForHighlight(page, expected.length);
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
    const found = await Promise.all(pages.map(async (p) => (await highlightCount(p)) + (await p.locator('upr-annotator-panel').count())));
    expect(Object.fromEntries(negatives.map(({ name }, i) => [name, found[i]]))).toEqual(Object.fromEntries(negatives.map(({ name }) => [name, 0])));
    await Promise.all(pages.map((p) => p.close()));
  });
});
