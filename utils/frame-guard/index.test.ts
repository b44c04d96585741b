import { describe, expect, it } from 'vitest';
import { isOwnPanelMount, isPanelMount, isTopLevel, mountTokenOf, pagePortOf, panelOrigin, panelPortOffer, withMountToken } from './index';

const top = { location: {} } as unknown as Window;
(top as { top: Window; parent: Window }).top = top;
(top as { parent: Window }).parent = top;
const framed = (parent: Window, ancestors?: string[]) =>
  ({ top: parent.top, parent, location: { ancestorOrigins: ancestors && Object.assign([...ancestors], { item: (i: number) => ancestors[i] ?? null, contains: (s: string) => ancestors.includes(s) }) } }) as unknown as Window;

describe('isTopLevel', () => {
  it('is true for a top-level page only', () => {
    expect(isTopLevel(top)).toBe(true);
    expect(isTopLevel(framed(top))).toBe(false);
  });
});

describe('isPanelMount', () => {
  it.each([
    ['a frame directly in a top-level page', framed(top, ['https://gov.example']), true],
    ['a frame directly in a top-level page (no ancestorOrigins: Firefox)', framed(top), true],
    ['a top-level page', top, false],
    ['a frame in a frame', framed(framed(top, ['https://evil.example']), ['https://gov.example', 'https://evil.example']), false],
    ['a frame whose ancestors say it is nested', framed(top, ['https://gov.example', 'https://evil.example']), false],
  ])('%s: %s', (_what, win, expected) => {
    expect(isPanelMount(win as Window)).toBe(expected);
  });
});

describe('isOwnPanelMount', () => {
  const token = '0123456789abcdef0123456789abcdef';
  const panel = (hash: string) => Object.assign(framed(top, ['https://gov.example']), { location: { hash, ancestorOrigins: undefined } }) as Window;
  // The annotator's side, over the port it handed the panel: true only for the token it put in its frame's address.
  const parent = {};
  const channel = new MessageChannel();
  const offer = (data: unknown, source: unknown = parent, ports: MessagePort[] = [channel.port2]) => ({ data, source, ports });
  const annotatorOf = (own: string) => async (asked: string) => ({ ok: true as const, value: pagePortOf(offer(panelPortOffer(own)), asked, parent) !== null });

  it('is true only when the annotator in the tab vouches for the token in the address', async () => {
    const hash = new URL(withMountToken('chrome-extension://x/panel.html?select=2', token)).hash;
    expect(mountTokenOf(hash)).toBe(token);
    await expect(isOwnPanelMount(panel(hash), annotatorOf(token))).resolves.toBe(true);
  });

  it.each([
    ['another token', `#mount=${token}`, annotatorOf('fedcba9876543210fedcba9876543210')],
    ['no token', '', annotatorOf(token)],
    ['no annotator in the page', `#mount=${token}`, async () => ({ ok: false as const })],
    ['a failed request', `#mount=${token}`, () => Promise.reject(new Error('Extension context invalidated'))],
  ])('is false with %s', async (_what, hash, ask) => {
    await expect(isOwnPanelMount(panel(hash), ask)).resolves.toBe(false);
  });

  it('is false outside a frame directly in a top-level page, without asking', async () => {
    let asked = false;
    const ask = async () => ((asked = true), { ok: true as const, value: true });
    const alone = { location: { hash: `#mount=${token}` } } as unknown as Window & { top: Window; parent: Window };
    alone.top = alone;
    alone.parent = alone;
    await expect(isOwnPanelMount(alone, ask)).resolves.toBe(false);
    expect(asked).toBe(false);
  });

  it('takes the port only from its parent page, with its token, as one port', () => {
    expect(pagePortOf(offer(panelPortOffer(token)), token, parent)).toBe(channel.port2);
    expect(pagePortOf(offer(panelPortOffer(token)), null, parent)).toBeNull();
    expect(pagePortOf(offer(panelPortOffer('fedcba9876543210fedcba9876543210')), token, parent)).toBeNull();
    expect(pagePortOf(offer({ panelPort: token }), token, parent)).toBeNull();
    expect(pagePortOf(offer(panelPortOffer(token), {}), token, parent)).toBeNull();
    expect(pagePortOf(offer(panelPortOffer(token), parent, []), token, parent)).toBeNull();
    channel.port1.close();
  });

  it('offers the port at the origin the panel document has', () => {
    expect(panelOrigin('abcdefghijklmnopabcdefghijklmnop', 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/')).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    expect(panelOrigin('upr-annotator@upr-annotator.org', 'moz-extension://0a1b2c3d-0000-4000-8000-000000000000/')).toBe('moz-extension://0a1b2c3d-0000-4000-8000-000000000000');
  });
});
