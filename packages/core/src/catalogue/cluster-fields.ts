import type { ClusterKind } from "@tessera/db";
import { AppError } from "../errors";
import { normalizeResidency } from "../tenancy/countries";
import { CLUSTER_ENDPOINT_MESSAGES, clusterEndpointProblem } from "./cluster-endpoint";

/**
 * A cluster's jurisdiction, upper-cased, or a refusal naming the field: it decides which
 * projects' data may run there, so nothing but a known code is kept.
 */
export function checkJurisdiction(value: string): string {
  const code = normalizeResidency(value);
  if (code === null) {
    throw new AppError("INVALID", jurisdictionMessage(value), { field: "jurisdiction" });
  }
  return code;
}

export function jurisdictionMessage(value: string): string {
  return `"${value.trim().slice(0, 40)}" is not a jurisdiction Tessera knows: choose a two-letter ISO 3166 country code, for example DE, or EU.`;
}

/** A cluster's endpoint, trimmed (null when empty), or a refusal naming the field. */
export function checkClusterEndpoint(
  value: string | null | undefined,
  kind: ClusterKind,
): string | null {
  const endpoint = (value ?? "").trim();
  const problem = clusterEndpointProblem(endpoint, kind);
  if (problem !== null) {
    throw new AppError("INVALID", CLUSTER_ENDPOINT_MESSAGES[problem], { field: "endpoint" });
  }
  return endpoint === "" ? null : endpoint;
}
