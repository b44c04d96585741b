// The extension's own face in Chromium: the toolbar button counts the recommendations of the statement in its tab
// and says nothing elsewhere, and the manifest's name, shortcuts and button speak the browser's language.
import { afterEach, describe, expect, it } from 'vitest';
import { launch, projectPage, type Session, waitForHighlight } from './support/extension';

const seed = projectPage('canada-kazakhstan-upr34');
const other = projectPage('neg-canada-passport');

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

interface ButtonState {
  text: string;
  title: string;
}

/** The toolbar button as the user sees it for the tab showing `url`: its badge and its tooltip. */
async function buttonFor(s: Session, url: string): Promise<ButtonState> {
  const worker = await s.worker();
  return worker.evaluate(async (pageUrl) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]> }; action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> } } }).chrome;
    const tab = (await api.tabs.query({})).find((t) => t.url === pageUrl);
    if (!tab) throw new Error(`no tab shows ${pageUrl}`);
    return { text: await api.action.getBadgeText({ tabId: tab.id }), title: await api.action.getTitle({ tabId: tab.id }) };
  }, url);
}

async function waitForButton(s: Session, url: string, want: ButtonState): Promise<ButtonState> {
  let last: ButtonState = { text: '?', title: '?' };
  for (let i = 0; i < 50; i += 1) {
    last = await buttonFor(s, url);
    if (last.text === want.text && last.title === want.title) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  return last;
}

describe('the toolbar button', () => {
  it('shows the number of recommendations on a statement page, and nothing on other pages', async () => {
    session = await launch();
    session.serve(seed.url, seed.html);
    session.serve(other.url, other.html);
    const statement = await session.context.newPage();
    await statement.goto(seed.url);
    await waitForHighlight(statement, 3);
    expect(await waitForButton(session, seed.url, { text: '3', title: 'UPR Annotator: 3 recommendations on this page' })).toEqual({
      text: '3',
      title: 'UPR Annotator: 3 recommendations on this page',
    });

    const elsewhere = await session.context.newPage();
    await elsewhere.goto(other.url);
    await elsewhere.waitForLoadState('load');
    await elsewhere.waitForTimeout(1500); // past the detector's look
    expect(await buttonFor(session, other.url)).toEqual({ text: '', title: 'UPR Annotator' });

    // The statement's tab moves on to another page: its count goes with it.
    await statement.goto(other.url);
    await statement.waitForLoadState('load');
    const tabs = await (await session.worker()).evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> }; action: { getBadgeText(d: object): Promise<string> } } }).chrome;
      return Promise.all((await api.tabs.query({})).map((t) => api.action.getBadgeText({ tabId: t.id })));
    });
    expect(tabs.filter((t) => t !== '')).toEqual([]);
  });
});

describe('the manifest in the browser’s language', () => {
  it.each([
    ['en-GB', 'Go to the next recommendation', 'UPR Annotator', /^Finds, highlights and annotates/],
    ['fr-FR', 'Aller à la recommandation suivante', 'UPR Annotator', /^Trouve, surligne et annote/],
  ])('%s: name, description, shortcuts and button tooltip', async (locale, next, name, description) => {
    session = await launch({ locale });
    const worker = await session.worker();
    const seen = await worker.evaluate(async () => {
      const api = (globalThis as unknown as {
        chrome: {
          commands: { getAll(): Promise<{ name: string; description: string }[]> };
          management: { getSelf(): Promise<{ name: string; description: string; icons?: { size: number }[] }> };
          action: { getTitle(d: object): Promise<string> };
        };
      }).chrome;
      const [commands, self, title] = await Promise.all([api.commands.getAll(), api.management.getSelf(), api.action.getTitle({})]);
      return { next: commands.find((c) => c.name === 'next-recommendation')?.description, name: self.name, description: self.description, icons: (self.icons ?? []).map((i) => i.size), title };
    });
    expect(seen.next).toBe(next);
    expect(seen.name).toBe(name);
    expect(seen.description).toMatch(description);
    expect(seen.title).toBe('UPR Annotator');
    expect(seen.icons).toEqual(expect.arrayContaining([16, 48, 128]));
  });
});
