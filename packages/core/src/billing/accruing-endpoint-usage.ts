import { Prisma } from "@tessera/db";
import { accruedUnitSeconds, secondsCrossed } from "../endpoints/lifecycle/accrued-unit-seconds";
import { scopeRows, type UnbilledAggregate, type UnbilledScope } from "./aggregate-usage";
import type { UsageAggregate } from "./rate-usage";
import type { SqlClient } from "./sql-client";

/**
 * An endpoint's open quota window as the live draft counts it: the unit-seconds its replicas have
 * run since the window began, up to now, not yet settled into a usage record (that happens when
 * the window is renewed, scaled or deleted: reholdEndpoint).
 */
export interface AccruingAggregate extends UnbilledAggregate {
  endpointId: string;
  /** When the window began: the intervalStart of the record that will settle it. */
  windowStart: Date;
  /** Replicas last seen ready × units per replica: the unit-seconds it accrues each second. */
  replicaUnits: number;
  /** When the cluster last reported the endpoint, and the unit-seconds counted up to then. */
  lastObservedAt: Date;
  observedUnitSeconds: bigint;
  /** The class's power draw per unit (W), its energy is estimated from. */
  powerDrawWatts: number;
}

interface OpenWindowRow {
  /** The scope's position (from 1) in the scopes asked for. */
  ord: bigint;
  endpointId: string;
  leaseStartedAt: Date;
  lastObservedAt: Date;
  readyReplicas: number;
  quantity: number;
  holdId: string;
  heldUnitSeconds: bigint;
  observedUnitSeconds: bigint;
  powerDrawWatts: number;
  resourceClassId: string;
  priceVersionId: string;
  allocationLineId: string;
  allocationId: string;
  usagePeriod: string;
}

/** W × unit-seconds / 3600 = Wh, in mWh rounded half up: what recordEndpointUsage's SQL writes. */
function estimatedMilliWh(powerDrawWatts: number, unitSeconds: bigint): bigint {
  return (BigInt(powerDrawWatts) * unitSeconds * 10n + 18n) / 36n;
}

/**
 * The open windows of an organisation's endpoints, each as the usage record that settling it at
 * `now` would write: the unit-seconds reholdEndpoint would settle (observed so far plus the
 * replicas last seen ready since the last observation, by the one rule accruedUnitSeconds: for at
 * most UNSEEN_ACCRUAL_SECONDS once its cluster goes silent, never more than the hold covers), keyed by
 * the window's start as that record is (its price version and usage month), with the energy
 * estimated from the class's power draw.
 *
 * Never counted twice: a window whose record already exists is left out, and callers read the
 * settled records first — a window settled between the two reads is then missing from one
 * refresh of the draft, never counted in both.
 */
export async function accruingEndpointUsage(
  client: SqlClient,
  scope: UnbilledScope,
  now: Date,
): Promise<AccruingAggregate[]> {
  return (await accruingEndpointUsageOf(client, [scope], now)).get(scope.organizationId) ?? [];
}

/**
 * accruingEndpointUsage of many organisations in one statement (a programme's dashboard reads
 * every awarded organisation's open windows at once), each organisation's windows cut by its own
 * scope. Every scope gets an entry.
 */
export async function accruingEndpointUsageOf(
  client: SqlClient,
  scopes: readonly UnbilledScope[],
  now: Date,
): Promise<Map<string, AccruingAggregate[]>> {
  const result = new Map<string, AccruingAggregate[]>(
    scopes.map((scope) => [scope.organizationId, []]),
  );
  if (scopes.length === 0) return result;
  const rows = await client.$queryRaw<OpenWindowRow[]>(Prisma.sql`
    SELECT s.ord, e."workloadId" AS "endpointId", e."leaseStartedAt", e."lastObservedAt",
           e."readyReplicas", w."quantity", w."holdId", w."heldUnitSeconds",
           e."observedUnitSeconds", rc."powerDrawWatts", w."resourceClassId",
           (SELECT pv."id" FROM "PriceVersion" pv
             WHERE pv."resourceClassId" = w."resourceClassId" AND pv."effectiveFrom" <= e."leaseStartedAt"
             ORDER BY pv."effectiveFrom" DESC LIMIT 1) AS "priceVersionId",
           w."allocationLineId", al."allocationId",
           CASE WHEN e."leaseStartedAt" >= s.start::timestamptz
                THEN s.period
                ELSE to_char(e."leaseStartedAt" AT TIME ZONE s.tz, 'YYYY-MM')
           END AS "usagePeriod"
      FROM ${scopeRows(scopes)}
      JOIN "Endpoint" e ON e."organizationId" = s.org
      JOIN "Workload" w ON w."id" = e."workloadId" AND w."organizationId" = s.org
      JOIN "ResourceClass" rc ON rc."id" = w."resourceClassId"
      JOIN "AllocationLine" al ON al."id" = w."allocationLineId"
     WHERE w."holdId" IS NOT NULL AND e."leaseStartedAt" IS NOT NULL
       AND e."lastObservedAt" IS NOT NULL
       AND e."leaseStartedAt" < s.before::timestamptz
       AND NOT EXISTS (
         SELECT 1 FROM "UsageRecord" u
          WHERE u."source" = 'K8S_SAMPLER'
            AND u."sourceRef" = w."id" || ':' || e."holdGeneration"::text
            AND u."intervalStart" = e."leaseStartedAt")`);
  for (const row of rows) {
    if (row.priceVersionId === null) continue;
    const counted = row.observedUnitSeconds + accruedUnitSeconds(row, now);
    const unitSeconds = counted < row.heldUnitSeconds ? counted : row.heldUnitSeconds;
    if (unitSeconds <= 0n) continue;
    result.get(scopes[Number(row.ord) - 1]!.organizationId)!.push({
      endpointId: row.endpointId,
      windowStart: row.leaseStartedAt,
      replicaUnits: row.readyReplicas * row.quantity,
      lastObservedAt: row.lastObservedAt,
      observedUnitSeconds: row.observedUnitSeconds,
      powerDrawWatts: row.powerDrawWatts,
      resourceClassId: row.resourceClassId,
      priceVersionId: row.priceVersionId,
      allocationLineId: row.allocationLineId,
      allocationId: row.allocationId,
      usagePeriod: row.usagePeriod,
      unitSeconds,
      tokens: 0n,
      energyMilliWh: estimatedMilliWh(row.powerDrawWatts, unitSeconds),
      energyMeasured: false,
    });
  }
  return result;
}

