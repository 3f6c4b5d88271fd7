import { Prisma, type ResourceKind } from "@tessera/db";
import type { UnbilledAggregate } from "./aggregate-usage";
import type { AllocationTerms, PriceVersionTerms } from "./rate-usage";
import type { SqlClient } from "./sql-client";

export interface RatingTerms {
  prices: Map<string, PriceVersionTerms>;
  allocationOfLine: Map<string, AllocationTerms>;
  classes: Map<
    string,
    { code: string; name: string; kind: ResourceKind; unit: string; currency: string }
  >;
}

/**
 * The prices, classes and awards the aggregates need (each aggregate names its line's award). With
 * `lock`, the awards' rows are locked (in id order) so that two finalisations never draw the same
 * subsidy twice; what is left of an award's subsidy is its programme share less what finalised
 * invoice lines drew from it (credit notes give back), read after the lock.
 */
export async function loadRatingTerms(
  client: SqlClient,
  aggregates: readonly UnbilledAggregate[],
  options: { lock: boolean },
): Promise<RatingTerms> {
  const priceIds = [...new Set(aggregates.map((a) => a.priceVersionId))];
  const classIds = [...new Set(aggregates.map((a) => a.resourceClassId))];
  const allocationOf = new Map(
    aggregates.flatMap((a) =>
      a.allocationLineId && a.allocationId ? [[a.allocationLineId, a.allocationId] as const] : [],
    ),
  );
  const prices = await client.$queryRaw<
    { id: string; minorPerUnitHour: number; minorPerMillionTokens: number | null }[]
  >(Prisma.sql`SELECT "id", "minorPerUnitHour", "minorPerMillionTokens" FROM "PriceVersion"
                WHERE "id" = ANY(${priceIds}::text[])`);
  const classes = await client.$queryRaw<
    { id: string; code: string; name: string; kind: ResourceKind; unit: string; currency: string }[]
  >(Prisma.sql`SELECT "id", "code", "name", "kind"::text AS "kind", "unit", "currency"::text
                 FROM "ResourceClass"
                WHERE "id" = ANY(${classIds}::text[])`);
  const allocationIds = [...new Set(allocationOf.values())].sort();
  const awards = await client.$queryRaw<
    { id: string; subsidyRateBps: number; programmeShareMinor: bigint }[]
  >(Prisma.sql`
    SELECT "id", "subsidyRateBps", "programmeShareMinor" FROM "Allocation"
     WHERE "id" = ANY(${allocationIds}::text[]) ORDER BY "id"
     ${options.lock ? Prisma.sql`FOR UPDATE` : Prisma.empty}`);
  const drawn = await client.$queryRaw<{ allocationId: string; drawn: bigint }[]>(Prisma.sql`
    SELECT "allocationId", sum("programmeMinor")::bigint AS "drawn" FROM "InvoiceLine"
     WHERE "allocationId" = ANY(${allocationIds}::text[]) GROUP BY 1`);
  const drawnOf = new Map(drawn.map((d) => [d.allocationId, d.drawn]));
  const termsOf = new Map(
    awards.map((a) => [
      a.id,
      {
        allocationId: a.id,
        subsidyRateBps: a.subsidyRateBps,
        subsidyLeftMinor: a.programmeShareMinor - (drawnOf.get(a.id) ?? 0n),
      },
    ]),
  );
  const allocationOfLine = new Map<string, AllocationTerms>();
  for (const [lineId, allocationId] of allocationOf) {
    const terms = termsOf.get(allocationId);
    if (terms) allocationOfLine.set(lineId, terms);
  }
  return {
    prices: new Map(prices.map((p) => [p.id, p])),
    allocationOfLine,
    classes: new Map(classes.map((c) => [c.id, c])),
  };
}
