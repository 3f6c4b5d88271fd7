import type { ComputeDriver } from "@tessera/core";
import type { ServerEnv } from "@tessera/config";
import type { Cluster, ClusterKind, Database } from "@tessera/db";
import { SimDriver } from "./sim/sim-driver";
import { SlurmDriver } from "./slurm/slurm-driver";
import type { CommandRunner } from "./slurm/command-runner";
import { createUnsupportedDriver } from "./unsupported-driver";

export interface DriverDeps {
  env: Pick<ServerEnv, "SLURM_JWT_KEY_FILE" | "SLURM_USER_NAME">;
  db: Database;
  /** Overrides for tests and unusual deployments. */
  slurm?: {
    outputDirectory?: string;
    runCommand?: CommandRunner;
    fetch?: typeof fetch;
    timeoutMs?: number;
  };
}

export const KUBERNETES_NOT_YET = "Kubernetes clusters arrive in a later release.";

/** Cluster kinds this release drives; the worker's sweeps leave the others alone. */
export const DRIVEN_CLUSTER_KINDS: readonly ClusterKind[] = ["SLURM", "SIM"];

/** The driver for a cluster record, chosen by its kind. Worker tier only. */
export function createDriver(
  cluster: Pick<Cluster, "id" | "kind" | "endpoint">,
  deps: DriverDeps,
): ComputeDriver {
  switch (cluster.kind) {
    case "SIM":
      return new SimDriver({ clusterId: cluster.id, db: deps.db });
    case "SLURM":
      return new SlurmDriver({
        clusterId: cluster.id,
        endpoint: cluster.endpoint ?? "",
        keyFile: deps.env.SLURM_JWT_KEY_FILE,
        userName: deps.env.SLURM_USER_NAME,
        db: deps.db,
        ...deps.slurm,
      });
    case "KUBERNETES":
      return createUnsupportedDriver("KUBERNETES", KUBERNETES_NOT_YET);
  }
}
