import { describe, expect, it, vi } from 'vitest';
import { envelope, PROTOCOL_VERSION } from './envelope';
import { DEFAULT_SETTINGS, type Note } from '@/utils/model';
import { createRouter, RequestError, type Handlers, type Sender } from './server';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const fromPanel: Sender = { id: ID, url: `${ORIGIN}panel.html`, tab: { id: 7, url: 'https://example.gov/statement' } };
const fromContent: Sender = { id: ID, url: 'https://example.gov/statement', tab: { id: 7, url: 'https://example.gov/statement' }, frameId: 0 };

const recId = `r${'a'.repeat(24)}`;
const note = (recommendationId: string | null, body: string): Note => ({
  id: `n${'a'.repeat(24)}`,
  recommendationId,
  pageUrl: null,
  body,
  tags: [],
  status: 'none',
  createdAt: 1,
  updatedAt: 1,
  deletedAt: null,
});

const importSummary = () => {
  const none = { pages: 0, recommendations: 0, notes: 0 };
  return { kind: 'backup' as const, added: none, updated: none, unchanged: none, conflicts: 0, settingChanges: [], applied: false };
};

function router(overrides: Partial<Handlers> = {}) {
  const handlers: Handlers = {
    'page.annotate': vi.fn(async () => ({ injected: true })),
    'page.stored': vi.fn(async () => ({ recommendations: [], rejected: [] })),
    'page.capture': vi.fn(async () => ({ recommendations: [] })),
    'panel.load': vi.fn(async () => ({ tabId: 7, page: null, recommendations: [], orphans: [], corrected: [], pageNote: null, tags: [], earlierSummary: null })),
    'note.save': vi.fn(async ({ target, patch }) => note('recommendationId' in target ? target.recommendationId : null, patch.body ?? '')),
    'note.delete': vi.fn(async () => note(recId, 'x')),
    'note.restore': vi.fn(async () => note(recId, 'x')),
    'tags.list': vi.fn(async () => ['labour']),
    'data.export': vi.fn(async () => ({ pages: [], recommendations: [], notes: [], settings: DEFAULT_SETTINGS })),
    'data.page': vi.fn(async () => ({ pages: [], recommendations: [], notes: [], next: null })),
    'data.import': vi.fn(async () => importSummary()),
    'data.importBegin': vi.fn(async () => ({ session: '00000000-0000-4000-8000-000000000000' })),
    'data.importPart': vi.fn(async () => ({ received: { pages: 0, recommendations: 0, notes: 0 } })),
    'data.importCommit': vi.fn(async () => importSummary()),
    'data.importCancel': vi.fn(async () => ({ released: true })),
    'data.deleteAll': vi.fn(async () => null),
    'dataset.import': vi.fn(async () => ({ added: 0, updated: 0, skipped: [], skippedCount: 0 })),
    'popup.status': vi.fn(async () => ({ site: null, annotated: false, page: null, recommendations: 0, notes: 0, detection: null, disabledHere: false, knownHostsOnly: false, knownHost: false })),
    'popup.annotate': vi.fn(async () => ({ injected: true })),
    'popup.toggle': vi.fn(async () => null),
    'page.correct': vi.fn(async () => ({ step: 'c1' })),
    'rec.reject': vi.fn(async () => ({ step: 'c1' })),
    'page.acceptCandidate': vi.fn(async () => ({ step: 'c1' })),
    'page.correctMeta': vi.fn(async () => ({ step: 'c1' })),
    'page.revert': vi.fn(async () => null),
    'page.storeNow': vi.fn(async () => null),
    ...overrides,
  };
  const log = vi.fn();
  return { handlers, log, route: createRouter(handlers, { extensionId: ID, extensionOrigin: ORIGIN, log }) };
}


