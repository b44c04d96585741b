// Loads a saved HTML page into a happy-dom Document for the command-line tools and tests (no scripts run, nothing
// is fetched), so they see the page as the content script would; and compares texts the way fixture labels do.
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

/** As shared/README.md says: whitespace, list markers and trailing ";" / "." / "; and" do not count. */
export function normalizeRecommendation(text: string): string {
  return text
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(/^(?:\(?\d{1,3}[.)]|\(?[a-z][.)]|[•·▪●○◦*–—-])\s*/i, '')
    .replace(/(?:\s*(?:;\s*and|;|\.|,))+$/i, '')
    .trim();
}
