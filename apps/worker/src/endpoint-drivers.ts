import { isClusterConnected, type EndpointDriver } from "@tessera/core";
import type { Cluster, Database } from "@tessera/db";
import { versionedByCluster } from "./drivers";

/** Builds the endpoint driver for one cluster record (createEndpointDriver in production); null for a kind that serves none. */
export type EndpointDriverFactory = (cluster: Cluster) => EndpointDriver | null;

export interface EndpointDriverRegistry {
  /** The cluster's endpoint driver, made once and reused until the record changes; null when it serves no endpoints. */
  driverFor(clusterId: string): Promise<EndpointDriver | null>;
  /** Active, connected clusters that serve endpoints (simulated and Kubernetes). */
  endpointClusters(): Promise<Cluster[]>;
}

const versionOf = (cluster: Cluster) =>
  JSON.stringify([cluster.updatedAt.getTime(), cluster.kind, cluster.endpoint]);

/** One endpoint driver per cluster id, cached; a change to the cluster's record makes a new one. */
export function createEndpointDriverRegistry(
  database: Database,
  factory: EndpointDriverFactory,
): EndpointDriverRegistry {
  const driverOf = versionedByCluster(versionOf, factory);
  return {
    async driverFor(clusterId) {
      const cluster = await database.cluster.findUniqueOrThrow({ where: { id: clusterId } });
      return driverOf(cluster);
    },
    async endpointClusters() {
      const clusters = await database.cluster.findMany({
        where: { active: true, kind: { in: ["SIM", "KUBERNETES"] } },
        orderBy: { code: "asc" },
      });
      return clusters.filter(
        (cluster) => isClusterConnected(cluster) && driverOf(cluster) !== null,
      );
    },
  };
}