describe('createRouter', () => {
  it('answers a valid request with its handler value', async () => {
    const { route } = router();
    await expect(route(envelope('note.save', { target: { recommendationId: recId }, patch: { body: 'hello' } }), fromPanel)).resolves.toMatchObject({
      ok: true,
      value: { recommendationId: recId, body: 'hello' },
    });
  });

  it('tells a script from an older build to reload the page', async () => {
    const { route, handlers } = router();
    const answer = await route({ upr: PROTOCOL_VERSION - 1, type: 'panel.load', payload: {} }, fromPanel);
    expect(answer).toMatchObject({ ok: false, error: { code: 'protocol', message: expect.stringMatching(/reload this page/i) } });
    expect(handlers['panel.load']).not.toHaveBeenCalled();
  });

  it.each([
    ['a web page script (another extension id)', { ...fromContent, id: 'otherextension' }],
    ['a content script asking for notes', fromContent],
    ['a sender without id', { url: fromPanel.url }],
  ])('refuses note requests from %s', async (_what, sender) => {
    const { route, handlers } = router();
    await expect(route(envelope('panel.load', {}), sender as Sender)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers['panel.load']).not.toHaveBeenCalled();
  });

  it('refuses popup requests from a content script, so a page cannot have itself annotated or toggled', async () => {
    const { route, handlers } = router();
    await expect(route(envelope('popup.annotate', { tabId: 7 }), fromContent)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers['popup.annotate']).not.toHaveBeenCalled();
  });

  it('takes a backup’s parts from extension pages only, each record checked as the backup reader checks it', async () => {
    const { route, handlers } = router();
    const session = '00000000-0000-4000-8000-000000000000';
    const begin = { total: { pages: 0, recommendations: 0, notes: 1 } };
    for (const [type, payload] of [['data.importBegin', begin], ['data.importPart', { session, notes: [note(recId, 'x')] }], ['data.importCommit', { session, apply: true }]] as const) {
      await expect(route(envelope(type, payload), fromContent)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(handlers[type]).not.toHaveBeenCalled();
    }
    await expect(route(envelope('data.importPart', { session, notes: [note(recId, 'x')] }), fromPanel)).resolves.toMatchObject({ ok: true });
    const hostile = [{ ...note(recId, 'x'), createdAt: 9e15 }, { ...note(recId, 'x'), extra: 1 }, { ...note(recId, 'x'), tags: Array(101).fill('t') }];
    for (const bad of hostile) await expect(route(envelope('data.importPart', { session, notes: [bad] }), fromPanel)).resolves.toMatchObject({ ok: false, error: { code: 'invalid' } });
    await expect(route(envelope('data.importBegin', { total: { pages: 0, recommendations: 400_001, notes: 0 } }), fromPanel)).resolves.toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(handlers['data.importPart']).toHaveBeenCalledTimes(1);
  });

  it('refuses a capture from an extension page: only content scripts speak for pages', async () => {
    const { route } = router();
    const capture = { url: 'https://example.gov/s', meta: {}, recommendations: [] };
    await expect(route(envelope('page.capture', capture), fromPanel)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it.each([
    ['a wrong id', { target: { recommendationId: '../../etc' }, patch: { body: 'x' } }],
    ['a missing target', { patch: { body: 'x' } }],
    ['a body that is not text', { target: { recommendationId: recId }, patch: { body: { $where: 1 } } }],
    ['a 200 000-character note', { target: { recommendationId: recId }, patch: { body: 'x'.repeat(200_000) } }],
    ['an unknown status', { target: { recommendationId: recId }, patch: { status: 'urgent' } }],
    ['a page note for a file: URL', { target: { pageUrl: 'file:///etc/passwd' }, patch: { body: 'x' } }],
    ['tags that are not text', { target: { recommendationId: recId }, patch: { tags: [1, 2] } }],
  ])('drops a malformed note.save with %s, with a logged reason', async (_what, payload) => {
    const { route, handlers, log } = router();
    await expect(route({ upr: PROTOCOL_VERSION, type: 'note.save', payload }, fromPanel)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(handlers['note.save']).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });

  it.each([
    ['without the confirmation', {}],
    ['with another confirmation', { confirm: 'yes' }],
  ])('refuses to delete everything %s', async (_what, payload) => {
    const { route, handlers } = router();
    await expect(route({ upr: PROTOCOL_VERSION, type: 'data.deleteAll', payload }, fromPanel)).resolves.toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(handlers['data.deleteAll']).not.toHaveBeenCalled();
  });

  it('refuses an import larger than 32 M characters before any handler sees it', async () => {
    const { route, handlers } = router();
    const text = 'x'.repeat(32 * 1024 * 1024 + 1);
    await expect(route({ upr: PROTOCOL_VERSION, type: 'data.import', payload: { text, apply: false } }, fromPanel)).resolves.toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(handlers['data.import']).not.toHaveBeenCalled();
  });

  it('ignores messages that are not requests, so events pass through to their listeners', () => {
    const { route } = router();
    expect(route({ upr: PROTOCOL_VERSION, event: 'page.selected', payload: { n: 1 } }, fromContent)).toBeUndefined();
    expect(route('hello', fromContent)).toBeUndefined();
  });

  it('refuses unknown request types, including inherited property names', async () => {
    const { route } = router();
    await expect(route({ upr: PROTOCOL_VERSION, type: 'constructor', payload: {} }, fromPanel)).resolves.toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('turns a failing handler into an error result the UI can show', async () => {
    const { route } = router({
      'note.save': async () => {
        throw new RequestError('storage', 'Your note could not be saved: quota exceeded');
      },
    });
    await expect(route(envelope('note.save', { target: { recommendationId: recId }, patch: { body: 'x' } }), fromPanel)).resolves.toEqual({
      ok: false,
      error: { code: 'storage', message: 'Your note could not be saved: quota exceeded' },
    });
  });
});
