// Month names (EN / FR / ES, with common abbreviations) and date parsing for statement pages.

export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, janvier: 1, enero: 1,
  february: 2, feb: 2, février: 2, fevrier: 2, févr: 2, febrero: 2,
  march: 3, mar: 3, mars: 3, marzo: 3,
  april: 4, apr: 4, avril: 4, abril: 4,
  may: 5, mai: 5, mayo: 5,
  june: 6, jun: 6, juin: 6, junio: 6,
  july: 7, jul: 7, juillet: 7, julio: 7,
  august: 8, aug: 8, août: 8, aout: 8, agosto: 8,
  september: 9, sep: 9, sept: 9, septembre: 9, septiembre: 9, setiembre: 9,
  october: 10, oct: 10, octobre: 10, octubre: 10,
  november: 11, nov: 11, novembre: 11, noviembre: 11,
  december: 12, dec: 12, décembre: 12, decembre: 12, déc: 12, diciembre: 12,
};

const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th|er|º)?\\.?\\s+(?:de\\s+)?(${MONTH_NAMES})\\.?,?\\s+(?:de\\s+)?(\\d{4})\\b`, 'iu');
const MONTH_DAY_YEAR = new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'iu');
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const NUMERIC_DATE = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/;
// Japanese and Chinese pages: "2025年5月6日".
const CJK_DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日/;

function toIso(year: number, month: number, day: number): string | null {
  if (year < 2000 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The first date written in `text`, as YYYY-MM-DD, with its position. Numeric dates are read day first unless a part
 * over 12 says otherwise or `monthFirst` (a U.S. site: "11/07/2019" is 7 November).
 */
export function findDateIn(text: string, monthFirst = false): { iso: string; index: number } | null {
  const candidates: { iso: string | null; index: number }[] = [];
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) candidates.push({ iso: toIso(Number(dmy[3]), MONTHS[dmy[2]!.toLowerCase()] ?? 0, Number(dmy[1])), index: dmy.index });
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) candidates.push({ iso: toIso(Number(mdy[3]), MONTHS[mdy[1]!.toLowerCase()] ?? 0, Number(mdy[2])), index: mdy.index });
  const iso = ISO_DATE.exec(text);
  if (iso) candidates.push({ iso: toIso(Number(iso[1]), Number(iso[2]), Number(iso[3])), index: iso.index });
  const cjk = CJK_DATE.exec(text);
  if (cjk) candidates.push({ iso: toIso(Number(cjk[1]), Number(cjk[2]), Number(cjk[3])), index: cjk.index });
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    const [a, b] = [Number(numeric[1]), Number(numeric[2])];
    const isMonthFirst = b > 12 || (a <= 12 && monthFirst);
    candidates.push({ iso: toIso(Number(numeric[3]), isMonthFirst ? a : b, isMonthFirst ? b : a), index: numeric.index });
  }
  const valid = candidates.filter((c): c is { iso: string; index: number } => c.iso !== null).sort((a, b) => a.index - b.index);
  return valid[0] ?? null;
}
