import { Prisma } from "@tessera/db";
import { withAccruing } from "../billing/accruing-endpoint-usage";
import type { UnbilledAggregate } from "../billing/aggregate-usage";
import { jobRecordStartSql, priceVersionAtSql } from "../billing/current-record-price";
import { loadRatingTerms } from "../billing/load-rating-terms";
import { shareOutAdded } from "../billing/share-out-added";
import { rateUsage } from "../billing/rate-usage";
import type { SqlClient } from "../billing/sql-client";
import { loadPricesInForce } from "../catalogue/load-prices-in-force";
import { rateOf } from "../programmes/pricing";
import { UNSEEN_ACCRUAL_SECONDS } from "../workloads/lifecycle/record-workloads-seen";
import { endpointStops, nextWindowAt, type RenewalRow } from "./endpoint-stops";
import { readMonthSpend, type MonthSpend } from "./get-month-spend";

/** Something running now, and what it adds to the month if it runs on. */
export interface RunningCost {
  kind: "ENDPOINT" | "TRAINING_JOB";
  workloadId: string;
  name: string;
  /** Units running now: an endpoint's ready replicas × units per replica, or a job's units. */
  units: number;
  /**
   * Projected to run until: the month's end, or a job's hold (walltime) end, or an endpoint's
   * stop (see below) when sooner.
   */
  until: Date;
  /** True when it runs to the month's end (an endpoint, or a job whose walltime ends later). */
  toMonthEnd: boolean;
  /**
   * An endpoint whose allocation line cannot cover another whole lease window before the month's
   * end: `until` is the renewal that finds less than a window left, when Tessera scales it to zero
   * (renewEndpointHold; endpointStops).
   */
  untilQuotaRunsOut: boolean;
  /**
   * An endpoint whose allocation ends before the month does (and before its quota runs short):
   * `until` is its first renewal at or after the allocation's end, which holds nothing and scales
   * it to zero (endpointStops).
   */
  untilAllocationEnds: boolean;
  /**
   * The organisation's share of one hour of it at the price it is billed at, in thousandths of a
   * minor unit (rateOf: THE pricing rule, the invoice's rounding, over 1,000 hours), so the rate
   * shown × the hours it runs gives its part to within a minor unit (€0.595 an hour, not €0.59 or
   * €0.60). A job's is at the price of its current usage record, which it keeps to the month's
   * end; an endpoint's at the price of its current lease window, or of the windows from its next
   * one on when that is another (see `currentWindow`).
   */
  hourlyTenantMilliMinor: bigint;
  /**
   * An endpoint whose current lease window is billed at another price than the one in force now
   * (the price changed during the window), and whose next window opens before `until`: that next
   * window, from when it runs at `hourlyTenantMilliMinor`, and its rate until then. Else null.
   */
  currentWindow: { until: Date; hourlyTenantMilliMinor: bigint } | null;
  /** The organisation's share of it from now until `until`: its part of the projected lines. */
  restMinor: bigint;
  /**
   * An endpoint that scales to zero (minimum 0 replicas): after how many seconds idle. The
   * projection still runs it to the month's end; the page says it would cost less. Else null.
   */
  idleSecondsBeforeZero: number | null;
}

export interface MonthProjection extends MonthSpend {
  /** spentMinor + what is running now, each up to its `until`. */
  projectedMinor: bigint;
  /** What is running now, most expensive for the rest of the month first. */
  running: RunningCost[];
}

/** Of what runs on: a stretch of whole seconds from `fromSecond` (epoch) at one price version. */
interface Stretch {
  priceVersionId: string;
  fromSecond: number;
  seconds: number;
}

interface RunningRow extends RenewalRow {
  name: string;
  resourceClassId: string;
  /** The price version of its current usage record: in force when the record began. */
  recordPriceVersionId: string | null;
  allocationId: string | null;
  idleSecondsBeforeZero: number | null;
}

/**
 * What runs now and will run on: live endpoints holding a window with replicas ready (their current
 * replicas, to the month's end), and running jobs (their units, to the end of their hold — units ×
 * walltime, as their accrual is capped — never past the month's end). A workload the backend has
 * not reported for UNSEEN_ACCRUAL_SECONDS is not projected: its accrual stops there too. Each with
 * the allocation line it draws on, and the price version of its current usage record (billing
 * prices a record at the version in force when it began): an endpoint's lease window, a job's
 * start or the start of its billing month in `timeZone` (jobRecordStartSql).
 */
