import type { Database, ResourceKind } from "@tessera/db";
import type { DailyAmount } from "./burn-down";
import { programmeShareOfUsage } from "./pricing";

/**
 * The programme share of consumption per UTC day: the quota ledger's SETTLE entries on the
 * programme's awards, priced at each line's granted price and the award's subsidy rate — the
 * draw-down of what the programme awarded, in the same money as its budget (a token tier's
 * entries are tokens at a per-million price: the class's kind says so). The query groups by
 * day, price and kind (reaching entries through the programme's allocations and the ledger's (line,
 * kind, time) index); the money is computed once per group with the pricing's rounding.
 */
export async function loadProgrammeConsumption(
  database: Pick<Database, "$queryRaw">,
  programmeId: string,
): Promise<DailyAmount[]> {
  const groups = await database.$queryRaw<
    { day: string; price: number; rate: number; kind: ResourceKind; unitSeconds: bigint }[]
  >`
    SELECT to_char(e."createdAt", 'YYYY-MM-DD') AS day,
           l."listPriceMinorPerHour" AS price,
           rc."kind" AS kind,
           a."subsidyRateBps" AS rate,
           SUM(e."consumedDeltaUnitSeconds")::bigint AS "unitSeconds"
      FROM "Allocation" a
      JOIN "AllocationLine" l ON l."allocationId" = a."id"
      JOIN "ResourceClass" rc ON rc."id" = l."resourceClassId"
      JOIN "QuotaLedgerEntry" e ON e."allocationLineId" = l."id" AND e."kind" = 'SETTLE'
     WHERE a."programmeId" = ${programmeId}
     GROUP BY 1, 2, 3, 4`;
  return groups.map((row) => ({
    day: row.day,
    amountMinor: programmeShareOfUsage(row.unitSeconds, row.price, row.rate, row.kind),
  }));
}

/** The total of daily amounts. */
export function sumDailyAmounts(amounts: readonly DailyAmount[]): bigint {
  return amounts.reduce((sum, row) => sum + row.amountMinor, 0n);
}
