import { Prisma } from "@tessera/db";

/**
 * SQL for a text that changes whenever what a cluster's driver is made from changes: the cluster's
 * updatedAt, kind and endpoint and, per resource class, capacity, units per node and Slurm mapping. The worker's
 * driver registry keeps a driver while this stays the same; a launch reads it with its context, so
 * finding the driver costs no statement of its own. `clusterId` is an SQL expression.
 */
export function clusterFingerprintSql(clusterId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT json_build_array(
             fc."updatedAt", fc."kind", fc."endpoint",
             (SELECT json_agg(json_build_array(fr."resourceClassId", fr."capacity",
                                               fr."slurmPartition", fr."slurmGres",
                                               fr."unitsPerNode")
                              ORDER BY fr."resourceClassId")
                FROM "ClusterResource" fr WHERE fr."clusterId" = fc."id"))::text
      FROM "Cluster" fc WHERE fc."id" = ${clusterId})`;
}
