import { Prisma } from "@tessera/db";

/**
 * SQL: when a running job's current usage record began, as a UTC timestamp without a zone (the
 * columns' kind): its start (`startedAt`, such a column), or the start of its billing month in the
 * time zone `timeZone` (SQL text) when it started before it — its records are cut at those month
 * boundaries (record-job-usage.ts, accruing-job-usage.ts).
 */
export function jobRecordStartSql(now: Date, startedAt: Prisma.Sql, timeZone: Prisma.Sql) {
  const instant = Prisma.sql`${now.toISOString()}::timestamptz`;
  return Prisma.sql`greatest(COALESCE(${startedAt}, (${instant} AT TIME ZONE 'UTC')),
      (date_trunc('month', ${instant} AT TIME ZONE ${timeZone}) AT TIME ZONE ${timeZone})
        AT TIME ZONE 'UTC')`;
}

/**
 * SQL: a column of the price version of the class `resourceClassId` in force at `at` (a UTC
 * timestamp without a zone): the one with the latest start at or before it — the version billing
 * prices a usage record at when the record began at `at` (aggregate-usage.ts). Null when none was.
 */
export function priceVersionAtSql(
  resourceClassId: Prisma.Sql,
  at: Prisma.Sql,
  column: "id" | "minorPerUnitHour",
) {
  return Prisma.sql`(SELECT pv.${Prisma.raw(`"${column}"`)} FROM "PriceVersion" pv
                      WHERE pv."resourceClassId" = ${resourceClassId}
                        AND pv."effectiveFrom" <= ${at}
                      ORDER BY pv."effectiveFrom" DESC LIMIT 1)`;
}
