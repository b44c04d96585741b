// Bytes → text, with the encoding named: datasets arrive as UTF-8 (with or without a byte-order mark), UTF-16
// from Excel's "Unicode text", Windows-1252 from Excel on Windows and Mac Roman from older Mac exports (UPR Info's
// database export is one). The 8-bit encodings carry no mark, so both readings are scored on how plausible their
// non-ASCII characters are where they stand. Pure: the dashboard and the CLI call it on the file's bytes.

export type EncodingName = 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252' | 'Mac Roman';

export interface Decoded {
  text: string;
  encoding: EncodingName;
}

// The high halves of the two code pages, written out: Node's TextDecoder reads "windows-1252" as Latin-1, so the
// same bytes would decode differently in the CLI and in the browser.
const WINDOWS_1252_80_9F = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const MAC_ROMAN_80_FF =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

function highHalf(table: string, from: number): Uint16Array {
  const map = new Uint16Array(256);
  for (let b = 0; b < 256; b++) map[b] = b >= from && b - from < table.length ? table.charCodeAt(b - from) : b;
  return map;
}

const SINGLE_BYTE: readonly { encoding: EncodingName; map: Uint16Array }[] = [
  // First wins a tie: Excel on Windows is by far the commoner source of 8-bit CSV.
  { encoding: 'Windows-1252', map: highHalf(WINDOWS_1252_80_9F, 0x80) },
  { encoding: 'Mac Roman', map: highHalf(MAC_ROMAN_80_FF, 0x80) },
];

function decodeSingleByte(bytes: Uint8Array, map: Uint16Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  const units = new Uint16Array(CHUNK);
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) units[i - start] = map[bytes[i]!]!;
    parts.push(String.fromCharCode(...units.subarray(0, end - start)));
  }
  return parts.join('');
}
// Windows-1252 leaves these bytes undefined; a file holding them was not written in it.
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
// Enough of the file to see its non-ASCII bytes in context; a dataset repeats the same few names throughout.
const SCORE_CHARS = 2 * 1024 * 1024;

const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const APOSTROPHES = new Set(['\u2019', '\u2018']);
const TEXT_PUNCTUATION = new Set(['\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb', '\u2013', '\u2014', '\u2026', '\u2022', '\u00a0', '\u00b0', '\u20ac', '\u00a3', '\u00a7', '\u00ba', '\u00aa']);

/**
 * How plausible a reading's non-ASCII characters are: a lower-case accented letter inside a word ("Côte") or an
 * apostrophe between letters ("women’s") reads as text; a capital in mid-word ("dÈveloppement"), a maths sign
 * ("C™te", "‡ la") or a control character reads as the wrong code page.
 */
function plausibility(text: string): number {
  let score = 0;
  const end = Math.min(text.length, SCORE_CHARS);
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    const c = text[i]!;
    const before = text[i - 1] ?? ' ';
    const after = text[i + 1] ?? ' ';
    const letterBefore = LETTER.test(before);
    const letterAfter = LETTER.test(after);
    if (code < 0xa0 || code === 0xfffd) score -= 5;
    else if (APOSTROPHES.has(c)) score += letterBefore && letterAfter ? 3 : 1;
    else if (TEXT_PUNCTUATION.has(c)) score += 1;
    else if (LOWER.test(c)) score += letterBefore || letterAfter ? 2 : -1;
    else if (UPPER.test(c)) score += LOWER.test(before) ? -2 : letterAfter ? 1 : 0;
    else score -= 2;
  }
  return score;
}

function isUtf16WithoutMark(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  // ASCII text in UTF-16 has a zero in every other byte; count over the opening of the file.
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'UTF-16LE';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'UTF-16BE';
  return null;
}

/** Reads a file's bytes as text, naming the encoding it found. Never throws: any bytes are some 8-bit text. */
export function decode(input: Uint8Array | ArrayBuffer): Decoded {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 with BOM' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  const utf16 = isUtf16WithoutMark(bytes);
  if (utf16) return { text: new TextDecoder(utf16.toLowerCase()).decode(bytes), encoding: utf16 };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: one of the 8-bit code pages.
  }
  const hasUndefined1252 = bytes.some((b) => UNDEFINED_IN_1252.has(b));
  let best: Decoded | null = null;
  let bestScore = -Infinity;
  for (const { encoding, map } of SINGLE_BYTE) {
    if (encoding === 'Windows-1252' && hasUndefined1252) continue;
    const text = decodeSingleByte(bytes, map);
    const score = plausibility(text);
    if (score > bestScore) {
      best = { text, encoding };
      bestScore = score;
    }
  }
  return best!;
}
