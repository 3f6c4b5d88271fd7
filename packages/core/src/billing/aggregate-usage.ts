import { Prisma } from "@tessera/db";
import type { UsageAggregate } from "./rate-usage";

type RawClient = { $queryRaw<R>(query: Prisma.Sql): Prisma.PrismaPromise<R> };

/**
 * Sums usage records per resource class, price version (the one in force at each record's
 * interval start), allocation line and usage month (in `timeZone`) — the one GROUP BY rating
 * starts from. `where` selects the records (always of one organisation).
 */
export async function aggregateUsage(
  client: RawClient,
  input: { timeZone: string; where: Prisma.Sql },
): Promise<UsageAggregate[]> {
  const rows = await client.$queryRaw<UsageAggregate[]>(Prisma.sql`
    SELECT u."resourceClassId", pv."id" AS "priceVersionId", u."allocationLineId",
           to_char((u."intervalStart" AT TIME ZONE 'UTC') AT TIME ZONE ${input.timeZone}, 'YYYY-MM')
             AS "usagePeriod",
           sum(u."unitSeconds")::bigint AS "unitSeconds",
           sum(COALESCE(u."tokensIn", 0) + COALESCE(u."tokensOut", 0))::bigint AS "tokens",
           sum(u."energyMilliWh")::bigint AS "energyMilliWh",
           bool_and(u."energyBasis" = 'MEASURED') AS "energyMeasured"
      FROM "UsageRecord" u
      CROSS JOIN LATERAL (
        SELECT p."id" FROM "PriceVersion" p
         WHERE p."resourceClassId" = u."resourceClassId" AND p."effectiveFrom" <= u."intervalStart"
         ORDER BY p."effectiveFrom" DESC LIMIT 1
      ) pv
     WHERE ${input.where}
     GROUP BY 1, 2, 3, 4`);
  return rows;
}

/** Unbilled usage of an organisation that started before `before`. */
export function unbilledBefore(organizationId: string, before: Date): Prisma.Sql {
  return Prisma.sql`u."organizationId" = ${organizationId}::text AND u."billedInvoiceId" IS NULL
    AND u."intervalStart" < (${before.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}
