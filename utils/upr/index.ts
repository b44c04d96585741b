// utils/upr: plain UPR facts — country names (EN/FR/ES, UN forms) → ISO alpha-3, WG sessions → cycles, dates →
// sessions, government hosts → states. No DOM here.
export { countryFromName, countryFromCode, displayNameOf, findCountryMentions, normalizeCountryKey } from './countries';
export type { Country, CountryMention } from './countries';
export { cycleOfDate, cycleOfSession, sessionOfDate } from './cycles';
export { countryOfHost } from './hosts-lookup';
