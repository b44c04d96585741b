import { describe, expect, it } from 'vitest';
import { badgeText, showRecommendationCount, type BadgeApi } from './index';

function recordingApi() {
  const calls: string[] = [];
  const api: BadgeApi = {
    setBadgeText: ({ tabId, text }) => void calls.push(`text ${tabId} "${text}"`),
    setBadgeBackgroundColor: ({ tabId, color }) => void calls.push(`color ${tabId} ${color}`),
    setTitle: ({ tabId, title }) => void calls.push(`title ${tabId} ${title}`),
  };
  return { api, calls };
}

describe('the toolbar badge', () => {
  it.each([
    [0, ''],
    [-3, ''],
    [Number.NaN, ''],
    [1, '1'],
    [42, '42'],
    [999, '999'],
    [1000, '999+'],
    [25_000, '999+'],
  ])('%s recommendations read "%s"', (count, text) => expect(badgeText(count)).toBe(text));

  it('says the count on a statement and clears itself where there is none', async () => {
    const { api, calls } = recordingApi();
    const title = (n: number) => `UPR Annotator: ${n} recommendations on this page`;
    await showRecommendationCount(api, 7, 12, title, 'UPR Annotator');
    expect(calls).toEqual(['text 7 "12"', 'color 7 #1d4f91', 'title 7 UPR Annotator: 12 recommendations on this page']);
    calls.length = 0;
    await showRecommendationCount(api, 7, 0, title, 'UPR Annotator');
    expect(calls).toEqual(['text 7 ""', 'title 7 UPR Annotator']);
  });
});
