// The background's handlers as the panel, the dashboard and the annotator call them: through the router, over
// fake-indexeddb, with the extension API faked where it reaches tabs. What users see of each: the write is stored,
// and every open panel and dashboard is told what changed (so none goes on showing deleted or stale records).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openUprDb } from '@/utils/db';
import { capture, selector, SESSION_PAGE } from '@/utils/db/capture.test-support';
import { buildBackup, parseBackup, serializeBackup, type BackupData } from '@/utils/export';
import { draftKey, envelope, type DataChange, type PanelData, type Result } from '@/utils/messages';
import { CAPTURE_BATCH, DEFAULT_SETTINGS, type PageCapture, type Settings, type StoredRecommendation } from '@/utils/model';
import { SITE_CAPTURES_PER_HOUR, SITE_CAPTURES_PER_MINUTE } from './capture-budget';
import { CROSSREF_CACHE_FORMAT, openCrossrefCache } from './crossref-cache';
import { createFileImporter } from '@/components/dashboard/backup-import';
import { IMPORT_BATCH, IMPORT_INTERRUPTED } from './data';
import { createBackground, type ExtensionApi } from './index';

const PAGE = 'https://www.international.gc.ca/upr/kazakhstan-34.html';
const OTHER_PAGE = 'https://www.gov.uk/government/speeches/upr-34-kazakhstan';
const ORIGIN = `chrome-extension://${fakeBrowser.runtime.id}/`;
const FIREFOX_ORIGIN = 'moz-extension://3f0b6a52-6c1e-4f7a-9d2b-5a8e1c4d7b90/';
/** The annotator in tab `tabId` showing `url`, and the panel frame inside it. */
const annotatorIn = (tabId: number, url: string) => ({ id: fakeBrowser.runtime.id, url, frameId: 0, tab: { id: tabId, url } });
const panelIn = (tabId: number, url: string) => ({ id: fakeBrowser.runtime.id, url: `${ORIGIN}panel.html`, frameId: 3, tab: { id: tabId, url } });
const dashboard = { id: fakeBrowser.runtime.id, url: `${ORIGIN}dashboard.html`, tab: { id: 40, url: `${ORIGIN}dashboard.html` } };

