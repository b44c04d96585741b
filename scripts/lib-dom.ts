// Loads a saved HTML page into a happy-dom Document for the command-line tools and tests (no scripts run, nothing
// is fetched), so they see the page as the content script would.
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';

export function parsePage(html: string, url = 'https://example.org/'): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  const doc = window.document;
  doc.write(html);
  return doc as unknown as Document;
}

export function loadPage(file: string, url?: string): Document {
  return parsePage(readFileSync(file, 'utf8'), url);
}
