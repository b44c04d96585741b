// utils/anchor: the page-text side of recommendations. It turns live ranges into stored W3C selectors and
// back — every verbatim and approximate candidate scored on quote, context and position, below a stated quality
// an orphan (null), never a guess — and draws and removes the in-page highlights. Pure DOM: it knows nothing of
// Preact, the extension APIs or the database. It also decides what a reading of the page places (reconcile: extracted
// vs stored vs rejected, with one orphan list) and works out the ranges of a manual correction (merge, split, add).

export type { RecSelector, TextPositionSelector, TextQuoteSelector } from './types.ts';
export { anchorQuoteFuzzy, anchorSelector, anchorSelectors, describeRange, describeRanges, CONTEXT_LENGTH } from './anchor.ts';
export { highlightRange, highlightRanges, removeHighlights, hasSameText, snapshotTextInSteps, OWN_UI_ATTR, type HighlightRequest, type TextSnapshot } from './highlighter.ts';
export { FLASH_MS, HIGHLIGHT_ATTR, HIGHLIGHT_STATE_ATTR, HIGHLIGHT_TAG, type HighlightState } from './highlight-style.ts';
export { FAR_CONTEXT_MIN, MIN_FUZZY_SCORE, MIN_MATCH_SCORE, NEAR_DISTANCE } from './match-quote.ts';

export { highlightsOf, setHighlightState } from './highlights.ts';
export { createHighlightLayer, paintPreview, type HighlightLayer, type LayerRecommendation } from './highlight-layer.ts';
export { canPaintHighlights, HIGHLIGHT_PRIORITY, type Painter } from './highlight-paint.ts';
export { adoptSheet, type AdoptedSheet } from './highlight-sheet.ts';
export { offeredPassages, placeReconciled, placeRecommendations, reconcile, reconcileInSteps, type Candidate, type Placement, type StoredOnPage } from './reconcile.ts';
export { correctionFor, type Correction, type CorrectionCommand, type Refusal } from './corrections.ts';
