// Ordinal numbers written in words, up to the sixties, in English, French and Spanish: "forty-ninth",
// "quarante-neuvième", "cuadragésimo noveno" — how some statements name their Working Group session.

const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11,
  twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19,
  twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60,
  premier: 1, première: 1, unième: 1, deuxième: 2, seconde: 2, troisième: 3, quatrième: 4, cinquième: 5, sixième: 6,
  septième: 7, huitième: 8, neuvième: 9, dixième: 10, onzième: 11, douzième: 12, treizième: 13, quatorzième: 14,
  quinzième: 15, seizième: 16, vingtième: 20, trentième: 30, quarantième: 40, cinquantième: 50, soixantième: 60,
  primer: 1, primero: 1, primera: 1, segundo: 2, segunda: 2, tercer: 3, tercero: 3, tercera: 3, cuarto: 4, cuarta: 4,
  quinto: 5, quinta: 5, sexto: 6, sexta: 6, séptimo: 7, séptima: 7, octavo: 8, octava: 8, noveno: 9, novena: 9,
  décimo: 10, décima: 10, undécimo: 11, undécima: 11, duodécimo: 12, duodécima: 12, vigésimo: 20, vigésima: 20,
  trigésimo: 30, trigésima: 30, cuadragésimo: 40, cuadragésima: 40, quincuagésimo: 50, quincuagésima: 50,
  sexagésimo: 60, sexagésima: 60,
};
/** Tens that take an ordinal unit after them: "forty-ninth", "quarante-neuvième", "dix-septième". */
const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
  dix: 10, vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
};

/** The value of an ordinal written in one or two words ("forty-ninth", "cuadragésimo noveno"), else null. */
export function ordinalValue(phrase: string): number | null {
  const words = phrase.toLowerCase().split(/[\s-]+/).filter((w) => w && w !== 'et');
  if (words.length === 1) return ORDINALS[words[0]!] ?? null;
  if (words.length !== 2) return null;
  const [tens, unit] = words as [string, string];
  const u = ORDINALS[unit];
  if (u === undefined || u > 9) return null;
  // "forty-ninth" and "quarante-neuvième" (a cardinal ten), "cuadragésimo noveno" (an ordinal ten).
  const t = TENS[tens] ?? ORDINALS[tens];
  return t !== undefined && t % 10 === 0 && t >= 10 ? t + u : null;
}

/** "Forty-Ninth Session", "quarante-neuvième session", "cuadragésimo noveno período de sesiones": word and value. */
export const WORD_SESSION = /(?<![\p{L}-])((?:\p{L}+[\s-]+(?:et[\s-]+)?)?\p{L}+)[\s\u00a0]+(?:UPR[\s\u00a0]+|EPU[\s\u00a0]+)?(?:session|sesi[óo]n|per[íi]odo\s+de\s+sesiones)\b/giu;
