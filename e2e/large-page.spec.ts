// A statement with more recommendations than one message carries (a session page with thousands): highlighted,
// listed and stored whole, its capture sent in batches.
import { afterEach, describe, expect, it } from 'vitest';
import { highlightedTexts, launch, openStatement, projectPage, type Session } from './support/extension';

const seed = projectPage('canada-kazakhstan-upr34');
const COUNT = 6_000;

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('a statement with 6,000 recommendations', () => {
  it('highlights, lists and stores every one of them', { timeout: 180_000 }, async () => {
    session = await launch();
    const items = Array.from({ length: COUNT }, (_, i) => `<li>Adopt measure ${i + 1} to protect the rights of every person held in detention.</li>`).join('\n');
    const html = seed.html.replace(/<ol>\s*<li>Amend[\s\S]*?<\/ol>/, `<ol>\n${items}\n</ol>`);
    const { page, panel } = await openStatement(session, seed.url, html, COUNT);
    const texts = await highlightedTexts(page);
    expect(Object.keys(texts)).toHaveLength(COUNT);
    expect(texts[COUNT]).toBe(`Adopt measure ${COUNT} to protect the rights of every person held in detention.`);
    await panel.waitForFunction((count) => document.querySelectorAll('.recs .rec').length === count, COUNT, { timeout: 120_000 });
    const stored = await panel.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ value: { recommendations: { n: number }[] } }> } } }).chrome;
      const answer = await api.runtime.sendMessage({ upr: 1, type: 'data.export', payload: {} });
      return answer.value.recommendations.map((r) => r.n).sort((a, b) => a - b);
    });
    expect(stored).toEqual(Array.from({ length: COUNT }, (_, i) => i + 1));
  });
});
