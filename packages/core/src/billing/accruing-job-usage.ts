import { Prisma } from "@tessera/db";
import { scopeRows, type UnbilledAggregate, type UnbilledScope } from "./aggregate-usage";
import { monthSegmentsSql } from "./record-job-usage";
import { UNSEEN_ACCRUAL_SECONDS } from "../workloads/lifecycle/record-workloads-seen";
import type { SqlClient } from "./sql-client";

/**
 * A running job's time so far as the live draft counts it: its allocated units × the time since it
 * started, up to now (or soon after the backend last reported it), not yet settled into usage records (that happens when it finishes:
 * jobsUsageSql). One per month the job has run in, as its records will be.
 */
export interface AccruingJobAggregate extends UnbilledAggregate {
  jobId: string;
}

type RunningJobRow = Omit<AccruingJobAggregate, "priceVersionId"> & {
  ord: bigint;
  priceVersionId: string | null;
};

/**
 * Each organisation's running jobs, many organisations in one statement, each as the usage
 * records that its finishing at `now` would write (jobsUsageSql): units × whole seconds since it
 * started, never more than its hold (units × walltime), cut at the months of the organisation's
 * billing time zone by the same rule, each piece keyed by its start as its record is (price
 * version in force then, usage month), with the energy estimated from the class's power draw.
 *
 * Counted only while the backend keeps reporting the job: up to UNSEEN_ACCRUAL_SECONDS after the
 * tracker last saw it (lastObservedAt), so a job that died without a word stops accruing within
 * minutes rather than running on to its hold until its end (or its loss) is observed.
 *
 * Never counted twice: a job with usage records is left out, and callers read the settled records
 * first — a job that finishes between the two reads (its records are written in the statement
 * that ends it) is then missing from one refresh of the draft, never counted in both
 * (accruingUsageOf). Every scope gets an entry.
 */
export async function accruingJobUsageOf(
  client: SqlClient,
  scopes: readonly UnbilledScope[],
  now: Date,
): Promise<Map<string, AccruingJobAggregate[]>> {
  const result = new Map<string, AccruingJobAggregate[]>(
    scopes.map((scope) => [scope.organizationId, []]),
  );
  if (scopes.length === 0) return result;
  const rows = await client.$queryRaw<RunningJobRow[]>(Prisma.sql`
    SELECT s.ord, w."id" AS "jobId", w."resourceClassId", w."allocationLineId",
           al."allocationId",
           (SELECT pv."id" FROM "PriceVersion" pv
             WHERE pv."resourceClassId" = w."resourceClassId"
               AND pv."effectiveFrom" <= (seg.s AT TIME ZONE 'UTC')
             ORDER BY pv."effectiveFrom" DESC LIMIT 1) AS "priceVersionId",
           to_char(seg.s AT TIME ZONE s.tz, 'YYYY-MM') AS "usagePeriod",
           (w."quantity"::bigint * extract(epoch FROM seg.e - seg.s)::bigint) AS "unitSeconds",
           -- W × s / 3600 = Wh; × 1000 = mWh, as jobsUsageSql estimates it
           round(rc."powerDrawWatts"::numeric * w."quantity"
                 * extract(epoch FROM seg.e - seg.s) / 3.6)::bigint AS "energyMilliWh",
           0::bigint AS "tokens", false AS "energyMeasured"
      FROM ${scopeRows(scopes)}
      JOIN "Workload" w ON w."organizationId" = s.org
      JOIN "ResourceClass" rc ON rc."id" = w."resourceClassId"
      LEFT JOIN "AllocationLine" al ON al."id" = w."allocationLineId"
      CROSS JOIN LATERAL (
        SELECT date_trunc('second', w."startedAt") AT TIME ZONE 'UTC' AS job_start,
               -- least() skips a null: a job never stamped as seen counts up to now
               least(${now.toISOString()}::timestamptz,
                     (w."lastObservedAt" AT TIME ZONE 'UTC')
                       + make_interval(secs => ${UNSEEN_ACCRUAL_SECONDS})) AS counted_to
      ) c
      CROSS JOIN LATERAL (
        SELECT c.job_start,
               c.job_start + make_interval(secs => least(
                 greatest(floor(extract(epoch FROM c.counted_to - c.job_start)), 0),
                 w."heldUnitSeconds" / greatest(w."quantity", 1))) AS job_end
      ) j
      ${monthSegmentsSql(Prisma.sql`s.tz`, Prisma.sql`j.job_start`, Prisma.sql`j.job_end`)}
     WHERE w."kind" = 'TRAINING_JOB' AND w."status" = 'RUNNING'
       AND w."startedAt" IS NOT NULL AND w."externalId" IS NOT NULL
       AND seg.e > seg.s AND seg.s < s.before::timestamptz
       AND NOT EXISTS (
         SELECT 1 FROM "UsageRecord" u
          WHERE u."workloadId" = w."id"
            AND u."sourceRef" = w."clusterId" || ':' || w."externalId")
     ORDER BY s.ord, w."id", seg.s`);
  for (const { ord, priceVersionId, ...aggregate } of rows) {
    // A class with no price in force yet is not billed (as rating leaves it out).
    if (priceVersionId === null) continue;
    result.get(scopes[Number(ord) - 1]!.organizationId)!.push({ ...aggregate, priceVersionId });
  }
  return result;
}
