import { Prisma } from "@tessera/db";
import { withAccruing } from "../billing/accruing-endpoint-usage";
import type { UnbilledAggregate } from "../billing/aggregate-usage";
import { loadRatingTerms } from "../billing/load-rating-terms";
import { shareOutAdded } from "../billing/share-out-added";
import { rateUsage } from "../billing/rate-usage";
import type { SqlClient } from "../billing/sql-client";
import { loadPricesInForce } from "../catalogue/load-prices-in-force";
import { rateOf } from "../programmes/pricing";
import { UNSEEN_ACCRUAL_SECONDS } from "../workloads/lifecycle/record-workloads-seen";
import { readMonthSpend, type MonthSpend } from "./get-month-spend";

/** Something running now, and what it adds to the month if it runs on. */
export interface RunningCost {
  kind: "ENDPOINT" | "TRAINING_JOB";
  workloadId: string;
  name: string;
  /** Units running now: an endpoint's ready replicas × units per replica, or a job's units. */
  units: number;
  /** Projected to run until: the month's end, or a job's hold (walltime) end when sooner. */
  until: Date;
  /** True when it runs to the month's end (an endpoint, or a job whose walltime ends later). */
  toMonthEnd: boolean;
  /**
   * An endpoint whose allocation line runs out of quota before the month's end: `until` is when
   * its hold can no longer be renewed and Tessera scales it to zero (renewEndpointHold).
   */
  untilQuotaRunsOut: boolean;
  /**
   * An endpoint whose allocation ends before the month does (and before its quota runs out):
   * `until` is the allocation's end, when its hold can no longer be renewed.
   */
  untilAllocationEnds: boolean;
  /**
   * The organisation's share of one hour of it at today's price, in thousandths of a minor unit
   * (rateOf: THE pricing rule, the invoice's rounding, over 1,000 hours), so the rate shown × the
   * hours it runs gives its part to within a minor unit (€0.595 an hour, not €0.59 or €0.60).
   */
  hourlyTenantMilliMinor: bigint;
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

export interface RunningRow {
  kind: "ENDPOINT" | "TRAINING_JOB";
  workloadId: string;
  name: string;
  units: number;
  until: Date;
  resourceClassId: string;
  allocationLineId: string | null;
  allocationId: string | null;
  idleSecondsBeforeZero: number | null;
  /** An endpoint's: its current window's hold, and when the window began. */
  holdUnitSeconds: bigint | null;
  leaseStartedAt: Date | null;
  /** The line's granted − consumed − held: what new holds may still take. */
  lineRemaining: bigint | null;
  /** When the allocation it draws on ends: no endpoint window is renewed after it. */
  allocationEnds: Date | null;
}

/**
 * What runs now and will run on: live endpoints holding a window with replicas ready (their current
 * replicas, to the month's end), and running jobs (their units, to the end of their hold — units ×
 * walltime, as their accrual is capped — never past the month's end). A workload the backend has
 * not reported for UNSEEN_ACCRUAL_SECONDS is not projected: its accrual stops there too. Each with
 * the allocation line it draws on (its price in force is loadPricesInForce's).
 */
async function runningWorkloads(
  client: SqlClient,
  input: { organizationId: string; periodEnd: Date; now: Date },
): Promise<RunningRow[]> {
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
               h."unitSeconds" AS "holdUnitSeconds", e."leaseStartedAt"
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
               NULL::bigint, NULL::timestamptz
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
 * When each endpoint stops for want of quota, if before its `until`: the endpoints of one
 * allocation line draw on what the line has left (granted − consumed − held) plus the unspent part
 * of their own current windows' holds, together, at their units per second; once that is spent no
 * window can be renewed and Tessera scales them to zero (renewEndpointHold). A running job needs
 * nothing more: its whole walltime is held already. Endpoint id → the whole seconds from now it
 * can still run.
 */
export function quotaCutoffs(rows: readonly RunningRow[], nowSecond: number): Map<string, number> {
  const byLine = new Map<string, RunningRow[]>();
  for (const row of rows) {
    if (row.kind !== "ENDPOINT" || !row.allocationLineId || row.lineRemaining === null) continue;
    byLine.set(row.allocationLineId, [...(byLine.get(row.allocationLineId) ?? []), row]);
  }
  const cutoffs = new Map<string, number>();
  for (const endpoints of byLine.values()) {
    let left = endpoints[0]!.lineRemaining! > 0n ? endpoints[0]!.lineRemaining! : 0n;
    let units = 0n;
    for (const row of endpoints) {
      units += BigInt(row.units);
      if (row.holdUnitSeconds === null || row.leaseStartedAt === null) continue;
      const elapsed = BigInt(
        Math.max(0, nowSecond - Math.floor(row.leaseStartedAt.getTime() / 1000)),
      );
      const unspent = row.holdUnitSeconds - BigInt(row.units) * elapsed;
      if (unspent > 0n) left += unspent;
    }
    if (units === 0n) continue;
    const seconds = Number(left / units);
    for (const row of endpoints) {
      if (nowSecond + seconds < Math.floor(row.until.getTime() / 1000)) {
        cutoffs.set(row.workloadId, seconds);
      }
    }
  }
  return cutoffs;
}

/**
 * When each endpoint's allocation ends before its `until` (and before its quota would run out):
 * an expired allocation renews no window, so Tessera scales the endpoint to zero then
 * (renewEndpointHold). Endpoint id → the whole seconds from now it can still run.
 */
export function allocationCutoffs(
  rows: readonly RunningRow[],
  nowSecond: number,
): Map<string, number> {
  const cutoffs = new Map<string, number>();
  for (const row of rows) {
    if (row.kind !== "ENDPOINT" || row.allocationEnds === null) continue;
    const ends = Math.floor(row.allocationEnds.getTime() / 1000);
    if (ends < Math.floor(row.until.getTime() / 1000)) {
      cutoffs.set(row.workloadId, Math.max(0, ends - nowSecond));
    }
  }
  return cutoffs;
}

/**
 * The month's spend at month end, as a finance person would project it: what is spent so far
 * (getMonthSpend: settled and accruing up to now) plus, for each thing running now, its units ×
 * the whole seconds it will run from now to the month's end (or a job's walltime end, or when an
 * endpoint's allocation ends or its line runs out of quota and it is scaled to zero:
 * allocationCutoffs, quotaCutoffs), added into
 * the line it will be billed on and rated with the month's other usage by the one rating rule
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
  });
  const pricesInForce = await loadPricesInForce(
    database,
    rows.map((row) => row.resourceClassId),
    input.now,
  );
  const nowSecond = Math.floor(input.now.getTime() / 1000);
  // An endpoint runs on only while its allocation lasts, and as long as its line's quota does.
  const ends = allocationCutoffs(rows, nowSecond);
  for (const row of rows) {
    const seconds = ends.get(row.workloadId);
    if (seconds !== undefined) row.until = new Date((nowSecond + seconds) * 1000);
  }
  const cutoffs = quotaCutoffs(rows, nowSecond);
  for (const row of rows) {
    const seconds = cutoffs.get(row.workloadId);
    if (seconds !== undefined) row.until = new Date((nowSecond + seconds) * 1000);
  }
  const ahead = rows.flatMap((row): (UnbilledAggregate & { workloadId: string })[] => {
    const seconds = Math.floor(row.until.getTime() / 1000) - nowSecond;
    const price = pricesInForce.get(row.resourceClassId);
    if (price === undefined || seconds <= 0 || row.units <= 0) return [];
    return [
      {
        workloadId: row.workloadId,
        resourceClassId: row.resourceClassId,
        priceVersionId: price.priceVersionId,
        allocationLineId: row.allocationLineId,
        allocationId: row.allocationId,
        usagePeriod: spend.period,
        unitSeconds: BigInt(row.units) * BigInt(seconds),
        tokens: 0n,
        energyMilliWh: 0n,
        energyMeasured: false,
      },
    ];
  });
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
  const partOf = new Map(parts.map((part) => [part.workloadId, part.tenantMinor]));
  const running = rows
    .filter((row) => partOf.has(row.workloadId))
    .map((row): RunningCost => {
      const price = pricesInForce.get(row.resourceClassId)!;
      const award = row.allocationLineId ? terms.allocationOfLine.get(row.allocationLineId) : null;
      const hourly = rateOf(
        row.units,
        price.minorPerUnitHour,
        award?.subsidyRateBps ?? 0,
        terms.classes.get(row.resourceClassId)!.kind,
      );
      return {
        kind: row.kind,
        workloadId: row.workloadId,
        name: row.name,
        units: row.units,
        until: row.until,
        toMonthEnd: row.until.getTime() >= spend.periodEnd.getTime(),
        untilQuotaRunsOut: cutoffs.has(row.workloadId),
        untilAllocationEnds: ends.has(row.workloadId) && !cutoffs.has(row.workloadId),
        hourlyTenantMilliMinor: BigInt(hourly.tenantShareMilliMinor),
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
