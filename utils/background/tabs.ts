// The background's hands in the tabs: commands to the annotator in a tab (toolbar, keyboard shortcuts, the context
// menu, reading the page again after a change), injecting the annotator, and the toolbar button's count. The panel
// speaks to its page directly, over their own port (utils/messages page-port.ts).
import { showRecommendationCount } from '@/utils/badge';
import { commandEnvelope, type TabCommands } from '@/utils/messages';
import { pageKey } from '@/utils/model';
import { tabOf, type ExtensionApi } from './context';

export const ADD_SELECTION_MENU = 'upr-add-selection';

export interface TabsService {
  /** Sends a command to the annotator in a tab; a tab without one (not a statement page) is not an error. */
  sendToTab(tabId: number | undefined, command: keyof TabCommands, payload?: object): void;
  /**
   * The annotators read their page again: in every tab (after delete-all), or in the tabs showing `pageUrl` (after a
   * correction made in one of them), but `exceptTabId`, which refreshes itself.
   */
  refreshTabs(pageUrl?: string, exceptTabId?: number): Promise<void>;
  /** Runs the annotator in a tab's frame; `force` annotates what the detector would not call a statement. */
  injectAnnotator(tabId: number, frameId: number, force: boolean): Promise<void>;
  showCount(tabId: number, count: number): void;
  /** The keyboard shortcuts of the manifest. */
  onCommand(name: string, tab?: { id?: number }): Promise<void>;
  onInstalled(): void;
  onMenuClicked(info: { menuItemId: string | number }, tab?: { id?: number }): void;
}

export function createTabsService(browser: ExtensionApi): TabsService {
  const sendToTab: TabsService['sendToTab'] = (tabId, command, payload = {}) => {
    if (tabId === undefined) return;
    browser.tabs.sendMessage(tabId, commandEnvelope(command, payload), { frameId: 0 }).catch(() => {});
  };
  // The toolbar button (MV3 `action`, Firefox MV2 `browserAction`).
  const toolbarButton = browser.action ?? browser.browserAction;

  return {
    sendToTab,
    async refreshTabs(pageUrl, exceptTabId) {
      const tabs = await browser.tabs.query({}).catch(() => []);
      for (const tab of tabs) {
        if (tab.id === exceptTabId) continue;
        if (pageUrl === undefined || (tab.url && /^https?:/.test(tab.url) && pageKey(tab.url) === pageUrl)) sendToTab(tab.id, 'refresh');
      }
    },
    async injectAnnotator(tabId, frameId, force) {
      if (force) {
        // Annotate even what the detector would not call a statement: the user asked for it.
        await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, injectImmediately: true, func: () => void ((globalThis as Record<string, unknown>).__uprForce = true) });
      }
      // At once: by default the browser waits for document_idle, in Chromium up to 200 ms after the page is parsed
      // while its images load, which the annotator does not need. (A page still being parsed, the popup's case, is
      // read by the annotator once it is: see entrypoints/annotator.content.)
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, injectImmediately: true, files: ['/content-scripts/annotator.js'] });
    },
    showCount(tabId, count) {
      void showRecommendationCount(toolbarButton, tabId, count, (n) => browser.i18n.getMessage('badgeTitle', [String(n)]), browser.i18n.getMessage('actionTitle')).catch(
        () => {}, // the tab closed meanwhile
      );
    },
    async onCommand(name, tab) {
      const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (name === 'next-recommendation') sendToTab(tabId, 'step', { direction: 1 });
      else if (name === 'previous-recommendation') sendToTab(tabId, 'step', { direction: -1 });
      else if (name === 'focus-panel' || name === 'toggle-highlights') sendToTab(tabId, name);
    },
    onInstalled() {
      browser.contextMenus.create({ id: ADD_SELECTION_MENU, title: browser.i18n.getMessage('menuAddSelection'), contexts: ['selection'] });
    },
    onMenuClicked(info, tab) {
      if (info.menuItemId === ADD_SELECTION_MENU) sendToTab(tab?.id, 'add-selection');
    },
  };
}
