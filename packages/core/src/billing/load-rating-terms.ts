import { Prisma, type ResourceKind } from "@tessera/db";
import type { AllocationTerms, PriceVersionTerms, UsageAggregate } from "./rate-usage";

type RawClient = { $queryRaw<R>(query: Prisma.Sql): Prisma.PrismaPromise<R> };

export interface RatingTerms {
  prices: Map<string, PriceVersionTerms>;
  allocationOfLine: Map<string, AllocationTerms>;
  classes: Map<
    string,
    { code: string; name: string; kind: ResourceKind; unit: string; currency: string }
  >;
}

/**
 * The prices, classes and awards the aggregates need. With `lock`, the awards' rows are locked
 * (in id order) so that two finalisations never draw the same subsidy twice; what is left of an
 * award's subsidy is its programme share less what finalised invoice lines drew from it (credit
 * notes give back).
 */
export async function loadRatingTerms(
  client: RawClient,
  aggregates: readonly UsageAggregate[],
  options: { lock: boolean },
): Promise<RatingTerms> {
  const priceIds = [...new Set(aggregates.map((a) => a.priceVersionId))];
  const classIds = [...new Set(aggregates.map((a) => a.resourceClassId))];
  const lineIds = [
    ...new Set(aggregates.flatMap((a) => (a.allocationLineId ? [a.allocationLineId] : []))),
  ];
  const prices = await client.$queryRaw<
    { id: string; minorPerUnitHour: number; minorPerMillionTokens: number | null }[]
  >(Prisma.sql`SELECT "id", "minorPerUnitHour", "minorPerMillionTokens" FROM "PriceVersion"
                WHERE "id" = ANY(${priceIds}::text[])`);
  const classes = await client.$queryRaw<
    { id: string; code: string; name: string; kind: ResourceKind; unit: string; currency: string }[]
  >(Prisma.sql`SELECT "id", "code", "name", "kind"::text AS "kind", "unit", "currency"::text
                 FROM "ResourceClass"
                WHERE "id" = ANY(${classIds}::text[])`);
  const lines = await client.$queryRaw<{ lineId: string; allocationId: string }[]>(Prisma.sql`
    SELECT "id" AS "lineId", "allocationId" FROM "AllocationLine" WHERE "id" = ANY(${lineIds}::text[])`);
  const allocationIds = [...new Set(lines.map((l) => l.allocationId))].sort();
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
  for (const line of lines) {
    const terms = termsOf.get(line.allocationId);
    if (terms) allocationOfLine.set(line.lineId, terms);
  }
  return {
    prices: new Map(prices.map((p) => [p.id, p])),
    allocationOfLine,
    classes: new Map(classes.map((c) => [c.id, c])),
  };
}
