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
  if (!isJurisdiction(entry.jurisdiction)) problems.push(["jurisdiction", r.jurisdiction]);
  const endpoint = clusterEndpointProblem(entry.endpoint, kind);
  if (endpoint) problems.push(["endpoint", tcl.endpointProblems[endpoint]]);
  return problems;
}

/** A jurisdiction with its name, so that GE reads as Georgia: "DE — Germany". */
export function jurisdictionLabel(code: string): string {
  return tcl.jurisdictionOption(code, countryName(code));
}

/** The jurisdiction list as the form offers it: "EU — European Union", then "AD — Andorra"… */
export function jurisdictionOptions(): { value: string; label: string }[] {
  return JURISDICTION_CODES.map((code) => ({ value: code, label: jurisdictionLabel(code) }));
}
