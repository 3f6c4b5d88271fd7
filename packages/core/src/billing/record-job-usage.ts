import { Prisma } from "@tessera/db";
import { DEFAULT_BILLING_TIME_ZONE } from "./billing-time-zone";

/** What a finished job used: `unitSeconds` (= quantity × seconds run) from `startedAt` on. */
export interface JobUsage {
  workloadId: string;
  startedAt: Date;
  /** The settled unit-seconds (the job's allocated units × elapsed, capped by its hold). */
  unitSeconds: number;
  quantity: number;
  /** Energy the backend measured for the whole job, when it reports it; else estimated. */
  measuredEnergyMilliWh?: number | null;
}

/**
 * A lateral join `seg(s, e)` that cuts a job's time from `start` to `end` (timestamptz SQL) at the
 * month boundaries of time zone `tz`: one row per month the job ran in, each a UsageRecord's
 * interval (a piece may be empty when the job ends on a boundary; callers keep e > s).
 */
export function monthSegmentsSql(tz: Prisma.Sql, start: Prisma.Sql, end: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
        CROSS JOIN LATERAL (
          SELECT greatest(m AT TIME ZONE ${tz}, ${start}) AS s,
                 least((m + interval '1 month') AT TIME ZONE ${tz}, ${end}) AS e
            FROM generate_series(date_trunc('month', ${start} AT TIME ZONE ${tz}),
                                 date_trunc('month', ${end} AT TIME ZONE ${tz}),
                                 interval '1 month') AS m
        ) seg`;
}

/**
 * A common table expression `usage` that meters finished jobs: each job's allocated units ×
 * elapsed, once per job, split at the month boundaries of its organisation's billing time zone.
 * Each piece is a UsageRecord keyed (source, "<clusterId>:<jobId>", interval start) and written
 * with ON CONFLICT DO NOTHING, so a job metered twice is counted once. Energy is the backend's
 * measurement shared out by time when there is one, else the class's power draw × units × time.
 * Records are written in the order of their organisations' invoice lock keys (each takes the
 * shared side of that lock as it is written; see the billing cut in the schema), the order
 * finalisation locks organisations in. With `gate`, the name of an earlier CTE of the caller's
 * statement, nothing is written unless that CTE yielded a row (the change the usage belongs to
 * happened).
 */
export function jobsUsageSql(jobs: readonly JobUsage[], gate?: string): Prisma.Sql {
  if (gate !== undefined && !/^[a-z_]+$/.test(gate)) throw new Error(`Bad CTE name "${gate}"`);
  // The hold is quantity × walltime, so a settled figure is whole seconds of all units.
  const secondsOf = (job: JobUsage) => Math.floor(job.unitSeconds / Math.max(1, job.quantity));
  const startOf = (job: JobUsage) =>
    new Date(Math.floor(job.startedAt.getTime() / 1000) * 1000).toISOString();
  const gated = gate
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM ${Prisma.raw(`"${gate}"`)})`
    : Prisma.empty;
  return Prisma.sql`
    usage AS (
      INSERT INTO "UsageRecord" ("organizationId", "source", "sourceRef", "intervalStart",
                                 "intervalEnd", "resourceClassId", "workloadId", "projectId",
                                 "allocationLineId", "quantity", "unitSeconds", "energyMilliWh",
                                 "energyBasis")
      SELECT w."organizationId",
             (CASE WHEN c."kind" = 'SIM' THEN 'SIM' ELSE 'SLURM_ACCOUNTING' END)::"UsageSource",
             w."clusterId" || ':' || w."externalId",
             seg.s AT TIME ZONE 'UTC', seg.e AT TIME ZONE 'UTC',
             w."resourceClassId", w."id", w."projectId", w."allocationLineId", w."quantity",
             w."quantity"::bigint * extract(epoch FROM seg.e - seg.s)::bigint,
             CASE WHEN job.measured IS NULL
                  -- W × s / 3600 = Wh; × 1000 = mWh
                  THEN round(rc."powerDrawWatts"::numeric * w."quantity"
                             * extract(epoch FROM seg.e - seg.s) / 3.6)::bigint
                  ELSE round(job.measured::numeric * extract(epoch FROM seg.e - seg.s)
                             / job.seconds)::bigint END,
             (CASE WHEN job.measured IS NULL THEN 'ESTIMATED' ELSE 'MEASURED' END)::"EnergyBasis"
        FROM unnest(${jobs.map((job) => job.workloadId)}::text[],
                    ${jobs.map(startOf)}::text[],
                    ${jobs.map(secondsOf)}::int[],
                    ${jobs.map((job) => job.measuredEnergyMilliWh ?? null)}::bigint[])
          AS job(workload_id, started_at, seconds, measured)
        JOIN "Workload" w ON w."id" = job.workload_id
        JOIN "Cluster" c ON c."id" = w."clusterId"
        JOIN "ResourceClass" rc ON rc."id" = w."resourceClassId"
        LEFT JOIN "BillingAccount" b ON b."organizationId" = w."organizationId"
        CROSS JOIN LATERAL (
          SELECT COALESCE(b."timeZone", ${DEFAULT_BILLING_TIME_ZONE}) AS tz,
                 job.started_at::timestamptz AS job_start,
                 job.started_at::timestamptz + make_interval(secs => job.seconds) AS job_end
        ) j
        ${monthSegmentsSql(Prisma.sql`j.tz`, Prisma.sql`j.job_start`, Prisma.sql`j.job_end`)}
       WHERE w."externalId" IS NOT NULL AND seg.e > seg.s ${gated}
       ORDER BY hashtext(w."organizationId")
      ON CONFLICT ("source", "sourceRef", "intervalStart") DO NOTHING
      RETURNING "id"
    )`;
}

/** jobsUsageSql for one job. */
export function jobUsageSql(usage: JobUsage, gate?: string): Prisma.Sql {
  return jobsUsageSql([usage], gate);
}

/**
 * Meters finished jobs inside the caller's transaction (or as one statement of their own): the
 * worker's path for a job that ended (in the same statement as the end itself) and, with many
 * jobs, the batched form the benchmark and accounting backfills use. Returns records written.
 */
export async function recordJobsUsage(
  client: { $queryRaw<R>(query: Prisma.Sql): Prisma.PrismaPromise<R> },
  jobs: readonly JobUsage[],
): Promise<number> {
  if (jobs.length === 0) return 0;
  const rows = await client.$queryRaw<{ written: bigint }[]>(Prisma.sql`
    WITH ${jobsUsageSql(jobs)} SELECT count(*) AS "written" FROM usage`);
  return Number(rows[0]?.written ?? 0n);
}

/** Meters one finished job inside the caller's transaction (jobUsageSql); returns records written. */
export async function recordJobUsage(
  client: { $queryRaw<R>(query: Prisma.Sql): Prisma.PrismaPromise<R> },
  usage: JobUsage,
): Promise<number> {
  return recordJobsUsage(client, [usage]);
}
