import { describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION } from './envelope';
import { PAGE_TO_PANEL, PANEL_TO_PAGE } from './page-port';
import { createPortRpc, type RpcPort } from './port-rpc';

/** Two ports wired to each other, as runtime.Port pairs are: a message posted on one arrives on the other. */
interface FakePort extends RpcPort {
  other: FakePort;
  arrive(m: unknown): void;
  fireGone(): void;
}

function portPair(): [FakePort, FakePort] {
  const make = (): FakePort => {
    const listeners: ((m: unknown) => void)[] = [];
    const gone: (() => void)[] = [];
    return {
      other: null as unknown as FakePort,
      postMessage(m: unknown) {
        // Structured clone, and asynchronous, like the browser's.
        const copy = structuredClone(m);
        queueMicrotask(() => this.other.arrive(copy));
      },
      arrive: (m: unknown) => listeners.forEach((l) => l(m)),
      onMessage: { addListener: (l: (m: unknown) => void) => void listeners.push(l) },
      onDisconnect: { addListener: (l: () => void) => void gone.push(l) },
      disconnect() {
        queueMicrotask(() => this.other.fireGone());
      },
      fireGone: () => gone.forEach((l) => l()),
    };
  };
  const a = make();
  const b = make();
  a.other = b;
  b.other = a;
  return [a, b];
}

