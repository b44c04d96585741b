// What a hostile page's own scripts see of the extension, as inline <script> elements placed first in <head>, for the
// Chromium and Firefox E2E alike: `window.__heard` (every `message` posted to the window and every event WXT would
// name after the extension) and `window.__records` (every DOM mutation once the document is parsed).

/** Listens from the page's first byte; `extensionId` names the extension (a page looking for it knows its id). */
export function firstByteListener(extensionId: string): string {
  const names = ['detector', 'annotator'].flatMap((script) => ['content-script-started', 'locationchange'].map((event) => `${extensionId}:${script}:wxt:${event}`));
  return `<script>
    window.__heard = [];
    addEventListener('message', (e) => __heard.push('message ' + JSON.stringify(e.data)), true);
    for (const name of ${JSON.stringify(names)}) {
      addEventListener(name, () => __heard.push('window ' + name), true);
      document.addEventListener(name, () => __heard.push('document ' + name), true);
    }
  </script>`;
}

/** Watches the whole document from DOMContentLoaded on (before the annotator runs: the background injects it after the detector's document_end run). */
export function mutationWatcher(): string {
  return `<script>
    window.__records = [];
    document.addEventListener('DOMContentLoaded', () => new MutationObserver((records) => {
      for (const r of records) {
        const nodes = (list) => [...list].map((n) => n.nodeName.toLowerCase()).join(',');
        __records.push([r.type, r.target.nodeName.toLowerCase(), r.attributeName || '', nodes(r.addedNodes), nodes(r.removedNodes)].join(' '));
      }
    }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true }));
  </script>`;
}

/** A page of a government site that is no UPR statement. */
export const NOT_A_STATEMENT_BODY = `
<main>
  <h1>Opening hours of the consular section</h1>
  <p>The consular section is open from Monday to Friday, 9:00 to 12:00. Passport applications need an appointment.</p>
</main>`;
