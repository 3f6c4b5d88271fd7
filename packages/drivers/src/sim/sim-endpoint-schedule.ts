import { Prisma } from "@tessera/db";

/** What one simulated endpoint asks of the simulated cluster. */
export interface SimReplicaDemand {
  /** SimEndpoint.id, as text. */
  id: string;
  replicas: number;
  changedAt: Date;
  /** Null when the class is not known (an endpoint applied before its class was recorded). */
  resourceClassId: string | null;
  unitsPerReplica: number;
}

export interface SimEndpointSchedule {
  /** Replicas placed per SimEndpoint.id; the rest are pending. */
  placed: Map<string, number>;
  /** Units per class the placed replicas take. */
  unitsByClass: Map<string, number>;
}

/**
 * Pure: which replicas the simulated cluster runs. Each class's capacity, less the units running
 * jobs take, goes to the endpoints in the order they last changed — a replica already placed keeps
 * its place, as a bound pod does, and replicas asked for later wait behind — each getting as many
 * whole replicas as fit; the others stay pending, as Kubernetes leaves a pod the scheduler cannot
 * fit. An endpoint whose class the cluster does not account for runs every replica.
 */
export function scheduleSimReplicas(
  demands: readonly SimReplicaDemand[],
  capacity: ReadonlyMap<string, number>,
  jobUnits: ReadonlyMap<string, number>,
): SimEndpointSchedule {
  const free = new Map(
    [...capacity].map(([classId, units]) => [classId, units - (jobUnits.get(classId) ?? 0)]),
  );
  const placed = new Map<string, number>();
  const unitsByClass = new Map<string, number>();
  const ordered = [...demands].sort(
    (a, b) =>
      a.changedAt.getTime() - b.changedAt.getTime() ||
      (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0),
  );
  for (const demand of ordered) {
    const left = demand.resourceClassId === null ? undefined : free.get(demand.resourceClassId);
    if (left === undefined || demand.unitsPerReplica <= 0) {
      placed.set(demand.id, demand.replicas);
      continue;
    }
    const fit = Math.min(demand.replicas, Math.max(0, Math.floor(left / demand.unitsPerReplica)));
    const units = fit * demand.unitsPerReplica;
    placed.set(demand.id, fit);
    free.set(demand.resourceClassId!, left - units);
    unitsByClass.set(
      demand.resourceClassId!,
      (unitsByClass.get(demand.resourceClassId!) ?? 0) + units,
    );
  }
  return { placed, unitsByClass };
}

type SqlClient = { $queryRaw<T>(query: Prisma.Sql): Prisma.PrismaPromise<T> };

interface ScheduleRow {
  demands: (Omit<SimReplicaDemand, "changedAt"> & { changedAt: string })[];
  capacity: { resourceClassId: string; capacity: number }[];
  jobs: { resourceClassId: string; units: number }[];
}

/**
 * The simulated cluster's endpoint schedule now, from its SimEndpoint rows (every installation's:
 * they share the cluster), its capacity per class and the units its running jobs take — read in
 * one statement, as the job scheduler reads it under its lock.
 */
export async function loadSimEndpointSchedule(
  db: SqlClient,
  clusterId: string,
): Promise<SimEndpointSchedule> {
  const rows = await db.$queryRaw<ScheduleRow[]>(Prisma.sql`
    SELECT
      (SELECT COALESCE(json_agg(json_build_object(
                'id', s."id"::text, 'replicas', s."replicas",
                'changedAt', to_char(s."changedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'resourceClassId', rc."id",
                'unitsPerReplica', COALESCE((s."spec"->>'unitsPerReplica')::int, 0))), '[]'::json)
         FROM "SimEndpoint" s
         LEFT JOIN "ResourceClass" rc ON rc."code" = s."spec"->>'resourceClassCode'
        WHERE s."clusterId" = ${clusterId} AND s."replicas" > 0) AS "demands",
      (SELECT COALESCE(json_agg(json_build_object(
                'resourceClassId', cr."resourceClassId", 'capacity', cr."capacity")), '[]'::json)
         FROM "ClusterResource" cr WHERE cr."clusterId" = ${clusterId}) AS "capacity",
      (SELECT COALESCE(json_agg(json_build_object(
                'resourceClassId', j."resourceClassId", 'units', j."units")), '[]'::json)
         FROM (SELECT "resourceClassId", SUM("quantity")::int AS "units" FROM "SimJob"
                WHERE "clusterId" = ${clusterId} AND "state" = 'RUNNING'
                GROUP BY "resourceClassId") j) AS "jobs"`);
  const row = rows[0] ?? { demands: [], capacity: [], jobs: [] };
  return scheduleSimReplicas(
    row.demands.map((demand) => ({ ...demand, changedAt: new Date(demand.changedAt) })),
    new Map(row.capacity.map((c) => [c.resourceClassId, c.capacity])),
    new Map(row.jobs.map((j) => [j.resourceClassId, j.units])),
  );
}
