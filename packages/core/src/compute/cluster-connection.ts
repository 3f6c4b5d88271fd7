import type { ClusterKind } from "@tessera/db";

/**
 * Whether Tessera can reach the cluster's scheduler at all: a Slurm or Kubernetes record needs
 * the address of its API; the simulated cluster lives in the database. A cluster that is not
 * connected takes no work (placement passes it over, saying why) and the worker's sweeps leave
 * it alone instead of failing on it every period.
 */
export function isClusterConnected(cluster: {
  kind: ClusterKind;
  endpoint: string | null;
}): boolean {
  if (cluster.kind === "SIM") return true;
  return (cluster.endpoint ?? "").trim() !== "";
}

/** Why a cluster that is not connected takes no work, in the words placement shows. */
export const NOT_CONNECTED = "has no scheduler endpoint configured";
