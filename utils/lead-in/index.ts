// utils/lead-in: what counts as a state's recommending phrase ("Canada recommends that …", "We have three
// recommendations:", "la France formule deux recommandations", "Recomendaciones a Chile:") and whose phrase is not a
// state's. The one home of these words: utils/detect scores a page by them, utils/extract cuts recommendations at
// them. The detector ships to every page (5 KB gzip in all), so this file imports nothing and holds only patterns;
// those extraction alone reads (RECALL_LEAD_IN, NAMED_BODY_SUBJECT, mayHoldLeadIn) stay out of the detector's bundle.
//
// The patterns are written for text whose white space is single spaces, as the detector reads pages: " " stands for
// a run of white space, " ?" for any or none. `widen` makes the copy that reads raw text (the extractor's lines).

/** Present-tense recommending verbs, and "following recommendations" phrases, in EN / FR / ES. */
// A careless CMS may glue the verb to its subject ("Werecommend that", "Canadarecommends"); the patterns are case-blind.
// Every alternative here, in RECALL_LEAD_IN and in LABEL_LEAD_IN names a recommendation ("recom…"): mayHoldLeadIn
// relies on it.
export const LEAD_IN =
  /(?<!\b(?:vous|les?|os) )(?:\b|(?<=\b\p{Lu}\p{Ll}+))(?:recommends?|recommand(?:er?|ent|ons)|recomiendan?|recomenda(?:mos|r(?:[íi]a(?:mos)?)?))\b(?! (?:that )?(?:you|by|par|por)\b| the following (?!recommendations))|\b(?:the following recommendations?|(?:les )?recommandations suivantes|(?:las )?siguientes recomendaciones|(?:ha(?:ve|s)|makes?|offers?|presents?|submits?|put forward) (?:one|a|two|three|four|five|six|seven|eight|several|a few|the following|\d+) (?:key |specific |concrete )?recommendations?|(?:(?:formul|adress|pr[ée]sent)(?:er|e|ons|ar|a|amos)|faire|faisons|hac(?:er|e|emos)) (?:une|deux|trois|quatre|cinq|six|quelques|plusieurs|una|dos|tres|cuatro|cinco|seis|algunas|varias|\d+) (?:recommandations?|recomendaci(?:ón|ones)))\b/giu;

/**
 * Inside a statement, a recall of an earlier recommendation leads in to one too ("We reiterate our previous
 * recommendation"); the extractor reads it with LEAD_IN, the detector does not count it as a sign of a statement.
 */
export const RECALL_LEAD_IN =
  /\b(?:recalls?|reiterates?|rappel(?:le|ons)|reitera(?:mos)?) (?:its|our|sa|notre|su|nuestra) (?:(?:previous|earlier|pr[ée]c[ée]dente|anterior) )?(?:recommendation|recommandation|recomendaci[óo]n)\b/;

/**
 * A bare label that introduces a list, alone on its line: "Recommendations:", "Canada’s recommendations to Kenya:",
 * "Recomendaciones:".
 */
export const LABEL_LEAD_IN =
  /^ ?(?:our |n(?:os|uestras) |\p{Lu}[\p{L}.]*(?: \p{Lu}\p{L}*){0,3}['’]s )?(?:recommendations?|recommandations?|recomendaciones?)(?: (?:to|for|by|of|au|à|aux|de|des|du|del|a|al|para|por) [^:\n]{1,60})? ?: ?$/imu;

/**
 * Whose words are these: not a state recommending when the subject names a body, a report or an NGO in its last few
 * words ("The Committee recommends", "Amnesty International’s recommendations"); when the sentence reports what was
 * said ("Norway made the following recommendations", "la France a formulé les"); or when the subject is a generic
 * plural ("states recommend", "observers recommend": a description of the UPR). One pattern, three alternatives.
 */
const NOT_A_STATES_SUBJECT =
  /\b(?:com(?:mittee|it[ée]|mission)|rapporteur|working group|council|amnesty|watch|ngo|organi[sz]ation|report|secretary|office|institution|defender)\b[^.]{0,40}$|\b(?:made|gave|delivered|presented|submitted|issued|put forward|a (?:formulé|adressé|fait|présenté)|formuló|hizo|presentó|realizó)(?: (?:the|its|les|ses|las|sus))? ?$|\b(?:states|countries|governments|delegations|observers|they|others|many|some)(?: \p{L}+ly)? ?$/iu;

/**
 * More bodies, by name and in French and Spanish, that extraction also refuses as subjects. The detector affords
 * only the list above (it ships to every page, 5 KB gzip in all); a page where one of these speaks has few other
 * signs of a state's statement.
 */
export const NAMED_BODY_SUBJECT =
  /\b(?:ong|rapport|informe|mechanism|experts?|info|civil society|ombuds\w*|treaty bod(?:y|ies)|cedaw|ecri|osce|un(?:icef|hcr)|ohchr|state party)\b[^.]{0,40}$/i;

/**
 * Whom a lead-in addresses must be a state: not a treaty's "State party" (a treaty body speaks), nor states in
 * general ("recommend that states ask …", "recommandons aux États de …": an NGO's advice to them).
 */
const STATE_PARTY_ADDRESSEE =
  /^ ?(?:(?:that|to|à|aux|a|que|al|a los) )?(?:(?:the|el|all|les|tous les|los|todos los) |l['’] ?)?(?:state party|[ée]tat partie|estado parte|(?:member )?states\b|[ée]tats(?![-\p{L}])|estados(?! unidos)\b|(?:countrie|government)s\b)/iu;

/**
 * Is a lead-in a state's own recommending? `subject` is its sentence up to the phrase (or a label's owner:
 * "Amnesty International" of "Amnesty International’s recommendations:"); `addressee` the few words after it. Both
 * with single spaces.
 */
export function isStatesLeadIn(subject: string, addressee: string): boolean {
  return !NOT_A_STATES_SUBJECT.test(subject) && !STATE_PARTY_ADDRESSEE.test(addressee);
}

/**
 * Whether raw text may hold a lead-in of LEAD_IN, RECALL_LEAD_IN or LABEL_LEAD_IN: each names a recommendation
 * ("recom…" in English, French and Spanish, glued to its subject or not, in any case), the letters perhaps apart by
 * the invisible characters reading drops (soft hyphens, zero-width). A quick look before theirs: on a long statement
 * nearly every line has no such word, and their look-behinds try every position of it.
 */
export function mayHoldLeadIn(text: string): boolean {
  return MAY_HOLD_LEAD_IN.test(text);
}
/** The invisible characters reading drops from a page's words (utils/extract normalizeSpace), as a character class. */
export const INVISIBLE = '[\u00ad\u200b-\u200d\u2060\ufeff]';
const MAY_HOLD_LEAD_IN = new RegExp(['r', 'e', 'c', 'o', 'm'].join(`${INVISIBLE}*`), 'i');

/** One pattern of `patterns`' alternatives, for raw text: " " → any run of white space, " ?" → any or none. */
export function widen(patterns: readonly RegExp[], flags: string): RegExp {
  return new RegExp(patterns.map((p) => p.source.replace(/ \?/g, '\\s*').replace(/ /g, '\\s+')).join('|'), flags);
}
