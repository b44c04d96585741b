// utils/upr: plain UPR facts — country names (EN/FR/ES, UN forms) → ISO alpha-3, WG sessions → cycles, dates →
// sessions, government hosts → states. No DOM here.
export { countryFromName, countryFromCode, displayNameOf, findCountryMentions, normalizeCountryKey } from './countries';
export type { Country, CountryMention } from './countries';
export { cycleOfDate, cycleOfSession, sessionOfDate } from './cycles';
export { countryOfHost } from './hosts-lookup';
export { earlierReviewsOf, earlierSessionsOf, previousReviewOf } from './history';
export type { EarlierReview } from './history';
export { CYCLE_ONE_SESSIONS } from './cycle-one-sessions';
export { ohchrCountryPage, reviewDocuments, undocsUrl } from './documents';
export type { ReviewDocument, ReviewDocumentKind } from './documents';
