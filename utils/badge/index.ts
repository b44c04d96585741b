// utils/badge: what the toolbar button says about its tab — the number of recommendations found on a statement
// page, nothing anywhere else. Per-tab values: the browser resets them when the tab loads another page.

/** The part of the toolbar-button API used here (`action` in MV3, `browserAction` in Firefox's MV2). */
export interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void> | void;
  setTitle(details: { tabId: number; title: string }): Promise<void> | void;
}

/** The badge's colour: the icon's blue, which keeps white digits legible in light and dark toolbars. */
export const BADGE_COLOR = '#1d4f91';

/** The badge text for `count` recommendations: none for zero, at most four characters. */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 999 ? '999+' : String(Math.floor(count));
}

/** Shows `count` on the tab's button (or clears it), with a tooltip that says it in words. */
export async function showRecommendationCount(api: BadgeApi, tabId: number, count: number, title: (count: number) => string, defaultTitle: string): Promise<void> {
  const text = badgeText(count);
  await Promise.all([
    api.setBadgeText({ tabId, text }),
    text ? api.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }) : undefined,
    api.setTitle({ tabId, title: text ? title(count) : defaultTitle }),
  ]);
}
