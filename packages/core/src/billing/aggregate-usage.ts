import { Prisma } from "@tessera/db";
import { DEFAULT_BILLING_TIME_ZONE } from "./billing-time-zone";
import type { UsageAggregate } from "./rate-usage";
import type { SqlClient } from "./sql-client";

/**
 * Price versions with the instant each stops being in force (the next version's start): the one
 * in force at a record's interval start is found by a range join, not a lookup per record.
 */
const PRICE_VERSIONS = Prisma.sql`
  SELECT "id", "resourceClassId", "effectiveFrom",
         lead("effectiveFrom") OVER (PARTITION BY "resourceClassId" ORDER BY "effectiveFrom") AS "until"
    FROM "PriceVersion"`;

const IN_FORCE = Prisma.sql`pv."resourceClassId" = u."resourceClassId"
  AND pv."effectiveFrom" <= u."intervalStart" AND (pv."until" IS NULL OR u."intervalStart" < pv."until")`;

/**
 * An organisation's latest invoice — the one covering the most usage (see UsageRecord in the
 * schema): invoices are finalised month after month and each covers at least what the one before
 * it did, so a record is billed exactly when the latest invoice covers it. `organization` is the
 * SQL of the organisation's id; yields "through", "until" (the period's end) and "period".
 */
export function latestInvoiceSql(organization: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT i."usageThroughId" AS "through", i."periodEnd" AS "until", i."period"
      FROM "Invoice" i
     WHERE i."organizationId" = ${organization} AND i."kind" = 'INVOICE'
     ORDER BY i."usageThroughId" DESC, i."periodEnd" DESC
     LIMIT 1`;
}

/** The record `u` is not covered by `latest` (an alias of latestInvoiceSql's row, or absent). */
export function notCoveredBy(latest: string): Prisma.Sql {
  const l = Prisma.raw(latest);
  return Prisma.sql`(${l}."through" IS NULL OR u."id" > ${l}."through"
                     OR u."intervalStart" >= ${l}."until")`;
}

/** SQL: the tokens of a usage record `u` (prompt and completion; none for compute records). */
export const RECORD_TOKENS = Prisma.sql`(COALESCE(u."tokensIn", 0) + COALESCE(u."tokensOut", 0))`;

/**
 * SQL: the usage month ("YYYY-MM") of a usage record `u`: the month its interval starts in, in
 * the billing time zone `timeZone` (SQL, or a zone name sent as a parameter).
 */
export function usagePeriodSql(timeZone: Prisma.Sql | string): Prisma.Sql {
  return Prisma.sql`to_char((u."intervalStart" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM')`;
}

/** What aggregating usage records sums: unit-seconds, tokens and energy, and how energy was known. */
const USAGE_SUMS = Prisma.sql`sum(u."unitSeconds")::bigint AS "unitSeconds",
  sum(${RECORD_TOKENS})::bigint AS "tokens",
  sum(u."energyMilliWh")::bigint AS "energyMilliWh",
  bool_and(u."energyBasis" = 'MEASURED') AS "energyMeasured"`;

/**
 * Sums usage records per resource class, price version (the one in force at each record's
 * interval start), allocation line and usage month (in `timeZone`) — the one GROUP BY rating
 * starts from. `where` selects the records (always of one organisation).
 */
export async function aggregateUsage(
  client: SqlClient,
  input: { timeZone: string; where: Prisma.Sql },
): Promise<UsageAggregate[]> {
  return client.$queryRaw<UsageAggregate[]>(Prisma.sql`
    WITH pv AS (${PRICE_VERSIONS})
    SELECT u."resourceClassId", pv."id" AS "priceVersionId", u."allocationLineId",
           ${usagePeriodSql(input.timeZone)} AS "usagePeriod",
           ${USAGE_SUMS}
      FROM "UsageRecord" u JOIN pv ON ${IN_FORCE}
     WHERE ${input.where}
     GROUP BY 1, 2, 3, 4`);
}

/** An aggregate of one organisation's usage on one UTC day (see aggregateUsageByDay). */
export interface DailyUsageAggregate extends UsageAggregate {
  organizationId: string;
  /** The UTC day the records started on, "YYYY-MM-DD". */
  day: string;
}

/**
 * aggregateUsage, further split by the UTC day each record started on and across organisations
 * (each one's usage month cut in its own billing time zone): the same keys rating uses, so a
 * rated line's amount can be shared out over the days its usage happened on.
 */
export async function aggregateUsageByDay(
  client: SqlClient,
  input: { where: Prisma.Sql },
): Promise<DailyUsageAggregate[]> {
  return client.$queryRaw<DailyUsageAggregate[]>(Prisma.sql`
    WITH pv AS (${PRICE_VERSIONS})
    SELECT u."organizationId", to_char(u."intervalStart", 'YYYY-MM-DD') AS "day",
           u."resourceClassId", pv."id" AS "priceVersionId", u."allocationLineId",
           ${usagePeriodSql(Prisma.sql`COALESCE(b."timeZone", ${DEFAULT_BILLING_TIME_ZONE})`)}
             AS "usagePeriod",
           ${USAGE_SUMS}
      FROM "UsageRecord" u JOIN pv ON ${IN_FORCE}
      LEFT JOIN "BillingAccount" b ON b."organizationId" = u."organizationId"
     WHERE ${input.where}
     GROUP BY 1, 2, 3, 4, 5, 6`);
}

/** Unbilled usage of an organisation that started before `before` (a `where` for aggregateUsage). */
export function unbilledBefore(organizationId: string, before: Date): Prisma.Sql {
  return Prisma.sql`u."organizationId" = ${organizationId}::text
    AND u."intervalStart" < (${before.toISOString()}::timestamptz AT TIME ZONE 'UTC')
    AND NOT EXISTS (SELECT 1 FROM (${latestInvoiceSql(Prisma.sql`${organizationId}::text`)}) latest
                     WHERE NOT ${notCoveredBy("latest")})`;
}

/** Whose unbilled usage to sum: an organisation's records that started before its month's end. */
export interface UnbilledScope {
  organizationId: string;
  /** The billing month ("YYYY-MM") the usage is summed for, and where it starts and ends. */
  period: string;
  bounds: { start: Date; end: Date };
  /** The organisation's billing time zone (usage months are cut in it). */
  timeZone: string;
}

/**
 * Scopes as rows for a FROM clause, aliased `s`: org, period, start and before (ISO text: cast
 * them), tz, and ord (each scope's position, from 1).
 */
export function scopeRows(scopes: readonly UnbilledScope[]): Prisma.Sql {
  return Prisma.sql`unnest(${scopes.map((s) => s.organizationId)}::text[],
                      ${scopes.map((s) => s.period)}::text[],
                      ${scopes.map((s) => s.bounds.start.toISOString())}::text[],
                      ${scopes.map((s) => s.bounds.end.toISOString())}::text[],
                      ${scopes.map((s) => s.timeZone)}::text[])
               WITH ORDINALITY AS s(org, period, start, before, tz, ord)`;
}

/** Aggregated usage with the award its allocation line belongs to (null when it draws on none). */
export interface UnbilledAggregate extends UsageAggregate {
  allocationId: string | null;
}

export interface UnbilledUsage {
  aggregates: UnbilledAggregate[];
  /** The highest id among the records summed (0 when there are none). */
  throughId: bigint;
  /** The organisation's latest invoice, if any: what it covers and its month. */
  latest: { throughId: bigint; period: string } | null;
}

interface UnbilledRow {
  ord: bigint;
  latestThrough: bigint | null;
  latestPeriod: string | null;
  /** The aggregate's columns are null for an organisation with nothing unbilled. */
  resourceClassId: string | null;
  priceVersionId: string;
  allocationLineId: string | null;
  allocationId: string | null;
  usagePeriod: string;
  unitSeconds: bigint;
  tokens: bigint;
  energyMilliWh: bigint;
  energyMeasured: boolean;
  through: bigint;
}

/**
 * aggregateUsage of the unbilled records of many organisations in one statement (the invoice run
 * and the live draft), with each organisation's latest invoice and each line's award. Only records
 * that invoice leaves out are unbilled — a larger id or a later start.
 *
 * Shaped for speed, since the invoice run sums every record of the month through it: each
 * organisation's records are read through its index and grouped on their own (about a hundred
 * rows to sort, not the batch's tens of thousands), and a record that started inside the scope's
 * month is given that month without converting its start to the time zone (only earlier, late
 * usage is converted). Every scope gets an entry.
 */
export async function aggregateUnbilledUsage(
  client: SqlClient,
  scopes: readonly UnbilledScope[],
): Promise<Map<string, UnbilledUsage>> {
  const result = new Map<string, UnbilledUsage>();
  if (scopes.length === 0) return result;
  const rows = await client.$queryRaw<UnbilledRow[]>(Prisma.sql`
      WITH scope AS MATERIALIZED (
        SELECT s.ord, s.org, s.period, s.tz,
               s.start::timestamptz AT TIME ZONE 'UTC' AS start,
               s.before::timestamptz AT TIME ZONE 'UTC' AS before,
               l.through, l.until, l.period AS "latestPeriod"
          FROM ${scopeRows(scopes)}
          LEFT JOIN LATERAL (${latestInvoiceSql(Prisma.sql`s.org`)}) l ON true
      ), pv AS (${PRICE_VERSIONS})
      SELECT s.ord, s.through AS "latestThrough", s."latestPeriod", g.*,
             (SELECT al."allocationId" FROM "AllocationLine" al WHERE al."id" = g."allocationLineId")
               AS "allocationId"
        FROM scope s
        LEFT JOIN LATERAL (
          SELECT u."resourceClassId", pv."id" AS "priceVersionId", u."allocationLineId",
                 CASE WHEN u."intervalStart" >= s.start THEN s.period
                      ELSE ${usagePeriodSql(Prisma.sql`s.tz`)}
                 END AS "usagePeriod",
                 sum(u."unitSeconds")::bigint AS "unitSeconds",
                 sum(${RECORD_TOKENS})::bigint AS "tokens",
                 sum(u."energyMilliWh")::bigint AS "energyMilliWh",
                 bool_and(u."energyBasis" = 'MEASURED') AS "energyMeasured",
                 max(u."id") AS "through"
            FROM "UsageRecord" u JOIN pv ON ${IN_FORCE}
           WHERE u."organizationId" = s.org AND u."intervalStart" < s.before
             AND ${notCoveredBy("s")}
           GROUP BY 1, 2, 3, 4
        ) g ON true`);
  for (const scope of scopes) {
    result.set(scope.organizationId, { aggregates: [], throughId: 0n, latest: null });
  }
  for (const row of rows) {
    const usage = result.get(scopes[Number(row.ord) - 1]!.organizationId)!;
    if (row.latestThrough !== null && row.latestPeriod !== null) {
      usage.latest = { throughId: row.latestThrough, period: row.latestPeriod };
    }
    if (row.resourceClassId === null) continue;
    usage.aggregates.push({
      resourceClassId: row.resourceClassId,
      priceVersionId: row.priceVersionId,
      allocationLineId: row.allocationLineId,
      allocationId: row.allocationId,
      usagePeriod: row.usagePeriod,
      unitSeconds: row.unitSeconds,
      tokens: row.tokens,
      energyMilliWh: row.energyMilliWh,
      energyMeasured: row.energyMeasured,
    });
    if (row.through > usage.throughId) usage.throughId = row.through;
  }
  return result;
}
