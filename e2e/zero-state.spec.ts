// Never a silent zero, in Chromium: on a statement whose recommendations extraction does not read (cards in a grid,
// apart from their lead-in), the panel says so in words, offers the likeliest passages with "Add as a
// recommendation", and invites "Add the text selected on the page"; an accepted passage is highlighted, listed,
// and still there after a reload.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, highlightCount, highlightedTexts, launch, type LaunchOptions, panelFrame, ROOT, type Session, waitForHighlight } from './support/extension';

const URL = 'https://www.japan-geneva.example.test/upr/49/turkiye-statement.html';
const HTML = readFileSync(join(ROOT, 'e2e/pages/unusual-layout-statement.html'), 'utf8');
const FIRST = 'Strengthen the independence of the judiciary in line with its judicial reform strategy;';
const SECOND = 'Ensure that journalists and human rights defenders can work without fear of detention;';
const SHOTS = process.env.UPR_SCREENSHOTS;

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

const candidateTexts = (panel: Awaited<ReturnType<typeof panelFrame>>) => panel.$$eval('.candidate-text', (els) => els.map((el) => el.textContent?.trim()));

/** The statement open in a tab, and its panel once it offers passages. */
async function openStatement(options: LaunchOptions = {}) {
  const s = (session = await launch(options));
  s.serve(URL, HTML);
  const page = await s.context.newPage();
  await page.goto(URL);
  const panel = await panelFrame(page, s.extensionId);
  await panel.waitForSelector('.candidate-accept');
  return { page, panel, s };
}

describe('a statement with no recommendation found', () => {
  it('says so, offers the likeliest passages, and keeps one accepted with a click', async () => {
    const opened = await openStatement();
    const { page, s } = opened;
    let panel = opened.panel;
    expect(await highlightCount(page)).toBe(0);
    expect(await panel.textContent('.zero-title')).toBe('No recommendation was found in this statement.');
    expect(await panel.textContent('.zero-candidates')).toBe('These passages look most like recommendations:');
    expect(await candidateTexts(panel)).toEqual([FIRST, SECOND]);
    expect(await panel.textContent('.zero-add-selection')).toBe('Add the text selected on the page');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'zero-state.png') });

    // One click: the passage becomes a recommendation, highlighted on the page and listed in the panel.
    await panel.locator('.candidate', { hasText: FIRST }).locator('.candidate-accept').click();
    await waitForHighlight(page, 1);
    expect(Object.values(await highlightedTexts(page))).toEqual([FIRST]);
    await panel.waitForFunction(() => document.querySelectorAll('.recs .rec').length === 1);
    expect(await panel.textContent('.recs .rec .rec-text bdi')).toBe(FIRST);
    // The passages not yet accepted are still offered below the list.
    await panel.waitForFunction((first) => ![...document.querySelectorAll('.candidate-text')].some((el) => el.textContent?.trim() === first), FIRST);
    expect(await candidateTexts(panel)).toEqual([SECOND]);
    expect(await panel.textContent('.candidates-more h2')).toBe('Other passages that look like recommendations');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'zero-state-accepted.png') });

    await page.reload();
    await waitForHighlight(page, 1);
    expect(Object.values(await highlightedTexts(page))).toEqual([FIRST]);
    panel = await panelFrame(page, s.extensionId);
    await panel.waitForSelector('.recs .rec');
    expect(await panel.$$eval('.recs .rec .rec-text bdi', (els) => els.map((el) => el.textContent))).toEqual([FIRST]);
  });

  it('says so in French', async () => {
    const { panel } = await openStatement({ locale: 'fr-FR' });
    expect(await panel.textContent('.zero-title')).toBe('Aucune recommandation n’a été trouvée dans cette déclaration.');
    expect(await panel.textContent('.candidate-accept')).toBe('Ajouter comme recommandation');
  });

  it.each(['light', 'dark'] as const)('passes axe-core in %s mode', async (colorScheme) => {
    const { panel } = await openStatement({ colorScheme });
    expect(await axeViolations(panel)).toEqual([]);
  });
});
