import { describe, expect, it } from 'vitest';
import { isMountCheck, isOwnPanelMount, isPanelMount, isTopLevel, mountCheck, mountTokenOf, withMountToken } from './index';

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
  const token = '5b1d2c9e-8f3a-4e61-9d0b-2a7c4e5f6a10';
  const panel = (hash: string) => Object.assign(framed(top, ['https://gov.example']), { location: { hash, ancestorOrigins: undefined } }) as Window;
  const tabs = (answer: (message: unknown) => unknown, id: number | null = 7) => ({
    getCurrent: async () => (id === null ? undefined : { id }),
    sendMessage: async (_tab: number, message: unknown) => answer(message),
  });
  const vouchFor = (own: string) => (message: unknown) => isMountCheck(message) && message.mountCheck === own;

  it('is true only when the annotator in the tab vouches for the token in the address', async () => {
    const hash = new URL(withMountToken('chrome-extension://x/panel.html?select=2', token)).hash;
    expect(mountTokenOf(hash)).toBe(token);
    await expect(isOwnPanelMount(panel(hash), tabs(vouchFor(token)))).resolves.toBe(true);
  });

  it.each([
    ['another token', `#mount=${token}`, tabs(vouchFor('someone-else'))],
    ['no token', '', tabs(vouchFor(token))],
    ['no annotator in the page', `#mount=${token}`, tabs(() => Promise.reject(new Error('Receiving end does not exist')))],
    ['an answer that is not true', `#mount=${token}`, tabs(() => 'yes')],
    ['no tab', `#mount=${token}`, tabs(vouchFor(token), null)],
  ])('is false with %s', async (_what, hash, api) => {
    await expect(isOwnPanelMount(panel(hash), api)).resolves.toBe(false);
  });

  it('asks with a message only the mount check reads', () => {
    expect(isMountCheck(mountCheck(token))).toBe(true);
    expect(isMountCheck({ mountCheck: token })).toBe(false);
  });
});
