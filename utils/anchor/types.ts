// The W3C-style selectors stored with each recommendation (Web Annotation Data Model, §4.2.4 and §4.2.5).

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** Offsets in root.textContent, end exclusive. */
  start: number;
  end: number;
}

export interface RecSelector {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}
