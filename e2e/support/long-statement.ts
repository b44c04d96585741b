// A statement of thousands of recommendations for the long-page specs (Chromium and Firefox): the project's Canada →
// Kazakhstan page with its list replaced by `count` distinct items, and what the worker holds of it.
import type { Frame } from 'playwright-core';
import { projectPage } from './extension';

const seed = projectPage('canada-kazakhstan-upr34');

/** The page's recommendations, as a selector of their list items. */
export const LONG_ITEMS = 'main ol li';

/** The words of recommendation n (from 1). */
export const longRecText = (n: number): string => `Adopt measure ${n} to protect the rights of every person held in detention.`;

/** The page's address and its HTML with `count` recommendations. */
export function longStatement(count: number): { url: string; html: string } {
  const items = Array.from({ length: count }, (_, i) => `<li>${longRecText(i + 1)}</li>`).join('\n');
  return { url: seed.url, html: seed.html.replace(/<ol>\s*<li>Amend[\s\S]*?<\/ol>/, `<ol>\n${items}\n</ol>`) };
}

/** What the worker holds for a page (all pages without one), asked from the panel: each record's n, sorted, and the notes' words. */
export const storedFor = (panel: Frame, pageUrl?: string): Promise<{ ns: number[]; notes: string[] }> =>
  panel.evaluate(async (url) => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ value: { recommendations: { n: number }[]; notes: { body: string }[] } }> } } }).chrome;
    const answer = await api.runtime.sendMessage({ upr: 1, type: 'data.export', payload: url === undefined ? {} : { pageUrl: url } });
    return { ns: answer.value.recommendations.map((r) => r.n).sort((a, b) => a - b), notes: answer.value.notes.map((n) => n.body) };
  }, pageUrl);
