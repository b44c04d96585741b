// The Working Group session of each state's first-cycle review (2008–2011). From cycle 1 to cycle 2 the shift
// was 12, 13 or 14 sessions, so these cannot be computed. "verified" entries are stated in DOMAIN.md (gathered
// from OHCHR); the others are written from memory and agree with DOMAIN.md's cycle-2 line-ups (S16–S24), but
// must be checked against OHCHR's calendar. A state that is missing simply has no known first-cycle session.
// South Sudan (first reviewed in cycle 2) has none by nature.

/** session, states whose session there is verified, states whose session there is unverified (ISO alpha-3). */
const BY_SESSION: readonly [session: number, verified: string, unverified: string][] = [
  [1, 'GBR CZE', 'BHR ECU TUN MAR IDN FIN IND BRA PHL DZA POL NLD ZAF ARG'],
  [2, '', 'GAB GHA PER GTM BEN KOR CHE PAK ZMB JPN UKR LKA FRA TON ROU MLI'],
  [3, '', 'BWA BHS BDI LUX BRB MNE ARE ISR LIE SRB TKM BFA CPV COL UZB TUV'],
  [4, 'DEU DJI CAN BGD RUS AZE CMR CUB SAU SEN CHN NGA MEX MUS JOR MYS', ''],
  [5, '', 'CAF MCO BLZ TCD COG MLT NZL AFG CHL VNM URY YEM VUT MKD COM SVK'],
  [6, '', 'ERI CYP DOM KHM NOR ALB COD CIV PRT BTN DMA PRK BRN CRI GNQ ETH'],
  [7, 'KAZ', 'QAT NIC ITA SLV GMB BOL FJI SMR AGO IRN MDG IRQ SVN EGY BIH'],
  [8, '', 'KGZ KIR GIN LAO ESP LSO KEN ARM GNB SWE GRD TUR GUY KWT'],
  [9, '', 'LBR MWI MNG PAN MDV AND BGR HND USA MHL HRV JAM LBY FSM LBN MRT'],
  [10, 'GEO', 'NRU RWA NPL LCA OMN MMR AUT AUS KNA STP MOZ NAM NER EST PRY'],
  [11, '', 'BEL DNK PLW SOM SYC SLB LVA SLE SGP SUR GRC WSM VCT HUN PNG'],
  [12, '', 'TJK TZA ATG SWZ TTO THA IRL TGO SYR VEN ISL ZWE LTU UGA TLS MDA HTI'],
];

export interface CycleOneSession {
  session: number;
  verified: boolean;
}

export const CYCLE_ONE_SESSIONS: Readonly<Record<string, CycleOneSession>> = Object.fromEntries(
  BY_SESSION.flatMap(([session, verified, unverified]) => [
    ...verified.split(' ').filter(Boolean).map((code) => [code, { session, verified: true }] as const),
    ...unverified.split(' ').filter(Boolean).map((code) => [code, { session, verified: false }] as const),
  ]),
);

/**
 * Reviews held at another session than the state's slot: the previous review of `state` at `session` is read as
 * `held` when the 14-session rule gives `scheduled`. Israel's cycle-2 review moved from 15 to 17 (DOMAIN.md); its
 * cycle-3 review (session 29) therefore follows 17, not 15 (unverified beyond DOMAIN.md's note).
 */
export const MOVED_REVIEWS: Readonly<Record<string, readonly { scheduled: number; held: number }[]>> = {
  ISR: [{ scheduled: 15, held: 17 }],
};
