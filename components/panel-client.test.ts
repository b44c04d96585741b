// The panel's client, between the panel and the annotator in its page: a highlight clicked in the first instant
// after the panel's frame loaded (the port is there, the panel not yet listening) still selects in the panel.
import { afterEach, describe, expect, it } from 'vitest';
import { panelPortOffer } from '@/utils/frame-guard';
import { createPortRpc, fromMessagePort, PAGE_TO_PANEL, PANEL_TO_PAGE } from '@/utils/messages';
import { createPanelClient, type PanelEventHandlers } from './panel-client';

const TOKEN = 'a'.repeat(32);
const channels: MessageChannel[] = [];
afterEach(() => channels.splice(0).forEach((c) => (c.port1.close(), c.port2.close())));

function framedPanel() {
  const parent = {};
  const listeners: ((event: MessageEvent) => void)[] = [];
  const win = {
    parent,
    addEventListener: (_type: string, listener: (event: MessageEvent) => void) => listeners.push(listener),
    removeEventListener: () => {},
  } as unknown as Window;
  const runtime = {
    id: 'ext',
    getURL: (path: string) => `chrome-extension://ext${path}`,
    sendMessage: () => Promise.resolve(undefined),
    onMessage: { addListener: () => {}, removeListener: () => {} },
    connect: () => {
      throw new Error('no drafts here');
    },
  } as unknown as Parameters<typeof createPanelClient>[0];
  const client = createPanelClient(runtime, { win, token: TOKEN });
  // The annotator hands the frame one end of a channel, as on the frame's load.
  const channel = new MessageChannel();
  channels.push(channel);
  for (const listener of listeners) listener({ source: parent, data: panelPortOffer(TOKEN), ports: [channel.port2] } as unknown as MessageEvent);
  const page = createPortRpc(fromMessagePort(channel.port1), { sends: PAGE_TO_PANEL, accepts: PANEL_TO_PAGE, handlers: { mounted: () => true, shown: () => true, focus: () => null, correct: () => null, noted: () => null } });
  return { client, page };
}

const handlers = (selected: number[]): PanelEventHandlers => ({ selected: (n) => selected.push(n), noteChanged: () => {}, pageUpdated: () => {}, dataChanged: () => {} });
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the panel client', () => {
  it('hands the panel the selection its page made before the panel listened, then each new one as it comes', async () => {
    const { client, page } = framedPanel();
    expect(await client.isMountedBy(TOKEN)).toEqual({ ok: true, value: true });
    page.notify('selected', { n: 4 });
    page.notify('selected', { n: 7 });
    await tick();
    const selected: number[] = [];
    client.subscribe(handlers(selected));
    expect(selected).toEqual([7]);
    page.notify('selected', { n: 9 });
    await tick();
    expect(selected).toEqual([7, 9]);
    // Handed once: a second panel listening later is not sent back to an old selection.
    const later: number[] = [];
    client.subscribe(handlers(later));
    expect(later).toEqual([]);
  });

  it('hands a panel that listens late the long statement its page is storing, and no longer once it is stored', async () => {
    const { client, page } = framedPanel();
    expect(await client.isMountedBy(TOKEN)).toEqual({ ok: true, value: true });
    const meta = { title: 'Finland', recommendingState: null, recommendingStateCode: null, stateUnderReview: 'Finland', stateUnderReviewCode: 'FIN', session: 41, cycle: 4, date: null, language: 'en' };
    const reading = { url: 'https://www.example.gov/upr41/finland', meta, recommendations: [{ n: 1, text: 'Adopt measure 1.' }, { n: 2, text: 'Adopt measure 2.' }] };
    page.notify('storing', { storing: true });
    page.notify('reading', reading);
    await tick();
    const told: { storing: boolean[]; readings: number[][] } = { storing: [], readings: [] };
    const listening = (): PanelEventHandlers => ({
      ...handlers([]),
      pageStoring: (storing) => told.storing.push(storing),
      pageReading: (read) => told.readings.push(read.recommendations.map((r) => r.n)),
    });
    client.subscribe(listening());
    expect(told).toEqual({ storing: [true], readings: [[1, 2]] });
    page.notify('storing', { storing: false });
    await tick();
    expect(told.storing).toEqual([true, false]);
    // A panel listening after the storing ended loads what was stored: no reading is handed to it.
    const after = { storing: [] as boolean[], readings: [] as number[][] };
    client.subscribe({ ...handlers([]), pageStoring: (s) => after.storing.push(s), pageReading: (read) => after.readings.push(read.recommendations.map((r) => r.n)) });
    expect(after).toEqual({ storing: [], readings: [] });
  });

  it('hands the panel an addition made from the page’s context menu, to undo, or why it could not be made', async () => {
    const { client, page } = framedPanel();
    expect(await client.isMountedBy(TOKEN)).toEqual({ ok: true, value: true });
    const told: unknown[] = [];
    client.subscribe({ ...handlers([]), pageAdded: (done) => told.push(done) });
    page.notify('added', { step: 's0123456789abcdef01234567' });
    page.notify('added', { refused: 'Select text inside the statement to add it.' });
    await tick();
    expect(told).toEqual([{ step: 's0123456789abcdef01234567' }, { refused: 'Select text inside the statement to add it.' }]);
  });
});
