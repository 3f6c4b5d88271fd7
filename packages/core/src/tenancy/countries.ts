/** The officially assigned ISO 3166-1 alpha-2 country codes. */
export const ISO_COUNTRY_CODES = new Set(
  (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV " +
    "BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES " +
    "ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE " +
    "IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY " +
    "MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU " +
    "NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM " +
    "SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE " +
    "VG VI VN VU WF WS YE YT ZA ZM ZW"
  ).split(" "),
);

/** Upper-cases and checks a country code; null when it is not an assigned ISO alpha-2 code. */
export function normalizeCountry(value: string): string | null {
  const code = value.trim().toUpperCase();
  return ISO_COUNTRY_CODES.has(code) ? code : null;
}

/**
 * The jurisdictions Tessera knows: "EU" (the whole Union) and every ISO country code, in that
 * order. A cluster is in one of them, and a project's residency names one of them.
 */
export const JURISDICTION_CODES: readonly string[] = ["EU", ...[...ISO_COUNTRY_CODES].sort()];

const JURISDICTIONS = new Set(JURISDICTION_CODES);

/** Whether `code` is one of JURISDICTION_CODES exactly (upper case, no spaces). */
export function isJurisdiction(code: string): boolean {
  return JURISDICTIONS.has(code);
}

/** A project's residency or a cluster's jurisdiction: an ISO country code or "EU". */
export function normalizeResidency(value: string): string | null {
  const code = value.trim().toUpperCase();
  return isJurisdiction(code) ? code : null;
}
