import { Prisma } from "@tessera/db";
import type { SqlClient } from "../billing/sql-client";

/** A resource class's catalogue price version in force at a moment. */
export interface PriceInForce {
  priceVersionId: string;
  currency: string;
  /** Integer minor units per unit-hour (0 for a tokens class). */
  minorPerUnitHour: number;
  /** Integer minor units per million tokens; null when the class sells none. */
  minorPerMillionTokens: number | null;
}

/**
 * The catalogue price in force at `at` for each of the given resource classes, keyed by class id:
 * for each class the version with the latest start at or before `at`, so a version scheduled
 * after `at` is not used yet. A class with no version in force then (or an id the catalogue does
 * not have) is absent from the map: the caller says what stands in for it.
 *
 * This is the price usage running at `at` is billed at (aggregateUsage picks versions the same
 * way), so a figure priced from it is what the invoice will say.
 */
export async function loadPricesInForce(
  client: SqlClient,
  resourceClassIds: readonly string[],
  at: Date,
): Promise<Map<string, PriceInForce>> {
  const ids = [...new Set(resourceClassIds)];
  if (ids.length === 0) return new Map();
  const rows = await client.$queryRaw<({ resourceClassId: string } & PriceInForce)[]>(Prisma.sql`
    SELECT DISTINCT ON ("resourceClassId")
           "resourceClassId", "id" AS "priceVersionId", "currency"::text AS "currency",
           "minorPerUnitHour", "minorPerMillionTokens"
      FROM "PriceVersion"
     WHERE "resourceClassId" = ANY(${ids}::text[])
       AND "effectiveFrom" <= (${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')
     ORDER BY "resourceClassId", "effectiveFrom" DESC`);
  return new Map(rows.map(({ resourceClassId, ...price }) => [resourceClassId, price]));
}