let dbCount = 0;
interface SetUpOptions {
  /** The databases of an earlier background (a worker Chromium stopped and started again); fresh ones by default. */
  names?: { db: string; cache: string };
  /** Counts each read of stored recommendations by state under review (what rebuilding the index reads). */
  onStateRead?: () => void;
  /** Keep the fake browser's state (its session storage): the same browser, a new worker. */
  reset?: boolean;
  /** The extension's origin (`moz-extension://…/` for Firefox); Chromium's by default. */
  origin?: string;
  /** Told each cross-reference part stored in the cache, with its number of records. */
  onPartStored?: (state: string, records: number) => void;
}
function setUp(openTabs: { id: number; url: string }[] = [], options: SetUpOptions = {}) {
  if (options.reset !== false) fakeBrowser.reset();
  let settings: Settings = { ...DEFAULT_SETTINGS };
  const broadcast: unknown[] = [];
  const tabCommands: { tabId: number; command: string }[] = [];
  /** Everything sent to a tab, with the frame it was sent to (all frames when none). */
  const toTabs: { tabId: number; message: unknown; frameId: number | undefined }[] = [];
  const { origin } = options;
  if (origin) vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => origin + path.replace(/^\//, ''));
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => void broadcast.push(message));
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number, message: unknown, sendOptions?: { frameId?: number }) => {
    tabCommands.push({ tabId, command: (message as { command: string }).command });
    toTabs.push({ tabId, message, frameId: sendOptions?.frameId });
    return undefined;
  });
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => openTabs as never);
  const names = options.names ?? { db: `background-${++dbCount}`, cache: `background-cache-${dbCount}` };
  const app = createBackground({
    browser: fakeBrowser as unknown as ExtensionApi,
    settings: { getValue: async () => settings, setValue: async (next) => void (settings = next) },
    openDb: async (open) => {
      const db = await openUprDb({ ...open, name: names.db });
      const { onStateRead } = options;
      if (!onStateRead) return db;
      return new Proxy(db, {
        get(target, key) {
          const value = Reflect.get(target, key, target);
          if (key !== 'getAllFromIndex' && key !== 'getAll') return typeof value === 'function' ? value.bind(target) : value;
          return (...args: unknown[]) => {
            if (args[0] === 'recommendations' || args[0] === 'rowChunks') onStateRead();
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
    },
    openCache: async () => {
      const db = await openCrossrefCache(names.cache);
      const { onPartStored } = options;
      if (!onPartStored) return db;
      return new Proxy(db, {
        get(target, key) {
          const value = Reflect.get(target, key, target);
          if (key !== 'put') return typeof value === 'function' ? value.bind(target) : value;
          return (store: 'parts', part: { state: string; records: unknown[] }) => {
            onPartStored(part.state, part.records.length);
            return target.put(store, part as never);
          };
        },
      });
    },
  });
  const request = async <T>(type: string, payload: unknown, sender: object): Promise<T> => {
    const result = (await app.router(envelope(type, payload), sender)) as Result<T>;
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  const changes = () => broadcast.filter((m): m is { event: 'data.changed'; payload: DataChange } => (m as { event?: string }).event === 'data.changed').map((m) => m.payload);
  return { app, request, changes, tabCommands, toTabs, broadcast, names, getSettings: () => settings };
}

type Fixture = ReturnType<typeof setUp>;
const captured = async ({ request }: Fixture, url = PAGE, tabId = 1) =>
  request<{ recommendations: { n: number; id: string }[] }>('page.capture', capture(url, ['Ratify the Optional Protocol.', 'Amend the law on assembly.']), annotatorIn(tabId, url));

describe('background: every write announces what it changed', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('stores a page capture, shows it in that tab’s panel and announces the page', async () => {
    const bg = setUp();
    const { recommendations } = await captured(bg);
    expect(recommendations.map((r) => r.n)).toEqual([1, 2]);
    const panel = await bg.request<{ recommendations: { text: string }[] }>('panel.load', {}, panelIn(1, PAGE));
    expect(panel.recommendations.map((r) => r.text)).toEqual(['Ratify the Optional Protocol.', 'Amend the law on assembly.']);
    expect(bg.changes()).toEqual([{ scope: 'page', pageUrl: PAGE }]);
  });

  it('saves a note and announces it, so other panels and the dashboard show it', async () => {
    const bg = setUp();
    const { recommendations } = await captured(bg);
    const note = await bg.request<{ body: string }>('note.save', { target: { recommendationId: recommendations[0]!.id }, patch: { body: 'Ask about 2021' } }, panelIn(1, PAGE));
    expect(note.body).toBe('Ask about 2021');
    expect(bg.changes().at(-1)).toEqual({ scope: 'note', note: expect.objectContaining({ body: 'Ask about 2021', recommendationId: recommendations[0]!.id }) });
  });

  it('deletes everything, announces it, and has every open statement read again', async () => {
    const bg = setUp([
      { id: 1, url: PAGE },
      { id: 2, url: OTHER_PAGE },
    ]);
    const { recommendations } = await captured(bg);
    await bg.request('note.save', { target: { recommendationId: recommendations[0]!.id }, patch: { body: 'Mine' } }, panelIn(1, PAGE));
    await bg.request('data.deleteAll', { confirm: 'delete everything' }, dashboard);
    const exported = await bg.request<{ recommendations: unknown[]; notes: unknown[] }>('data.export', {}, dashboard);
    expect(exported.recommendations).toEqual([]);
    expect(exported.notes).toEqual([]);
    expect(bg.changes().at(-1)).toEqual({ scope: 'all' });
    expect(bg.tabCommands.filter((c) => c.command === 'refresh').map((c) => c.tabId)).toEqual([1, 2]);
  });

  it('lets no draft typed before "Delete all" bring a deleted note back', async () => {
    const bg = setUp();
    const target = { recommendationId: (await captured(bg)).recommendations[0]!.id };
    const onDisconnect: (() => void)[] = [];
    const onMessage: ((m: unknown) => void)[] = [];
    bg.app.onConnect({
      name: 'upr-drafts',
      sender: { id: fakeBrowser.runtime.id, url: `${ORIGIN}panel.html` },
      disconnect() {},
      onMessage: { addListener: (f: (m: unknown) => void) => onMessage.push(f) },
      onDisconnect: { addListener: (f: () => void) => onDisconnect.push(f) },
    } as never);
    const draft = { target, body: 'Written before the deletion', at: Date.now() };
    onMessage.forEach((f) => f({ upr: 1, draft }));
    await fakeBrowser.storage.session.set({ [draftKey(target)]: draft });
    await bg.request('note.save', { target, patch: { body: draft.body } }, panelIn(1, PAGE));
    await bg.request('data.deleteAll', { confirm: 'delete everything' }, dashboard);
    await captured(bg); // the tab reads its page again
    onDisconnect.forEach((f) => f()); // then closes
    await bg.app.flushDrafts();
    const exported = await bg.request<{ notes: unknown[] }>('data.export', {}, dashboard);
    expect(exported.notes).toEqual([]);
  });

  it('announces an applied import, never a preview', async () => {
    const bg = setUp();
    await captured(bg);
    const { crossrefCounts: _counts, ...records } = await bg.request<BackupData & { crossrefCounts?: unknown }>('data.export', {}, dashboard);
    const backup = serializeBackup(buildBackup(records, Date.now()));
    const before = bg.changes().length;
    const preview = await bg.request<{ applied: boolean }>('data.import', { text: backup, apply: false }, dashboard);
    expect(preview.applied).toBe(false);
    expect(bg.changes()).toHaveLength(before);
    await bg.request('data.import', { text: backup, apply: true }, dashboard);
    expect(bg.changes().at(-1)).toEqual({ scope: 'all' });
  });

  it('in Firefox, also sends each change to every frame of the web pages’ tabs, where a framed panel hears only its tab', async () => {
    const bg = setUp(
      [
        { id: 1, url: PAGE },
        { id: 3, url: OTHER_PAGE },
      ],
      { origin: FIREFOX_ORIGIN },
    );
    const { recommendations } = await captured(bg);
    const firefoxPanel = { ...panelIn(1, PAGE), url: `${FIREFOX_ORIGIN}panel.html` };
    await bg.request('note.save', { target: { recommendationId: recommendations[0]!.id }, patch: { body: 'Ask about 2021' } }, firefoxPanel);
    const noteEvents = () =>
      bg.toTabs.filter(({ message }) => (message as { event?: string; payload?: DataChange }).event === 'data.changed' && (message as { payload: DataChange }).payload.scope === 'note');
    await vi.waitFor(() => expect(noteEvents().map(({ tabId, frameId }) => ({ tabId, frameId }))).toEqual([{ tabId: 1, frameId: undefined }, { tabId: 3, frameId: undefined }]));
    expect(noteEvents()[0]!.message).toEqual(bg.broadcast.at(-1));
  });

  it('after a correction in one tab, announces the page and has the other tabs on it read it again', async () => {
    const bg = setUp([
      { id: 1, url: PAGE },
      { id: 2, url: `${PAGE}#upr-rec=x` },
      { id: 3, url: OTHER_PAGE },
    ]);
    const { recommendations } = await captured(bg);
    await bg.request('rec.reject', { recommendationId: recommendations[1]!.id }, panelIn(1, PAGE));
    expect(bg.changes().at(-1)).toEqual({ scope: 'page', pageUrl: PAGE });
    await vi.waitFor(() => expect(bg.tabCommands.filter((c) => c.command === 'refresh').map((c) => c.tabId).sort()).toEqual([1, 2]));
    const panel = await bg.request<{ recommendations: { text: string }[] }>('panel.load', {}, panelIn(2, PAGE));
    expect(panel.recommendations.map((r) => r.text)).toEqual(['Ratify the Optional Protocol.']);
  });

  it('lists a dismissed item with its note under Corrected, and takes the dismissal back from there', async () => {
    const bg = setUp([{ id: 1, url: PAGE }]);
    const { recommendations } = await captured(bg);
    const dismissed = recommendations[1]!;
    await bg.request('note.save', { target: { recommendationId: dismissed.id }, patch: { body: 'Still mine' } }, panelIn(1, PAGE));
    const { step } = await bg.request<{ step: string }>('rec.reject', { recommendationId: dismissed.id }, panelIn(1, PAGE));
    let panel = await bg.request<PanelData>('panel.load', {}, panelIn(1, PAGE));
    expect(panel.recommendations.map((r) => r.id)).not.toContain(dismissed.id);
    expect(panel.corrected).toEqual([expect.objectContaining({ step, kind: 'reject', removed: [expect.objectContaining({ id: dismissed.id, note: expect.objectContaining({ body: 'Still mine' }) })] })]);

    await bg.request('page.revert', { step }, panelIn(1, PAGE));
    expect(bg.changes().at(-1)).toEqual({ scope: 'page', pageUrl: PAGE });
    panel = await bg.request<PanelData>('panel.load', {}, panelIn(1, PAGE));
    expect(panel.corrected).toEqual([]);
    expect(panel.recommendations.find((r) => r.id === dismissed.id)?.note?.body).toBe('Still mine');
    await expect(bg.request('page.revert', { step }, panelIn(1, PAGE))).rejects.toThrow(/already taken back/);
  });

  it('keeps the passages a page offered, and one accepted becomes a user-added recommendation in its panel', async () => {
    const bg = setUp([{ id: 1, url: PAGE }]);
    const offered = ['Canada recommends that Kazakhstan:', 'Ratify the Optional Protocol.'].map((text, i) => ({ text, selector: selector(text, i * 100) }));
    const sources = { recommendingState: 'site identity', session: 'address' } as const;
    await bg.request('page.capture', { ...capture(PAGE, []), sources, candidates: offered }, annotatorIn(1, PAGE));
    let panel = await bg.request<PanelData>('panel.load', {}, panelIn(1, PAGE));
    expect(panel.page?.candidates?.map((c) => c.text)).toEqual(['Canada recommends that Kazakhstan:', 'Ratify the Optional Protocol.']);
    expect(panel.page?.sources).toEqual(sources);

    await bg.request('page.acceptCandidate', { text: 'Ratify the Optional Protocol.' }, panelIn(1, PAGE));
    expect(bg.changes().at(-1)).toEqual({ scope: 'page', pageUrl: PAGE });
    expect(bg.tabCommands).toContainEqual({ tabId: 1, command: 'refresh' });
    panel = await bg.request<PanelData>('panel.load', {}, panelIn(1, PAGE));
    expect(panel.recommendations.map((r) => [r.text, r.source])).toEqual([['Ratify the Optional Protocol.', 'manual']]);
    // Stored where the page offered it, as the page reads its records back (the panel's answer carries no places).
    const placed = await bg.request<{ recommendations: { text: string; selector: { position: { start: number } } }[] }>('page.stored', { url: PAGE }, annotatorIn(1, PAGE));
    expect(placed.recommendations.map((r) => [r.text, r.selector.position.start])).toEqual([['Ratify the Optional Protocol.', 100]]);
    expect(panel.recommendations[0]).not.toHaveProperty('selector');
    expect(panel.page?.candidates?.map((c) => c.text)).toEqual(['Canada recommends that Kazakhstan:']);
    // Only what the page offered: other words are refused, and nothing changes.
    await expect(bg.request('page.acceptCandidate', { text: 'Anything the panel says.' }, panelIn(1, PAGE))).rejects.toThrow(/not-found/);
    // The sources and the passages still offered travel in a backup.
    const exported = await bg.request<BackupData>('data.export', {}, dashboard);
    expect(parseBackup(serializeBackup(buildBackup(exported, Date.now()))).pages[0]).toMatchObject({ sources, candidates: [offered[0]] });
  });

  it('rebuilds the cross-references after a dataset import: the earlier cycle shows at once', async () => {
    const bg = setUp();
    await captured(bg);
    const before = await bg.request<{ recommendations: { earlier: unknown[] }[] }>('panel.load', {}, panelIn(1, PAGE));
    expect(before.recommendations[0]!.earlier).toEqual([]);
    const csv = 'Recommendation,State under review,Recommending State,Session,Response\n"Ratify the Optional Protocol",Kazakhstan,Canada,20,Supported\n';
    await bg.request('dataset.import', { text: csv, fileName: 'earlier.csv' }, dashboard);
    expect(bg.changes().at(-1)).toEqual({ scope: 'all' });
    const after = await bg.request<{ recommendations: { earlier: { session: number; repeat: boolean }[] }[] }>('panel.load', {}, panelIn(1, PAGE));
    expect(after.recommendations[0]!.earlier).toEqual([expect.objectContaining({ session: 20, repeat: true })]);
  });

  it('writes a panel’s last draft when its port closes, and announces the note', async () => {
    const bg = setUp();
    const { recommendations } = await captured(bg);
    const onMessage: ((m: unknown) => void)[] = [];
    const onDisconnect: (() => void)[] = [];
    const port = {
      name: 'upr-drafts',
      sender: { id: fakeBrowser.runtime.id, url: `${ORIGIN}panel.html` },
      disconnect: vi.fn(),
      onMessage: { addListener: (f: (m: unknown) => void) => onMessage.push(f) },
      onDisconnect: { addListener: (f: () => void) => onDisconnect.push(f) },
    };
    bg.app.onConnect(port as never);
    const target = { recommendationId: recommendations[0]!.id };
    onMessage.forEach((f) => f({ upr: 1, draft: { target, body: 'alpha beta', at: Date.now() } }));
    onMessage.forEach((f) => f({ upr: 1, draft: { target, body: 'alpha beta gamma', at: Date.now() + 1 } }));
    onDisconnect.forEach((f) => f());
    await vi.waitFor(() => expect(bg.changes().at(-1)).toEqual({ scope: 'note', note: expect.objectContaining({ body: 'alpha beta gamma' }) }));
    const panel = await bg.request<{ recommendations: { note: { body: string } | null }[] }>('panel.load', {}, panelIn(1, PAGE));
    expect(panel.recommendations[0]!.note?.body).toBe('alpha beta gamma');
  });

  it('refuses a capture for a page that is not the tab’s own, and a draft port from a page', async () => {
    const bg = setUp();
    await expect(bg.request('page.capture', capture(OTHER_PAGE, ['Ratify it.']), annotatorIn(1, PAGE))).rejects.toThrow(/^forbidden/);
    const disconnect = vi.fn();
    bg.app.onConnect({ name: 'upr-drafts', sender: { id: fakeBrowser.runtime.id, url: PAGE }, disconnect, onMessage: { addListener() {} }, onDisconnect: { addListener() {} } } as never);
    expect(disconnect).toHaveBeenCalled();
    expect(bg.changes()).toEqual([]);
  });

  it('merges two tabs’ edits of one note, and overwrites nothing where they overlap', async () => {
    const bg = setUp();
    const target = { recommendationId: (await captured(bg)).recommendations[0]!.id };
    const save = (body: string, base?: string) => bg.request<{ body: string }>('note.save', { target, patch: { body, base } }, panelIn(1, PAGE));
    await save('Ask about the budget.');
    await save('Call the ministry. Ask about the budget.', 'Ask about the budget.');
    // The second tab typed over the same stored text, at the other end.
    expect((await save('Ask about the budget. Compare with 2019.', 'Ask about the budget.')).body).toBe('Call the ministry. Ask about the budget. Compare with 2019.');
    await expect(save('Ask about something else.', 'Ask about the budget.')).rejects.toThrow(/^conflict: .*Nothing was overwritten/);
    const panel = await bg.request<{ recommendations: { note: { body: string } | null }[] }>('panel.load', {}, panelIn(1, PAGE));
    expect(panel.recommendations[0]!.note?.body).toBe('Call the ministry. Ask about the budget. Compare with 2019.');
  });

  it('writes the drafts a stopped worker left behind before the next panel loads, and only those newer than the note', async () => {
    const first = setUp();
    const [one, two] = (await captured(first)).recommendations;
    await first.request('note.save', { target: { recommendationId: one!.id }, patch: { body: 'alpha' } }, panelIn(1, PAGE));
    await first.request('note.save', { target: { recommendationId: two!.id }, patch: { body: 'saved after its draft' } }, panelIn(1, PAGE));
    // Typed while the worker was stopped, the tab closed before any save: only session storage has the words.
    await fakeBrowser.storage.session.set({
      [draftKey({ recommendationId: one!.id })]: { target: { recommendationId: one!.id }, body: 'alpha beta gamma delta epsilon', base: 'alpha', at: Date.now() + 1 },
      [draftKey({ recommendationId: two!.id })]: { target: { recommendationId: two!.id }, body: 'an older draft', at: 1 },
      [`${draftKey({ recommendationId: one!.id })}x`]: { target: 'not a draft' },
    });
    const woken = setUp([], { names: first.names, reset: false });
    const panel = await woken.request<{ recommendations: { note: { body: string } | null }[] }>('panel.load', {}, panelIn(1, PAGE));
    expect(panel.recommendations.map((r) => r.note?.body)).toEqual(['alpha beta gamma delta epsilon', 'saved after its draft']);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('keeps both texts when a closed tab’s draft overlaps what another tab saved meanwhile', async () => {
    const bg = setUp();
    const target = { recommendationId: (await captured(bg)).recommendations[0]!.id };
    await bg.request('note.save', { target, patch: { body: 'Shelters.' } }, panelIn(1, PAGE));
    await bg.request('note.save', { target, patch: { body: 'Shelters: budget cut.', base: 'Shelters.' } }, panelIn(2, PAGE));
    await bg.app.flushDrafts([{ target, body: 'Shelters: ask the ministry.', base: 'Shelters.', at: Date.now() + 1 }]);
    const panel = await bg.request<{ recommendations: { note: { body: string } | null }[] }>('panel.load', {}, panelIn(1, PAGE));
    expect(panel.recommendations[0]!.note?.body).toBe('Shelters: budget cut.\n\nShelters: ask the ministry.');
  });

  it('takes an editor’s own earlier draft, written while it typed on, as its base, not as another tab’s edit', async () => {
    const bg = setUp();
    const target = { recommendationId: (await captured(bg)).recommendations[0]!.id };
    await bg.request('note.save', { target, patch: { body: 'alpha' } }, panelIn(1, PAGE));
    // The worker woke mid-typing and wrote the draft it found; the editor typed on over the text it had.
    await bg.app.flushDrafts([{ target, body: 'alpha bet', base: 'alpha', at: Date.now(), editor: 'editor-1' }]);
    const saved = await bg.request<{ body: string }>('note.save', { target, patch: { body: 'alpha beta gamma', base: 'alpha', editor: 'editor-1' } }, panelIn(1, PAGE));
    expect(saved.body).toBe('alpha beta gamma');
    // Another editor over the same base is another tab: both words kept where they overlap is its choice to make.
    await expect(bg.request('note.save', { target, patch: { body: 'alpha omega', base: 'alpha', editor: 'editor-2' } }, panelIn(2, PAGE))).rejects.toThrow(/^conflict/);
  });
});

describe('background: a backup imported in parts', () => {
  afterEach(() => vi.restoreAllMocks());

  /** The store with a note, its backup's text, then the note edited after the backup was made. */
  async function backedUp(bg: Fixture) {
    const { recommendations } = await captured(bg);
    const target = { recommendationId: recommendations[0]!.id };
    await bg.request('note.save', { target, patch: { body: 'Written before the backup' } }, panelIn(1, PAGE));
    await bg.request('note.save', { target: { recommendationId: recommendations[1]!.id }, patch: { body: 'Second note' } }, panelIn(1, PAGE));
    const { crossrefCounts: _counts, ...records } = await bg.request<BackupData & { crossrefCounts?: unknown }>('data.export', {}, dashboard);
    const text = serializeBackup(buildBackup(records, Date.now()));
    await bg.request('note.save', { target, patch: { body: 'Edited since' } }, panelIn(1, PAGE));
    return { text, target };
  }
  const exported = (bg: Fixture) => bg.request<BackupData>('data.export', {}, dashboard);
  /** The dashboard's side: requests from the dashboard page to `bg()` (a function, so a restarted worker can take over), the types sent noted. */
  function dashboardOf(bg: () => Fixture) {
    const sent: string[] = [];
    const send = async (message: unknown) => {
      sent.push((message as { type: string }).type);
      return bg().app.router(message, dashboard);
    };
    return { sent, importFile: createFileImporter(send, 1) };
  }

  it('sends a backup a record at a time, stores nothing for the preview, and applies it without sending it again', async () => {
    const bg = setUp();
    const { text } = await backedUp(bg);
    await bg.request('data.deleteAll', { confirm: 'delete everything' }, dashboard);
    const { sent, importFile } = dashboardOf(() => bg);
    const preview = await importFile(text, false);
    expect(preview).toMatchObject({ ok: true, value: { kind: 'backup', applied: false, added: { pages: 1, recommendations: 2, notes: 2 } } });
    expect(sent.filter((type) => type === 'data.importPart')).toHaveLength(5);
    expect(await exported(bg)).toMatchObject({ pages: [], recommendations: [], notes: [] });
    sent.length = 0;
    expect(await importFile(text, true)).toMatchObject({ ok: true, value: { applied: true } });
    expect(sent).toEqual(['data.importCommit']);
    const after = await exported(bg);
    expect(after.recommendations).toHaveLength(2);
    expect(after.notes.map((n) => n.body).sort()).toEqual(['Second note', 'Written before the backup']);
  });

  it('keeps both texts of a note edited since the backup', async () => {
    const bg = setUp();
    const { text } = await backedUp(bg);
    const { importFile } = dashboardOf(() => bg);
    expect(await importFile(text, false)).toMatchObject({ ok: true, value: { conflicts: 1 } });
    await importFile(text, true);
    const notes = (await exported(bg)).notes;
    expect(notes.map((n) => n.body).sort()).toEqual(['Edited since', 'Second note', 'Written before the backup']);
    expect(notes.find((n) => n.body === 'Written before the backup')!.tags).toContain('import-conflict');
  });

  it('sends the parts again when the worker restarted between the preview and the apply', async () => {
    let bg = setUp();
    const { text } = await backedUp(bg);
    await bg.request('data.deleteAll', { confirm: 'delete everything' }, dashboard);
    const { sent, importFile } = dashboardOf(() => bg);
    await importFile(text, false);
    bg = setUp([], { names: bg.names, reset: false });
    sent.length = 0;
    expect(await importFile(text, true)).toMatchObject({ ok: true, value: { applied: true, added: { notes: 2 } } });
    expect(sent.filter((type) => type === 'data.importPart')).toHaveLength(5);
    expect((await exported(bg)).notes).toHaveLength(2);
  });

  it('stores nothing when a part is refused part-way, and says the import stopped', async () => {
    const bg = setUp();
    await backedUp(bg);
    const before = await exported(bg);
    const [first, second] = before.notes.map((n) => ({ ...n, id: `${n.id.slice(0, -1)}f`, body: `${n.body} (from the file)` }));
    const { session } = await bg.request<{ session: string }>('data.importBegin', { total: { pages: 0, recommendations: 0, notes: 2 } }, dashboard);
    await bg.request('data.importPart', { session, notes: [first] }, dashboard);
    await expect(bg.request('data.importPart', { session, notes: [{ ...second, tags: Array(101).fill('x') }] }, dashboard)).rejects.toThrow(/^invalid/);
    await expect(bg.request('data.importCommit', { session, apply: true }, dashboard)).rejects.toThrow('invalid: This import stopped before all of the file had arrived, so nothing was imported.');
    expect(await exported(bg)).toEqual(before);
    // More than announced, or a record twice across parts: refused, nothing stored.
    await expect(bg.request('data.importPart', { session, notes: [second, second] }, dashboard)).rejects.toThrow(/more notes than it announced/);
    await expect(bg.request('data.importCommit', { session, apply: true }, dashboard)).rejects.toThrow(`not-found: ${IMPORT_INTERRUPTED}`);
    const twice = (await bg.request<{ session: string }>('data.importBegin', { total: { pages: 0, recommendations: 0, notes: 2 } }, dashboard)).session;
    await bg.request('data.importPart', { session: twice, notes: [first] }, dashboard);
    await bg.request('data.importPart', { session: twice, notes: [first] }, dashboard);
    await expect(bg.request('data.importCommit', { session: twice, apply: true }, dashboard)).rejects.toThrow(/holds .* twice, so nothing was imported/);
    expect(await exported(bg)).toEqual(before);
  });

  it('lets go of a previewed backup the user cancelled: its parts are gone, and another import is untouched', async () => {
    const bg = setUp();
    await backedUp(bg);
    const before = await exported(bg);
    const notes = before.notes.map((n) => ({ ...n, id: `${n.id.slice(0, -1)}f` }));
    const total = { pages: 0, recommendations: 0, notes: notes.length };
    const { session } = await bg.request<{ session: string }>('data.importBegin', { total }, dashboard);
    await bg.request('data.importPart', { session, notes }, dashboard);
    await bg.request('data.importCommit', { session, apply: false }, dashboard);
    // A cancel naming another import changes nothing; naming this one drops its parts.
    expect(await bg.request('data.importCancel', { session: crypto.randomUUID() }, dashboard)).toEqual({ released: false });
    expect(await bg.request('data.importCancel', { session }, dashboard)).toEqual({ released: true });
    await expect(bg.request('data.importCommit', { session, apply: true }, dashboard)).rejects.toThrow(`not-found: ${IMPORT_INTERRUPTED}`);
    expect(await exported(bg)).toEqual(before);
    // Only extension pages may ask.
    await expect(bg.request('data.importCancel', { session }, annotatorIn(1, PAGE))).rejects.toThrow(/forbidden/);
  });

  it('refuses the parts of an import another one replaced', async () => {
    const bg = setUp();
    const total = { pages: 0, recommendations: 0, notes: 0 };
    const { session } = await bg.request<{ session: string }>('data.importBegin', { total }, dashboard);
    await bg.request('data.importBegin', { total }, dashboard);
    await expect(bg.request('data.importCommit', { session, apply: true }, dashboard)).rejects.toThrow(`not-found: ${IMPORT_INTERRUPTED}`);
  });
});

describe('background: the cross-reference index outlives the worker', () => {
  beforeEach(() => vi.restoreAllMocks());

  type Earlier = { text: string; session: number; response: string | null; repeat: boolean };
  const earlierOf = async (bg: Fixture) =>
    (await bg.request<{ recommendations: { earlier: Earlier[] }[] }>('panel.load', {}, panelIn(1, PAGE))).recommendations.map((r) => r.earlier);
  const datasetCsv = (response: string) =>
    `Recommendation,State under review,Recommending State,Session,Response\n"Ratify the Optional Protocol",Kazakhstan,Canada,20,${response}\n"Amend the law on assembly",Kazakhstan,Canada,20,Noted\n`;
  /** The part of the index stored for a state, once the background has written it (it does so after answering). */
  const storedPart = async (cache: string, state: string) => {
    const db = await openCrossrefCache(cache);
    try {
      return await vi.waitFor(async () => {
        const part = await db.get('parts', state);
        if (!part) throw new Error(`no stored part for ${state}`);
        return part;
      });
    } finally {
      db.close();
    }
  };
  /** Canada's first-cycle statement to Kazakhstan (UPR 6), read in tab 2. */
  const firstCycle = (bg: Fixture) => {
    const page = capture(OTHER_PAGE, ['Ratify the Optional Protocol without delay.'], 6);
    return bg.request('page.capture', { ...page, meta: { ...page.meta, cycle: 1 } }, annotatorIn(2, OTHER_PAGE));
  };
  /** A page read and a dataset imported, the panel loaded once, then the stored index part for Kazakhstan. */
  async function firstWorker() {
    const first = setUp();
    await captured(first);
    await first.request('dataset.import', { text: datasetCsv('Supported'), fileName: 'earlier.csv' }, dashboard);
    const answer = await earlierOf(first);
    await storedPart(first.names.cache, 'KAZ');
    return { first, answer };
  }

  it('answers a fresh worker’s first panel with the same cross-references without reading every record again', async () => {
    const { first, answer } = await firstWorker();
    expect(answer[0]).toEqual([expect.objectContaining({ session: 20, response: 'supported', repeat: true })]);
    let reads = 0;
    const second = setUp([], { names: first.names, onStateRead: () => reads++ });
    expect(await earlierOf(second)).toEqual(answer);
    expect(reads).toBe(0);
  });

  it('after a write never serves what the stored index said before it', async () => {
    const { first } = await firstWorker();
    // The same rows again with another answer: as many records as before, one of them changed.
    const second = setUp([], { names: first.names });
    await second.request('dataset.import', { text: datasetCsv('Noted'), fileName: 'earlier.csv' }, dashboard);
    const third = setUp([], { names: first.names });
    expect((await earlierOf(third))[0]).toEqual([expect.objectContaining({ session: 20, response: 'noted' })]);
    // A page of an earlier cycle read in another worker joins the cross-references of the next one.
    const fourth = setUp([], { names: first.names });
    await firstCycle(fourth);
    const fifth = setUp([], { names: first.names });
    expect((await earlierOf(fifth))[0]!.map((e) => e.session).sort()).toEqual([20, 6]);
  });

  it('takes back a page capture into a loaded index, and keeps it stored', async () => {
    const { first } = await firstWorker();
    await firstCycle(first);
    expect((await earlierOf(first))[0]!.map((e) => e.session).sort()).toEqual([20, 6]);
    await vi.waitFor(async () => expect((await storedPart(first.names.cache, 'KAZ')).records).toHaveLength(5));
    let reads = 0;
    const second = setUp([], { names: first.names, onStateRead: () => reads++ });
    expect((await earlierOf(second))[0]!.map((e) => e.session).sort()).toEqual([20, 6]);
    expect(reads).toBe(0);
  });

  it('rebuilds a stored index part that is damaged or of another format', async () => {
    const { first, answer } = await firstWorker();
    const db = await openCrossrefCache(first.names.cache);
    const part = await db.get('parts', 'KAZ');
    await db.put('parts', { ...part!, terms: part!.terms.map(() => 42 as unknown as string) });
    expect(await earlierOf(setUp([], { names: first.names }))).toEqual(answer);
    // Stored again, rebuilt.
    await vi.waitFor(async () => expect((await db.get('parts', 'KAZ'))?.terms).toEqual(part!.terms));
    await db.put('parts', { ...part!, format: CROSSREF_CACHE_FORMAT + 1, records: part!.records.map((r) => ({ ...r, response: null })) });
    expect(await earlierOf(setUp([], { names: first.names }))).toEqual(answer);
    db.close();
  });
});

describe('background: a dataset import reports its progress in rows', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('counts the rows read, then the rows stored, batch by batch, up to the file’s row count', async () => {
    const bg = setUp();
    const rows = IMPORT_BATCH + 1_000;
    const lines = Array.from({ length: rows }, (_, i) => `"Ratify protocol number ${i}",Kazakhstan,Canada,20,Supported`);
    const csv = `Recommendation,State under review,Recommending State,Session,Response\n${lines.join('\n')}\n`;
    const summary = await bg.request<{ added: number }>('dataset.import', { text: csv, fileName: 'big.csv' }, dashboard);
    expect(summary.added).toBe(rows);
    const events = bg.broadcast
      .filter((m): m is { event: 'import.progress'; payload: { done: number; total: number; stage: string } } => (m as { event?: string }).event === 'import.progress')
      .map((m) => m.payload);
    const read = events.filter((e) => e.stage === 'read');
    const store = events.filter((e) => e.stage === 'store');
    expect(read.at(-1)).toEqual({ stage: 'read', done: rows, total: rows });
    // The write is followed too, in more than one step, never going back.
    expect(store.map((e) => e.done)).toEqual([0, IMPORT_BATCH, rows]);
    expect(store.every((e) => e.total === rows)).toBe(true);
    expect(events.indexOf(store[0]!)).toBeGreaterThan(events.indexOf(read.at(-1)!));
  }, 60_000);
});

describe('background: records stay with the page where they were first seen', () => {
  beforeEach(() => vi.restoreAllMocks());
  const COPY = 'https://copy.example.net/statements/kazakhstan';

  it('keeps the first page as the records’ page when another site shows the same words; each panel lists them', async () => {
    const bg = setUp([{ id: 1, url: PAGE }, { id: 2, url: COPY }]);
    const first = await captured(bg);
    const copied = await captured(bg, COPY, 2);
    expect(copied.recommendations).toEqual(first.recommendations);
    const home = await bg.request<PanelData>('panel.load', {}, panelIn(1, PAGE));
    expect(home.recommendations.map((r) => [r.pageUrl, r.seenAt])).toEqual([
      [PAGE, [COPY]],
      [PAGE, [COPY]],
    ]);
    const copy = await bg.request<PanelData>('panel.load', {}, panelIn(2, COPY));
    expect(copy.recommendations.map((r) => [r.n, r.pageUrl])).toEqual([
      [1, PAGE],
      [2, PAGE],
    ]);
    // "Not a recommendation" on the copy is the copy's correction: the first page still lists it.
    await bg.request('rec.reject', { recommendationId: first.recommendations[1]!.id }, panelIn(2, COPY));
    expect((await bg.request<PanelData>('panel.load', {}, panelIn(2, COPY))).recommendations).toHaveLength(1);
    expect((await bg.request<PanelData>('panel.load', {}, panelIn(1, PAGE))).recommendations).toHaveLength(2);
  });
});

describe('background: the annotator starts as soon as it is asked for', () => {
  beforeEach(() => vi.restoreAllMocks());
  const injections = () => {
    const injected: unknown[] = [];
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async (details: unknown) => (injected.push(details), []));
    return injected;
  };

  it('injects it into the frame whose detector asked at once, not when the page has loaded its images (the browser’s default)', async () => {
    const bg = setUp([{ id: 1, url: PAGE }]);
    const injected = injections();
    await bg.request('page.annotate', {}, { ...annotatorIn(1, PAGE), frameId: 2 });
    expect(injected).toEqual([{ target: { tabId: 1, frameIds: [2] }, injectImmediately: true, files: ['/content-scripts/annotator.js'] }]);
  });

  it('annotates a page the user asks for from the toolbar at once too, marked as asked for first', async () => {
    const bg = setUp([{ id: 1, url: PAGE }]);
    const injected = injections();
    await bg.request('popup.annotate', { tabId: 1 }, { id: fakeBrowser.runtime.id, url: `${ORIGIN}popup.html` });
    expect(injected).toEqual([
      { target: { tabId: 1, frameIds: [0] }, injectImmediately: true, func: expect.any(Function) },
      { target: { tabId: 1, frameIds: [0] }, injectImmediately: true, files: ['/content-scripts/annotator.js'] },
    ]);
  });
});

describe('background: a site’s pages are stored at a bounded rate', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  const JUNK = (i: number) => `https://churn.example.com/page/${i}`;
  const storeJunk = (bg: Fixture, i: number, tabId = 5) =>
    bg.request('page.capture', capture(JUNK(i), [`Ratify treaty number ${i}.`]), annotatorIn(tabId, JUNK(i)));

  it(`refuses a site’s new page past ${SITE_CAPTURES_PER_MINUTE} in a minute, says why in its panel, and stores it when the user asks`, async () => {
    const bg = setUp();
    for (let i = 0; i < SITE_CAPTURES_PER_MINUTE; i++) await storeJunk(bg, i);
    await expect(storeJunk(bg, 999, 6)).rejects.toThrow(/^forbidden: Not stored: example\.com has had 60 pages stored in the last minute/);
    // Nothing of it is stored, and its panel says why, and until when.
    const exported = await bg.request<BackupData>('data.export', {}, dashboard);
    expect(exported.pages).toHaveLength(SITE_CAPTURES_PER_MINUTE);
    const panel = await bg.request<PanelData>('panel.load', {}, panelIn(6, JUNK(999)));
    expect(panel.notStored).toEqual({ url: JUNK(999), site: 'example.com', limit: SITE_CAPTURES_PER_MINUTE, per: 'minute', until: Date.now() + 60_000 });
    // Another site is not held back; a stored page captured again unchanged is not refused (it writes nothing).
    await captured(bg);
    await storeJunk(bg, 0);
    // A new worker (the page reloading itself does not help either) still counts.
    const again = setUp([], { names: bg.names, reset: false });
    await expect(storeJunk(again, 1000, 7)).rejects.toThrow(/^forbidden/);
    // "Store this page" in the panel: the page reads itself again, and is stored.
    await again.request('page.storeNow', {}, panelIn(6, JUNK(999)));
    expect(again.tabCommands).toEqual([{ tabId: 6, command: 'refresh' }]);
    await storeJunk(again, 999, 6);
    expect((await again.request<PanelData>('panel.load', {}, panelIn(6, JUNK(999)))).notStored).toBeNull();
    // A minute on, the site stores again.
    vi.setSystemTime(Date.now() + 60_001);
    await storeJunk(again, 1000, 7);
  });

  it('counts a batch that says it continues a reading the budget never admitted as a page of its own', async () => {
    const bg = setUp();
    for (let i = 0; i < SITE_CAPTURES_PER_MINUTE; i++) await storeJunk(bg, i);
    const sneaking = { ...capture(JUNK(999), ['Ratify treaty number 999.']), continues: true, more: true };
    await expect(bg.request('page.capture', sneaking, annotatorIn(6, JUNK(999)))).rejects.toThrow(/^forbidden/);
    expect((await bg.request<BackupData>('data.export', {}, dashboard)).recommendations).toHaveLength(SITE_CAPTURES_PER_MINUTE);
  });

  it('stores a reading whose next batch is sent before the first is answered as one capture, in order', async () => {
    const bg = setUp();
    for (let i = 0; i < SITE_CAPTURES_PER_MINUTE - 1; i++) await storeJunk(bg, i);
    const whole = capture(JUNK(999), ['Ratify treaty number 999.', 'Ratify treaty number 1000.']);
    const [first, second] = await Promise.all([
      bg.request<{ recommendations: { n: number }[] }>('page.capture', { ...whole, recommendations: whole.recommendations.slice(0, 1), more: true }, annotatorIn(6, JUNK(999))),
      bg.request<{ recommendations: { n: number }[] }>('page.capture', { ...whole, recommendations: whole.recommendations.slice(1), orphans: [], continues: true }, annotatorIn(6, JUNK(999))),
    ]);
    expect([...first.recommendations, ...second.recommendations].map((r) => r.n)).toEqual([1, 2]);
    const panel = await bg.request<PanelData>('panel.load', {}, panelIn(6, JUNK(999)));
    expect(panel.recommendations.map((r) => r.text)).toEqual(['Ratify treaty number 999.', 'Ratify treaty number 1000.']);
  });

  it(`refuses a site’s new page past ${SITE_CAPTURES_PER_HOUR} in an hour, on any of its hosts`, async () => {
    const bg = setUp();
    for (let i = 0; i < SITE_CAPTURES_PER_HOUR; i++) {
      if (i % (SITE_CAPTURES_PER_MINUTE / 2) === 0) vi.setSystemTime(Date.now() + 60_001);
      await storeJunk(bg, i);
    }
    const other = 'https://www2.churn.example.com/x';
    await expect(bg.request('page.capture', capture(other, ['Ratify.']), annotatorIn(8, other))).rejects.toThrow(/^forbidden/);
    expect((await bg.request<PanelData>('panel.load', {}, panelIn(8, other))).notStored).toMatchObject({ per: 'hour', limit: SITE_CAPTURES_PER_HOUR });
  }, 60_000);
});

describe('background: a huge statement captured in batches', () => {
  beforeEach(() => vi.restoreAllMocks());

  const BIG_PAGE = 'https://www.dfat.gov.au/upr-41-session.html';
  const TOTAL = 10_000;
  /** Australia's session page with `count` recommendations, the first third to Bahrain, then Ecuador, then Tunisia. */
  const bigSessionPage = (count: number): PageCapture => ({
    url: BIG_PAGE,
    ...structuredClone(SESSION_PAGE),
    recommendations: Array.from({ length: count }, (_, i) => {
      const text = `Adopt measure ${i + 1} of the national plan for region ${i % 17}.`;
      return { n: i + 1, text, selector: selector(text, i * 80), statement: Math.floor((i * 3) / count) };
    }),
    orphans: [],
  });
  /** As the annotator sends a reading: in batches of CAPTURE_BATCH, each saying whether more follow. */
  async function sendInBatches(bg: Fixture, whole: PageCapture, afterFirst?: () => Promise<unknown>) {
    const answered: { n: number; id: string }[] = [];
    for (let start = 0; start < whole.recommendations.length; start += CAPTURE_BATCH) {
      const recommendations = whole.recommendations.slice(start, start + CAPTURE_BATCH);
      const more = start + CAPTURE_BATCH < whole.recommendations.length;
      const batch = start === 0 ? { ...whole, recommendations, more } : { ...whole, recommendations, orphans: [], continues: true, more };
      answered.push(...(await bg.request<{ recommendations: { n: number; id: string }[] }>('page.capture', batch, annotatorIn(1, BIG_PAGE))).recommendations);
      if (start === 0) await afterFirst?.();
    }
    return answered;
  }
  const storedOn = async (bg: Fixture) => (await bg.request<{ recommendations: StoredRecommendation[] }>('data.export', {}, dashboard)).recommendations.filter((r) => r.pageUrl === BIG_PAGE);

  it('stores every recommendation of a 10,000-recommendation page once, under its own statement, and again on a reload without a duplicate', async () => {
    const bg = setUp();
    const whole = bigSessionPage(TOTAL);
    for (const visit of [1, 2]) {
      const answered = await sendInBatches(bg, whole);
      expect(answered.map((r) => r.n)).toEqual(whole.recommendations.map((r) => r.n));
      expect(new Set(answered.map((r) => r.id)).size).toBe(TOTAL);
      const stored = (await storedOn(bg)).sort((a, b) => a.n - b.n);
      expect(stored, `visit ${visit}`).toHaveLength(TOTAL);
      expect(stored.map((r) => r.id)).toEqual(answered.map((r) => r.id));
      expect(stored.map((r) => r.text)).toEqual(whole.recommendations.map((r) => r.text));
      const states = ['BHR', 'ECU', 'TUN'];
      expect(stored.every((r, i) => r.statement === whole.recommendations[i]!.statement && r.stateUnderReviewCode === states[r.statement!])).toBe(true);
      expect(stored.every((r) => r.recommendingStateCode === 'AUS' && r.session === 41 && r.cycle === 4)).toBe(true);
    }
    const panel = await bg.request<PanelData>('panel.load', {}, panelIn(1, BIG_PAGE));
    expect(panel.recommendations.map((r) => r.n)).toEqual(whole.recommendations.map((r) => r.n));
    expect(panel.page?.statements).toEqual(SESSION_PAGE.statements);
  }, 120_000);

  it('tells the panels once the last batch of a reading is stored, not at every batch', async () => {
    const bg = setUp();
    await sendInBatches(bg, bigSessionPage(4 * CAPTURE_BATCH + 7));
    expect(bg.changes()).toEqual([{ scope: 'page', pageUrl: BIG_PAGE }]);
  }, 60_000);

  it('stores the cross-reference parts of a page captured in batches once, whole, when its last batch is stored', async () => {
    const stored: [string, number][] = [];
    const bg = setUp([], { onPartStored: (state, records) => void stored.push([state, records]) });
    const whole = bigSessionPage(4 * CAPTURE_BATCH + 7);
    const perState = (state: string) => whole.recommendations.filter((r) => SESSION_PAGE.statements[r.statement!]!.stateUnderReviewCode === state).length;
    // The panel mounts once the first batch is stored: the states of its records (Bahrain) are loaded then.
    const first = await sendInBatches(bg, whole, async () => {
      await bg.request('panel.load', {}, panelIn(1, BIG_PAGE));
      await vi.waitFor(() => expect(stored).toHaveLength(1));
    });
    expect(first).toHaveLength(whole.recommendations.length);
    await vi.waitFor(() => expect(stored.at(-1)).toEqual(['BHR', perState('BHR')]));
    // The part the panel's load stored (the first batch), then the whole: nothing of a capture half-done.
    expect(stored).toEqual([
      ['BHR', CAPTURE_BATCH],
      ['BHR', perState('BHR')],
    ]);
  }, 60_000);
});