async function runningWorkloads(
  client: SqlClient,
  input: { organizationId: string; periodEnd: Date; now: Date; timeZone: string },
): Promise<RunningRow[]> {
  const resourceClass = Prisma.sql`w."resourceClassId"`;
  const jobRecordStart = jobRecordStartSql(
    input.now,
    Prisma.sql`date_trunc('second', w."startedAt")`,
    Prisma.sql`${input.timeZone}`,
  );
  const now = input.now.toISOString();
  const end = input.periodEnd.toISOString();
  const seenSince = new Date(input.now.getTime() - UNSEEN_ACCRUAL_SECONDS * 1000).toISOString();
  return client.$queryRaw<RunningRow[]>(Prisma.sql`
    SELECT r.*, al."allocationId",
           al."grantedUnitSeconds" - al."consumedUnitSeconds" - al."heldUnitSeconds"
             AS "lineRemaining",
           a."validTo" AS "allocationEnds"
      FROM (
        SELECT 'ENDPOINT' AS "kind", w."id" AS "workloadId", w."name",
               (e."readyReplicas" * w."quantity") AS "units",
               ${end}::timestamptz AS "until",
               w."resourceClassId", w."allocationLineId",
               CASE WHEN e."minReplicas" = 0 THEN e."idleSecondsBeforeZero" END
                 AS "idleSecondsBeforeZero",
               h."unitSeconds" AS "holdUnitSeconds", e."leaseStartedAt", e."leaseSeconds",
               e."desiredReplicas", w."quantity" AS "unitsPerReplica", e."observedUnitSeconds",
               greatest(e."lastObservedAt", e."leaseStartedAt") AS "countedFrom",
               ${priceVersionAtSql(resourceClass, Prisma.sql`e."leaseStartedAt"`, "id")}
                 AS "recordPriceVersionId"
          FROM "Endpoint" e JOIN "Workload" w ON w."id" = e."workloadId"
          LEFT JOIN "QuotaHold" h ON h."id" = w."holdId" AND h."status" = 'ACTIVE'
                                 AND h."organizationId" = w."organizationId"
         WHERE e."organizationId" = ${input.organizationId}
           AND w."organizationId" = ${input.organizationId}
           AND w."holdId" IS NOT NULL AND e."leaseStartedAt" IS NOT NULL
           AND e."readyReplicas" > 0
           AND e."status" IN ('DEPLOYING', 'READY', 'DEGRADED')
           AND e."lastObservedAt" >= ${seenSince}::timestamptz
        UNION ALL
        SELECT 'TRAINING_JOB', w."id", w."name", w."quantity",
               least(${end}::timestamptz,
                     date_trunc('second', w."startedAt")
                       + make_interval(secs => w."heldUnitSeconds" / greatest(w."quantity", 1))),
               w."resourceClassId", w."allocationLineId", NULL::integer,
               NULL::bigint, NULL::timestamptz, NULL::integer, NULL::integer, NULL::integer,
               NULL::bigint, NULL::timestamptz,
               ${priceVersionAtSql(resourceClass, jobRecordStart, "id")}
          FROM "Workload" w
         WHERE w."organizationId" = ${input.organizationId}
           AND w."kind" = 'TRAINING_JOB' AND w."status" = 'RUNNING'
           AND w."startedAt" IS NOT NULL AND w."externalId" IS NOT NULL
           AND (w."lastObservedAt" IS NULL OR w."lastObservedAt" >= ${seenSince}::timestamptz)
      ) r
      LEFT JOIN "AllocationLine" al ON al."id" = r."allocationLineId"
      LEFT JOIN "Allocation" a ON a."id" = al."allocationId"
     WHERE r."until" > ${now}::timestamptz
     ORDER BY r."kind", r."workloadId"`);
}

/**
 * The month's spend at month end, as a finance person would project it: what is spent so far
 * (getMonthSpend: settled and accruing up to now) plus, for each thing running now, its units ×
 * the whole seconds it will run from now to the month's end (or a job's walltime end, or the
 * renewal at which an endpoint's line cannot hold another window or its allocation has ended, and
 * it is scaled to zero: endpointStops), at the price version billing will price it at — a running
 * job at its current usage record's, which it keeps to the month's end; an endpoint at its current
 * lease window's until its next window (nextWindowAt) and at the version in force from then —
 * added into the line it will be billed on and rated with the month's other usage by the one rating rule
 * (rateUsage: list once per line, the programme's share at the award's rate and never past what is
 * left of the award). Each running thing's part is the projected lines less the lines so far,
 * shared out by unit-seconds (shareOutAdded), so the parts add up to the projection
 * exactly. Nothing else is assumed to start: usage not running now (a job still queued, calls to
 * shared models) is not projected.
 */
