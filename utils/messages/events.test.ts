import { describe, expect, it } from 'vitest';
import { eventEnvelope } from './envelope';
import { readEvent, type EventSender } from './events';

const receiver = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/' };
const background: EventSender = { id: 'ext', url: 'chrome-extension://ext/background.js' };
const firefoxBackground: EventSender = { id: 'ext', url: 'moz-extension://ext/_generated_background_page.html' };
const ownTab: EventSender = { id: 'ext', url: 'https://gov.example/upr', tab: { id: 7 }, frameId: 0 };
const otherTab: EventSender = { id: 'ext', url: 'https://evil.example/', tab: { id: 9 }, frameId: 0 };
const note = {
  id: 'n0123456789abcdef01234567',
  recommendationId: 'r0123456789abcdef01234567',
  pageUrl: null,
  body: 'Ask about the shelters budget',
  tags: ['follow-up'],
  status: 'none',
  createdAt: 1,
  updatedAt: 2,
  deletedAt: null,
};
const changed = eventEnvelope('data.changed', { scope: 'note', note });

describe('readEvent', () => {
  it('takes a note change from the background', () => {
    expect(readEvent(changed, 'data.changed', background, receiver)).toEqual({ scope: 'note', note });
    expect(readEvent(changed, 'data.changed', firefoxBackground, { ...receiver, extensionOrigin: 'moz-extension://ext/' })).toEqual({ scope: 'note', note });
  });

  it.each([
    ['a content script in another tab', otherTab],
    ['the annotator in its own tab', ownTab],
    ['an extension page in a tab', { id: 'ext', url: 'chrome-extension://ext/dashboard.html', tab: { id: 3 } }],
    ['another extension', { id: 'other', url: 'chrome-extension://other/background.js' }],
    ['a sender with no URL', { id: 'ext' }],
  ])('refuses a note change from %s', (_who, sender) => {
    expect(readEvent(changed, 'data.changed', sender as EventSender, receiver)).toBeNull();
  });

  it.each([
    ['a body that is not text', { ...note, body: { toString: 'x' } }],
    ['an unknown status', { ...note, status: 'owned' }],
    ['a recommendation id of another shape', { ...note, recommendationId: '__proto__' }],
    ['a page URL that is not http(s)', { ...note, recommendationId: null, pageUrl: 'javascript:alert(1)' }],
    ['tags that are not text', { ...note, tags: [{}] }],
    ['a time that is not a number', { ...note, updatedAt: 'soon' }],
  ])('refuses a note change with %s', (_what, bad) => {
    expect(readEvent(eventEnvelope('data.changed', { scope: 'note', note: bad }), 'data.changed', background, receiver)).toBeNull();
  });

  it('takes page and everything changes from the background, well-formed', () => {
    const page = eventEnvelope('data.changed', { scope: 'page', pageUrl: 'https://gov.example/upr' });
    expect(readEvent(page, 'data.changed', background, receiver)).toEqual({ scope: 'page', pageUrl: 'https://gov.example/upr' });
    expect(readEvent(eventEnvelope('data.changed', { scope: 'all' }), 'data.changed', background, receiver)).toEqual({ scope: 'all' });
    expect(readEvent(page, 'data.changed', otherTab, receiver)).toBeNull();
    expect(readEvent(eventEnvelope('data.changed', { scope: 'page', pageUrl: 'javascript:alert(1)' }), 'data.changed', background, receiver)).toBeNull();
    expect(readEvent(eventEnvelope('data.changed', { scope: 'everything' }), 'data.changed', background, receiver)).toBeNull();
  });

  it('refuses another protocol version or another event', () => {
    expect(readEvent({ ...changed, upr: 0 }, 'data.changed', background, receiver)).toBeNull();
    expect(readEvent(changed, 'import.progress', background, receiver)).toBeNull();
    expect(readEvent('data.changed', 'data.changed', background, receiver)).toBeNull();
  });

  it('takes import progress from the background, well-formed', () => {
    expect(readEvent(eventEnvelope('import.progress', { done: 5, total: 10 }), 'import.progress', background, receiver)).toEqual({ done: 5, total: 10 });
    expect(readEvent(eventEnvelope('import.progress', { done: 5, total: 10 }), 'import.progress', otherTab, receiver)).toBeNull();
    expect(readEvent(eventEnvelope('import.progress', { done: 11, total: 10 }), 'import.progress', background, receiver)).toBeNull();
  });
});
