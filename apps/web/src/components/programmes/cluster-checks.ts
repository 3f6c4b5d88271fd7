import type { ClusterKind } from "@tessera/db";
import { clusterEndpointProblem } from "@tessera/core/cluster-endpoint";
import { isJurisdiction, JURISDICTION_CODES } from "@tessera/core/countries";
import { countryName, tcl } from "@/i18n";
import { codeAndNameProblems } from "./catalogue-entry-checks";

/** The cluster form's fields as typed. */
export interface ClusterEntry {
  code: string;
  name: string;
  region: string;
  jurisdiction: string;
  endpoint: string;
}

export type ClusterField = "code" | "name" | "region" | "jurisdiction" | "endpoint";

/**
 * Every problem with a cluster as typed, all at once and in the form's order, by the server's
 * rules (the endpoint's is the very same function): one submit names them all. `existing`: an
 * edit, whose code is fixed. `kind`: the cluster's, which decides what its endpoint may be.
 */
export function clusterProblems(
  entry: ClusterEntry,
  { existing, kind }: { existing: boolean; kind: ClusterKind },
): [ClusterField, string][] {
  const r = tcl.required;
  const problems: [ClusterField, string][] = codeAndNameProblems(entry, existing, r);
  const region = entry.region.trim();
  if (!region) problems.push(["region", r.region]);
  else if (region.length > 80) problems.push(["region", r.regionLong]);
  if (!isJurisdiction(entry.jurisdiction)) {
    problems.push([
      "jurisdiction",
      entry.jurisdiction ? r.jurisdictionUnknown(entry.jurisdiction) : r.jurisdiction,
    ]);
  }
  const endpoint = clusterEndpointProblem(entry.endpoint, kind);
  if (endpoint) problems.push(["endpoint", tcl.endpointProblems[endpoint]]);
  return problems;
}

/** A jurisdiction with its name, so that GE reads as Georgia: "DE — Germany". */
export function jurisdictionLabel(code: string): string {
  return tcl.jurisdictionOption(code, countryName(code));
}

/**
 * The jurisdiction list as the form offers it: "European Union (EU)", then each country by its
 * name ("Afghanistan (AF)" … "Germany (DE)" …), so that typing "Germany" into the list finds
 * Germany rather than the first code starting with GE.
 */
export function jurisdictionOptions(): { value: string; label: string }[] {
  const [eu, ...countries] = ["EU", ...JURISDICTION_CODES.filter((code) => code !== "EU")].map(
    (code) => ({ value: code, label: tcl.jurisdictionChoice(code, countryName(code)) }),
  );
  return [eu!, ...countries.sort((a, b) => a.label.localeCompare(b.label, "en"))];
}