/**
 * Pure: the unit-seconds an open window had run by `at` (not after now), from what the cluster
 * reported: after its last observation, what was counted then plus its replicas last seen ready
 * for the time since (accruedUnitSeconds, the rule settling it follows); before it, what was
 * counted then less those replicas' time from `at` to it. Either way the answer depends on `at`
 * and the replicas, not on when it is read: a later observation of the same replicas adds to the
 * count and to the time after `at` alike. Counting from the window's start instead would count
 * time its replicas were not yet ready (an endpoint woken from zero) and, capped by what had
 * accrued by the reading, grow reading after reading until that cap passed it.
 */
export function windowUnitSecondsAt(window: AccruingAggregate, at: Date): bigint {
  const units = BigInt(window.replicaUnits);
  const counted =
    at >= window.lastObservedAt
      ? window.observedUnitSeconds +
        accruedUnitSeconds(
          {
            leaseStartedAt: window.windowStart,
            lastObservedAt: window.lastObservedAt,
            holdId: window.endpointId,
            readyReplicas: window.replicaUnits,
            quantity: 1,
            heldUnitSeconds: window.unitSeconds,
            observedUnitSeconds: window.observedUnitSeconds,
          },
          at,
        )
      : window.observedUnitSeconds - units * BigInt(secondsCrossed(at, window.lastObservedAt));
  if (counted < 0n) return 0n;
  return counted < window.unitSeconds ? counted : window.unitSeconds;
}

/**
 * Pure: the energy (mWh) of an open window from its start up to `at` (windowUnitSecondsAt),
 * estimated from the class's power draw as settling it would be: what a shared model's average
 * counts of an open window up to its last call (averageSharedEnergy). It stays the same from one
 * reading to the next while the replicas stay as they were.
 */
export function windowEnergyUpTo(window: AccruingAggregate, at: Date): bigint {
  return estimatedMilliWh(window.powerDrawWatts, windowUnitSecondsAt(window, at));
}

/** The key rating sums a line by: class, price version, allocation line and usage month. */
export function lineKeyOf(line: {
  resourceClassId: string;
  priceVersionId: string;
  allocationLineId: string | null;
  usagePeriod: string;
}): string {
  return [line.resourceClassId, line.priceVersionId, line.allocationLineId ?? "", line.usagePeriod]
    .map((part) => part.length + ":" + part)
    .join("|");
}

/**
 * Settled aggregates with open windows added into the line each will settle into, so that a line
 * is still summed first and priced once (its rounding the same before and after the window
 * settles).
 */
export function withAccruing<T extends UsageAggregate>(
  settled: readonly T[],
  accruing: readonly T[],
): T[] {
  const byKey = new Map<string, T>();
  for (const aggregate of [...settled, ...accruing]) {
    const key = lineKeyOf(aggregate);
    const seen = byKey.get(key);
    byKey.set(
      key,
      seen
        ? {
            ...seen,
            unitSeconds: seen.unitSeconds + aggregate.unitSeconds,
            tokens: seen.tokens + aggregate.tokens,
            energyMilliWh: seen.energyMilliWh + aggregate.energyMilliWh,
            energyMeasured: seen.energyMeasured && aggregate.energyMeasured,
          }
        : { ...aggregate },
    );
  }
  return [...byKey.values()];
}
