import { clusterFingerprintSql, isClusterConnected, type ComputeDriver } from "@tessera/core";
import { DRIVEN_CLUSTER_KINDS } from "@tessera/drivers";
import { Prisma, type Cluster, type ClusterResource, type Database } from "@tessera/db";

export type ClusterWithResources = Cluster & { resources: ClusterResource[] };

/** Builds the driver for one cluster record (createDriver from @tessera/drivers in production). */
export type DriverFactory = (cluster: ClusterWithResources) => ComputeDriver;

export interface DriverRegistry {
  /**
   * The driver for the cluster, made once and reused until the cluster's record changes. A caller
   * that read the cluster's fingerprint already (clusterFingerprintSql) passes it and saves a
   * statement when it is the one the driver was made from.
   */
  driverFor(clusterId: string, fingerprint?: string): Promise<ComputeDriver>;
  /**
   * The clusters the worker drives: active, connected (isClusterConnected) and of a kind this
   * release has a driver for. No driver is made here: a cluster whose driver cannot be made
   * fails in its own sweep (driverFor), never the sweep of every cluster.
   */
  activeClusters(): Promise<ClusterWithResources[]>;
}

function versionOf(cluster: ClusterWithResources): string {
  return JSON.stringify([
    cluster.updatedAt.getTime(),
    cluster.kind,
    cluster.endpoint,
    cluster.resources.map((r) => [r.resourceClassId, r.capacity, r.slurmPartition, r.slurmGres]),
  ]);
}

/**
 * A per-cluster cache of what `make` builds from a cluster record, kept while `versionOf` of the
 * record stays the same (the compute and the endpoint driver registries share it).
 */
export function versionedByCluster<C extends { id: string }, T>(
  versionOf: (cluster: C) => string,
  make: (cluster: C) => T,
): (cluster: C) => T {
  const cache = new Map<string, { version: string; value: T }>();
  return (cluster) => {
    const version = versionOf(cluster);
    const cached = cache.get(cluster.id);
    if (cached?.version === version) return cached.value;
    const value = make(cluster);
    cache.set(cluster.id, { version, value });
    return value;
  };
}

/** One driver per cluster id, cached; a change to the cluster or its resources makes a new one. */
export function createDriverRegistry(database: Database, factory: DriverFactory): DriverRegistry {
  // Every launch asks for its cluster's driver: the fingerprint (the same fields as versionOf,
  // read with the launch's context or by one small statement) says whether the record the driver
  // was made from is still current, and only a change reads the whole record again.
  const fingerprints = new Map<string, { fingerprint: string; driver: ComputeDriver }>();

  const driverOf = versionedByCluster(versionOf, factory);

  return {
    async driverFor(clusterId, known) {
      const remembered = fingerprints.get(clusterId);
      if (known !== undefined && remembered?.fingerprint === known) return remembered.driver;
      const rows = await database.$queryRaw<{ fingerprint: string | null }[]>(
        Prisma.sql`SELECT ${clusterFingerprintSql(Prisma.sql`${clusterId}`)} AS "fingerprint"`,
      );
      const fingerprint = rows[0]?.fingerprint ?? undefined;
      if (fingerprint !== undefined && remembered?.fingerprint === fingerprint) {
        return remembered.driver;
      }
      const cluster = await database.cluster.findUniqueOrThrow({
        where: { id: clusterId },
        include: { resources: { orderBy: { resourceClassId: "asc" } } },
      });
      const driver = driverOf(cluster);
      if (fingerprint !== undefined) fingerprints.set(clusterId, { fingerprint, driver });
      return driver;
    },
    async activeClusters() {
      const clusters = await database.cluster.findMany({
        // A Kubernetes cluster in the catalogue waits for its driver (a later release), and a
        // cluster registered without its scheduler's address cannot be asked anything: sweeping
        // either would only fail the same way every period.
        where: { active: true, kind: { in: [...DRIVEN_CLUSTER_KINDS] } },
        include: { resources: { orderBy: { resourceClassId: "asc" } } },
        orderBy: { code: "asc" },
      });
      return clusters.filter(isClusterConnected);
    },
  };
}
