/**
 * Where data may be processed: a project's residency and classification against a cluster's
 * jurisdiction. Shared by placement (where a workload lands) and the gateway (where a request
 * may go), so both refuse the same things in the same words. No imports: the gateway loads it.
 */

/** Member states of the European Union: where an "EU" residency may be satisfied. */
export const EU_COUNTRIES = new Set(
  "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split(" "),
);

/** Whether data that must stay in `residency` may be processed in `jurisdiction`. */
export function jurisdictionSatisfies(jurisdiction: string, residency: string | null): boolean {
  if (!residency) return true;
  if (residency === "EU") return jurisdiction === "EU" || EU_COUNTRIES.has(jurisdiction);
  return jurisdiction === residency;
}

export interface DataRules {
  residency: string | null;
  classification: "PUBLIC" | "INTERNAL" | "CONFIDENTIAL" | "RESTRICTED";
  organizationCountry: string;
}

/**
 * Why a project's data may not be processed in `jurisdiction`, completing "This cluster …", or
 * null when it may: the residency must be satisfied, and restricted data stays in the
 * organisation's own country.
 */
export function jurisdictionRefusal(jurisdiction: string, rules: DataRules): string | null {
  if (!jurisdictionSatisfies(jurisdiction, rules.residency))
    return `is in ${jurisdiction}; the project's data must stay in ${rules.residency}`;
  if (rules.classification === "RESTRICTED" && jurisdiction !== rules.organizationCountry)
    return `is in ${jurisdiction}; restricted data stays in ${rules.organizationCountry}`;
  return null;
}
