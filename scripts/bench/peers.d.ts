// dom-anchor-text-quote ships no types; the part of its API the anchoring bench calls (README of 4.0.2).
declare module 'dom-anchor-text-quote' {
  export interface TextQuoteAnchor {
    exact: string;
    prefix?: string;
    suffix?: string;
  }
  export function toRange(root: Node, selector: TextQuoteAnchor, options?: { hint?: number }): Range | null;
}
