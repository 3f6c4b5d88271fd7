import { Prisma } from "@tessera/db";
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
 * No invoice of the record's organisation covers it (see UsageRecord in the schema): the record
 * `u` is still to be billed.
 */
export const NOT_INVOICED = Prisma.sql`NOT EXISTS (
  SELECT 1 FROM "Invoice" i
   WHERE i."organizationId" = u."organizationId" AND i."kind" = 'INVOICE'
     AND u."id" <= i."usageThroughId" AND u."intervalStart" < i."periodEnd")`;

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
           sum(u."unitSeconds")::bigint AS "unitSeconds",
           sum(COALESCE(u."tokensIn", 0) + COALESCE(u."tokensOut", 0))::bigint AS "tokens",
           sum(u."energyMilliWh")::bigint AS "energyMilliWh",
           bool_and(u."energyBasis" = 'MEASURED') AS "energyMeasured"
      FROM "UsageRecord" u JOIN pv ON ${IN_FORCE}
     WHERE ${input.where}
     GROUP BY 1, 2, 3, 4`);
}

/** Unbilled usage of an organisation that started before `before`. */
export function unbilledBefore(organizationId: string, before: Date): Prisma.Sql {
  return Prisma.sql`u."organizationId" = ${organizationId}::text AND ${NOT_INVOICED}
    AND u."intervalStart" < (${before.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
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
  /** The highest id among the records summed: what an invoice of them covers. */
  usageThroughId: bigint;
}

/**
 * aggregateUsage of the unbilled records of many organisations in one statement (the invoice run
 * and the live draft). Only records the organisation's most recent invoice leaves out can be
 * unbilled — a larger id or a later start — so each organisation's records are read through its
 * indexes from there, not from the beginning. Organisations with nothing to bill are absent.
 */
export async function aggregateUnbilledUsage(
  client: RawClient,
  scopes: readonly UnbilledScope[],
): Promise<Map<string, UnbilledUsage>> {
  if (scopes.length === 0) return new Map();
  const rows = await client.$queryRaw<(UsageAggregate & { organizationId: string; through: bigint })[]>(
    Prisma.sql`
    WITH scope AS (
      SELECT * FROM unnest(${scopes.map((s) => s.organizationId)}::text[],
                           ${scopes.map((s) => s.before.toISOString())}::text[],
                           ${scopes.map((s) => s.timeZone)}::text[]) AS s(org, before, tz)
    ), latest AS (
      SELECT s.org, COALESCE(last."usageThroughId", 0) AS through,
             COALESCE(last."periodEnd", '-infinity'::timestamp) AS until
        FROM scope s
        LEFT JOIN LATERAL (
          SELECT i."usageThroughId", i."periodEnd" FROM "Invoice" i
           WHERE i."organizationId" = s.org AND i."kind" = 'INVOICE'
           ORDER BY i."usageThroughId" DESC LIMIT 1
        ) last ON true
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
      JOIN latest l ON l.org = s.org
      JOIN "UsageRecord" u ON u."organizationId" = s.org
       AND u."intervalStart" < (s.before::timestamptz AT TIME ZONE 'UTC')
       AND (u."id" > l.through OR u."intervalStart" >= l.until)
      JOIN pv ON ${IN_FORCE}
     WHERE ${NOT_INVOICED}
     GROUP BY 1, 2, 3, 4, 5`,
  );
  const byOrganization = new Map<string, UnbilledUsage>();
  for (const { organizationId, through, ...aggregate } of rows) {
    const usage = byOrganization.get(organizationId) ?? { aggregates: [], usageThroughId: 0n };
    usage.aggregates.push(aggregate);
    if (through > usage.usageThroughId) usage.usageThroughId = through;
    byOrganization.set(organizationId, usage);
  }
  return byOrganization;
}
