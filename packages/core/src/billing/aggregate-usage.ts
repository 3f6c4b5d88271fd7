import { Prisma } from "@tessera/db";
import { DEFAULT_BILLING_TIME_ZONE } from "./billing-time-zone";
import type { UsageAggregate } from "./rate-usage";

type RawClient = { $queryRaw<R>(query: Prisma.Sql): Prisma.PrismaPromise<R> };

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

/** What aggregating usage records sums: unit-seconds, tokens and energy, and how energy was known. */
const USAGE_SUMS = Prisma.sql`sum(u."unitSeconds")::bigint AS "unitSeconds",
  sum(COALESCE(u."tokensIn", 0) + COALESCE(u."tokensOut", 0))::bigint AS "tokens",
  sum(u."energyMilliWh")::bigint AS "energyMilliWh",
  bool_and(u."energyBasis" = 'MEASURED') AS "energyMeasured"`;

/**
 * Sums usage records per resource class, price version (the one in force at each record's
 * interval start), allocation line and usage month (in `timeZone`) — the one GROUP BY rating
 * starts from. `where` selects the records (always of one organisation).
 */
export async function aggregateUsage(
  client: RawClient,
  input: { timeZone: string; where: Prisma.Sql },
): Promise<UsageAggregate[]> {
  return client.$queryRaw<UsageAggregate[]>(Prisma.sql`
    WITH pv AS (${PRICE_VERSIONS})
    SELECT u."resourceClassId", pv."id" AS "priceVersionId", u."allocationLineId",
           to_char((u."intervalStart" AT TIME ZONE 'UTC') AT TIME ZONE ${input.timeZone}, 'YYYY-MM')
             AS "usagePeriod",
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
  client: RawClient,
  input: { where: Prisma.Sql },
): Promise<DailyUsageAggregate[]> {
  return client.$queryRaw<DailyUsageAggregate[]>(Prisma.sql`
    WITH pv AS (${PRICE_VERSIONS})
    SELECT u."organizationId", to_char(u."intervalStart", 'YYYY-MM-DD') AS "day",
           u."resourceClassId", pv."id" AS "priceVersionId", u."allocationLineId",
           to_char((u."intervalStart" AT TIME ZONE 'UTC')
                     AT TIME ZONE COALESCE(b."timeZone", ${DEFAULT_BILLING_TIME_ZONE}), 'YYYY-MM')
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

/** Whose unbilled usage to sum: an organisation's records that started before `before`. */
export interface UnbilledScope {
  organizationId: string;
  before: Date;
  /** The organisation's billing time zone (usage months are cut in it). */
  timeZone: string;
}

export interface UnbilledUsage {
  aggregates: UsageAggregate[];
  /** The highest id among the records summed (0 when there are none). */
  throughId: bigint;
  /** The organisation's latest invoice, if any: what it covers and its month. */
  latest: { throughId: bigint; period: string } | null;
}

/**
 * aggregateUsage of the unbilled records of many organisations in one statement (the invoice run
 * and the live draft), with each organisation's latest invoice. Only records that invoice leaves
 * out are unbilled — a larger id or a later start — and they are found through the
 * organisation's indexes. Every scope gets an entry.
 */
export async function aggregateUnbilledUsage(
  client: RawClient,
  scopes: readonly UnbilledScope[],
): Promise<Map<string, UnbilledUsage>> {
  const result = new Map<string, UnbilledUsage>();
  if (scopes.length === 0) return result;
  type Row = UsageAggregate & { organizationId: string; through: bigint };
  const rows = await client.$queryRaw<Row[]>(Prisma.sql`
      WITH scope AS MATERIALIZED (
        SELECT s.org, s.before::timestamptz AT TIME ZONE 'UTC' AS before, s.tz, l.through, l.until
          FROM unnest(${scopes.map((s) => s.organizationId)}::text[],
                      ${scopes.map((s) => s.before.toISOString())}::text[],
                      ${scopes.map((s) => s.timeZone)}::text[]) AS s(org, before, tz)
          LEFT JOIN LATERAL (${latestInvoiceSql(Prisma.sql`s.org`)}) l ON true
      ), pv AS (${PRICE_VERSIONS})
      SELECT s.org AS "organizationId", u."resourceClassId", pv."id" AS "priceVersionId",
             u."allocationLineId",
             to_char((u."intervalStart" AT TIME ZONE 'UTC') AT TIME ZONE s.tz, 'YYYY-MM') AS "usagePeriod",
             sum(u."unitSeconds")::bigint AS "unitSeconds",
             sum(COALESCE(u."tokensIn", 0) + COALESCE(u."tokensOut", 0))::bigint AS "tokens",
             sum(u."energyMilliWh")::bigint AS "energyMilliWh",
             bool_and(u."energyBasis" = 'MEASURED') AS "energyMeasured",
             max(u."id") AS "through"
        FROM scope s
        JOIN "UsageRecord" u ON u."organizationId" = s.org AND u."intervalStart" < s.before
        JOIN pv ON ${IN_FORCE}
       WHERE ${notCoveredBy("s")}
       GROUP BY 1, 2, 3, 4, 5`);
  const latest = await client.$queryRaw<
    { organizationId: string; through: bigint; period: string }[]
  >(
    Prisma.sql`
      SELECT s.org AS "organizationId", l."through", l."period"
        FROM unnest(${scopes.map((s) => s.organizationId)}::text[]) AS s(org)
        JOIN LATERAL (${latestInvoiceSql(Prisma.sql`s.org`)}) l ON true`,
  );
  const latestOf = new Map(
    latest.map((l) => [l.organizationId, { throughId: l.through, period: l.period }]),
  );
  for (const scope of scopes) {
    result.set(scope.organizationId, {
      aggregates: [],
      throughId: 0n,
      latest: latestOf.get(scope.organizationId) ?? null,
    });
  }
  for (const { organizationId, through, ...aggregate } of rows) {
    const usage = result.get(organizationId)!;
    usage.aggregates.push(aggregate);
    if (through > usage.throughId) usage.throughId = through;
  }
  return result;
}