function connect() {
  const [panelPort, pagePort] = portPair();
  const selected = vi.fn(() => null);
  const updated = vi.fn(() => null);
  const reading = vi.fn(() => null);
  const panelLog = vi.fn();
  const pageLog = vi.fn();
  const focus = vi.fn(() => null);
  const panel = createPortRpc(panelPort, { sends: PANEL_TO_PAGE, accepts: PAGE_TO_PANEL, handlers: { selected, updated, storing: () => null, reading, added: () => null }, log: panelLog });
  const page = createPortRpc(pagePort, {
    sends: PAGE_TO_PANEL,
    accepts: PANEL_TO_PAGE,
    handlers: {
      mounted: () => true,
      shown: () => false,
      focus,
      noted: () => null,
      correct: () => {
        throw new Error('Select the words to add on the page first.');
      },
    },
    log: pageLog,
  });
  return { panel, page, panelPort, pagePort, selected, updated, reading, focus, panelLog, pageLog };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the panel–page port', () => {
  it('answers the panel’s calls, and refusals come back as the page’s sentence', async () => {
    const { panel, focus } = connect();
    await expect(panel.call('mounted', {})).resolves.toEqual({ ok: true, value: true });
    await expect(panel.call('shown', {})).resolves.toEqual({ ok: true, value: false });
    await expect(panel.call('focus', { n: 2 })).resolves.toEqual({ ok: true, value: null });
    expect(focus).toHaveBeenCalledWith({ n: 2 });
    await expect(panel.call('correct', { command: 'add-selection' })).resolves.toEqual({
      ok: false,
      error: { code: 'invalid', message: 'Select the words to add on the page first.' },
    });
  });

  it('brings the page’s notices to the panel, and drops malformed ones with a logged reason', async () => {
    const { page, pagePort, selected, updated, panelLog } = connect();
    page.notify('selected', { n: 3 });
    page.notify('updated', {});
    await flush();
    expect(selected).toHaveBeenCalledWith({ n: 3 });
    expect(updated).toHaveBeenCalledTimes(1);

    pagePort.postMessage({ upr: PROTOCOL_VERSION, call: 'selected', payload: { n: -1 } });
    pagePort.postMessage({ upr: PROTOCOL_VERSION, call: 'selected', payload: { n: '3' } });
    pagePort.postMessage({ upr: PROTOCOL_VERSION, call: 'noteChanged', payload: { body: 'INJECTED' } });
    pagePort.postMessage({ upr: PROTOCOL_VERSION, call: 'toString', payload: {} });
    pagePort.postMessage({ upr: 0, call: 'selected', payload: { n: 3 } });
    pagePort.postMessage('selected');
    await flush();
    expect(selected).toHaveBeenCalledTimes(1);
    expect(panelLog).toHaveBeenCalledTimes(6);
    expect(panelLog.mock.calls.map(([reason]) => reason).join('\n')).toMatch(/selected:[\s\S]*unknown call "noteChanged"[\s\S]*unknown call "toString"[\s\S]*protocol version/);
  });

  it('carries a long statement’s reading to the panel whole, and drops a reading that is not one', async () => {
    const { page, pagePort, reading, panelLog } = connect();
    const meta = { title: 'Finland', recommendingState: 'Canada', recommendingStateCode: 'CAN', stateUnderReview: 'Finland', stateUnderReviewCode: 'FIN', session: 41, cycle: 4, date: null, language: 'en' };
    const recommendations = Array.from({ length: 10_000 }, (_, i) => ({ n: i + 1, text: `Adopt measure ${i + 1}.` }));
    page.notify('reading', { url: 'https://www.example.gov/upr41/finland', meta, recommendations });
    await flush();
    expect(reading).toHaveBeenCalledTimes(1);
    const [[told]] = reading.mock.calls as unknown as [[{ url: string; recommendations: { n: number; text: string }[] }]];
    expect(told.recommendations).toHaveLength(10_000);
    expect(told.recommendations[9_999]).toEqual({ n: 10_000, text: 'Adopt measure 10000.' });

    const call = (payload: unknown) => pagePort.postMessage({ upr: PROTOCOL_VERSION, call: 'reading', payload });
    const url = 'https://www.example.gov/upr41/finland';
    call({ url, meta, recommendations: [{ n: 0, text: 'Adopt.' }] });
    call({ url, meta, recommendations: [{ n: 1, text: '' }] });
    call({ url, meta, recommendations: [{ n: 1, text: 'Adopt.', statement: -1 }] });
    call({ url, meta, recommendations: [] });
    call({ url: 'javascript:alert(1)', meta, recommendations: [{ n: 1, text: 'Adopt.' }] });
    call({ url, meta: { ...meta, session: 'x' }, recommendations: [{ n: 1, text: 'Adopt.' }] });
    await flush();
    expect(reading).toHaveBeenCalledTimes(1);
    expect(panelLog).toHaveBeenCalledTimes(6);
    expect(panelLog.mock.calls.every(([reason]) => String(reason).startsWith('reading:'))).toBe(true);
  });

  it('does not take the panel’s calls from the page’s side, nor answers of another shape', async () => {
    const { page, panel, pagePort, panelPort, pageLog, focus } = connect();
    // The panel has no "focus" call: the page cannot make it scroll, nor call itself through it.
    pagePort.postMessage({ upr: PROTOCOL_VERSION, call: 'focus', id: 1, payload: { n: 1 } });
    await flush();
    expect(focus).not.toHaveBeenCalled();
    // A reply to a call never made, and a call answered in another shape.
    panelPort.postMessage({ upr: PROTOCOL_VERSION, reply: 99, ok: true, value: true });
    await flush();
    expect(pageLog).toHaveBeenCalledWith(expect.stringMatching(/reply to no call/));
    const asked = panel.call('mounted', {});
    pagePort.postMessage({ upr: PROTOCOL_VERSION, reply: 1, ok: true, value: 'yes' });
    await expect(asked).resolves.toMatchObject({ ok: false, error: { code: 'protocol' } });
    void page;
  });

  it('ends every waiting call when the other side goes', async () => {
    const { panel, page } = connect();
    const closed = vi.fn();
    void panel.closed.then(closed);
    page.close();
    await flush();
    expect(closed).toHaveBeenCalled();
    await expect(panel.call('focus', { n: 1 })).resolves.toMatchObject({ ok: false, error: { code: 'protocol' } });
  });
});