export async function projectMonthSpend(
  database: SqlClient,
  input: { organizationId: string; sellerCountry: string; now: Date },
): Promise<MonthProjection> {
  const { spend, lines } = await readMonthSpend(database, input);
  const rows = await runningWorkloads(database, {
    organizationId: input.organizationId,
    periodEnd: spend.periodEnd,
    now: input.now,
    timeZone: spend.timeZone,
  });
  const pricesInForce = await loadPricesInForce(
    database,
    rows.map((row) => row.resourceClassId),
    input.now,
  );
  const nowSecond = Math.floor(input.now.getTime() / 1000);
  // An endpoint runs on only until a renewal cannot hold another window for it.
  const stops = endpointStops(rows, input.now);
  for (const row of rows) {
    const stop = stops.get(row.workloadId);
    if (stop) row.until = stop.at;
  }
  // What each runs at, stretch by stretch: a job at its record's price to the month's end; an
  // endpoint at its window's until its next window, and each window from then on at the version
  // in force. Whole seconds from now.
  const stretchesOf = new Map(
    rows.map((row): [string, Stretch[]] => {
      const untilSecond = Math.floor(row.until.getTime() / 1000);
      const inForce = pricesInForce.get(row.resourceClassId)?.priceVersionId;
      const current = row.recordPriceVersionId ?? inForce;
      if (current === undefined || untilSecond <= nowSecond || row.units <= 0) {
        return [row.workloadId, []];
      }
      const next = row.kind === "ENDPOINT" ? nextWindowAt(row, input.now) : null;
      const splitSecond =
        next && inForce !== undefined && inForce !== current
          ? Math.min(Math.floor(next.getTime() / 1000), untilSecond)
          : untilSecond;
      const stretches = [
        { priceVersionId: current, fromSecond: nowSecond, seconds: splitSecond - nowSecond },
        { priceVersionId: inForce!, fromSecond: splitSecond, seconds: untilSecond - splitSecond },
      ];
      return [row.workloadId, stretches.filter((stretch) => stretch.seconds > 0)];
    }),
  );
  const ahead = rows.flatMap((row): (UnbilledAggregate & { workloadId: string })[] =>
    stretchesOf.get(row.workloadId)!.map((stretch) => ({
      workloadId: row.workloadId,
      resourceClassId: row.resourceClassId,
      priceVersionId: stretch.priceVersionId,
      allocationLineId: row.allocationLineId,
      allocationId: row.allocationId,
      usagePeriod: spend.period,
      unitSeconds: BigInt(row.units) * BigInt(stretch.seconds),
      tokens: 0n,
      energyMilliWh: 0n,
      energyMeasured: false,
    })),
  );
  if (ahead.length === 0) {
    return { ...spend, projectedMinor: spend.spentMinor, running: [] };
  }
  const soFar: UnbilledAggregate[] = lines;
  const projected = withAccruing(soFar, ahead);
  const terms = await loadRatingTerms(database, projected, { lock: false });
  const parts = shareOutAdded(
    rateUsage(projected, terms.prices, terms.allocationOfLine),
    rateUsage(soFar, terms.prices, terms.allocationOfLine),
    ahead,
  );
  const partOf = new Map<string, bigint>();
  for (const part of parts) {
    partOf.set(part.workloadId, (partOf.get(part.workloadId) ?? 0n) + part.tenantMinor);
  }
  const running = rows
    .filter((row) => partOf.has(row.workloadId))
    .map((row): RunningCost => {
      const award = row.allocationLineId ? terms.allocationOfLine.get(row.allocationLineId) : null;
      const hourlyAt = (priceVersionId: string) =>
        BigInt(
          rateOf(
            row.units,
            terms.prices.get(priceVersionId)!.minorPerUnitHour,
            award?.subsidyRateBps ?? 0,
            terms.classes.get(row.resourceClassId)!.kind,
          ).tenantShareMilliMinor,
        );
      const stretches = stretchesOf.get(row.workloadId)!;
      const last = stretches[stretches.length - 1]!;
      const [first] = stretches;
      return {
        kind: row.kind,
        workloadId: row.workloadId,
        name: row.name,
        units: row.units,
        until: row.until,
        toMonthEnd: row.until.getTime() >= spend.periodEnd.getTime(),
        untilQuotaRunsOut: stops.get(row.workloadId)?.reason === "QUOTA",
        untilAllocationEnds: stops.get(row.workloadId)?.reason === "ALLOCATION_END",
        hourlyTenantMilliMinor: hourlyAt(last.priceVersionId),
        currentWindow:
          stretches.length > 1
            ? {
                until: new Date(last.fromSecond * 1000),
                hourlyTenantMilliMinor: hourlyAt(first!.priceVersionId),
              }
            : null,
        restMinor: partOf.get(row.workloadId)!,
        idleSecondsBeforeZero: row.idleSecondsBeforeZero,
      };
    })
    .sort((a, b) => (b.restMinor > a.restMinor ? 1 : b.restMinor < a.restMinor ? -1 : 0));
  return {
    ...spend,
    projectedMinor: running.reduce((sum, cost) => sum + cost.restMinor, spend.spentMinor),
    running,
  };
}
