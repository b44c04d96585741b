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
});
