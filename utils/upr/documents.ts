// Links a reader follows to the sources of a review: the state's OHCHR country page and the three pre-session
// documents (national report, UN compilation, stakeholders' summary) by their UN symbols. The extension itself
// makes no request to these addresses; they are links the user clicks.
import countries from 'i18n-iso-countries';

export type ReviewDocumentKind = 'national-report' | 'compilation' | 'stakeholders';

export interface ReviewDocument {
  kind: ReviewDocumentKind;
  label: string;
  symbol: string;
  url: string;
}

const DOCUMENTS: readonly { kind: ReviewDocumentKind; label: string; number: number }[] = [
  { kind: 'national-report', label: 'National report', number: 1 },
  { kind: 'compilation', label: 'Compilation of UN information', number: 2 },
  { kind: 'stakeholders', label: "Summary of stakeholders' information", number: 3 },
];

// UN document symbols: letters ("A/HRC/43/11/Add.1"), digits and the separators "/", ".", "-", "(", ")".
// Anything else is not a symbol and must not end up in a link.
const UN_SYMBOL = /^[A-Z][A-Z0-9]*(?:[/.\-][A-Za-z0-9()]+)*$/;
const MAX_SESSION = 200;

function alpha2Of(iso3: string): string | null {
  if (!/^[A-Za-z]{3}$/.test(iso3)) return null;
  return countries.alpha3ToAlpha2(iso3.toUpperCase()) ?? null;
}

/** `https://www.ohchr.org/en/hr-bodies/upr/kz-index` for KAZ; null for a code that is not a country. */
export function ohchrCountryPage(iso3: string): string | null {
  const alpha2 = alpha2Of(iso3);
  return alpha2 ? `https://www.ohchr.org/en/hr-bodies/upr/${alpha2.toLowerCase()}-index` : null;
}

/** The ODS link for a UN document symbol; null when the text is not a symbol. */
export function undocsUrl(symbol: string): string | null {
  return UN_SYMBOL.test(symbol) ? `https://undocs.org/${symbol}` : null;
}

/** The pre-session documents of the state's review at a WG session: `A/HRC/WG.6/34/KAZ/1`, `/2`, `/3`. */
export function reviewDocuments(iso3: string, session: number): ReviewDocument[] {
  if (!alpha2Of(iso3) || !Number.isInteger(session) || session < 1 || session > MAX_SESSION) return [];
  const code = iso3.toUpperCase();
  return DOCUMENTS.map(({ kind, label, number }) => {
    const symbol = `A/HRC/WG.6/${session}/${code}/${number}`;
    return { kind, label, symbol, url: undocsUrl(symbol)! };
  });
}
