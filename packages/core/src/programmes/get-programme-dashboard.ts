import type { AllocationRequestStatus, Database } from "@tessera/db";
import { notFound } from "../errors";
import {
  buildBurnDown,
  MAX_BURN_DOWN_DAYS,
  type BurnDownPoint,
  type DailyAmount,
} from "./burn-down";
import { toSafeNumber } from "./money";
import { programmeShareOfUsage } from "./pricing";
import { PROGRAMME_WITH_CALLS, toProgrammeView, type ProgrammeView } from "./programme-view";

const STATUSES: AllocationRequestStatus[] = [
  "DRAFT",
  "SUBMITTED",
  "UNDER_REVIEW",
  "CHANGES_REQUESTED",
  "APPROVED",
  "REJECTED",
  "WITHDRAWN",
];

export interface ProgrammeDashboard {
  programme: ProgrammeView;
  applicationsByState: Record<AllocationRequestStatus, number>;
  awardCount: number;
  budgetMinor: number;
  awardedMinor: number;
  /** Programme share of consumption settled so far (zero until metering settles holds). */
  consumedMinor: number;
  unawardedMinor: number;
  burnDown: BurnDownPoint[];
}

const DAY_MS = 86_400_000;

/**
 * Per programme: applications by state, awarded against budget, and a daily burn-down of awarded
 * versus consumed. Consumption is the programme share of the quota ledger's SETTLE entries, priced
 * at each line's granted price and the award's subsidy rate; the query groups by day and price
 * (reaching entries through the programme's allocations and the ledger's (line, kind, time)
 * index), and the money is computed in TypeScript with the same half-even rounding as pricing.
 */
export async function getProgrammeDashboard(
  database: Database,
  input: { programmeId: string; from?: Date | null; to?: Date | null },
  now: Date = new Date(),
): Promise<ProgrammeDashboard> {
  const programme = await database.programme.findUnique({
    where: { id: input.programmeId },
    include: PROGRAMME_WITH_CALLS,
  });
  if (!programme) throw notFound("Programme");
  const to = input.to ?? now;
  const defaultFrom = new Date(
    Math.max(programme.createdAt.getTime(), to.getTime() - (MAX_BURN_DOWN_DAYS - 1) * DAY_MS),
  );
  const from = input.from ?? defaultFrom;

  const [states, awardedDays, consumedGroups] = await Promise.all([
    database.allocationRequest.groupBy({
      by: ["status"],
      where: { programmeId: programme.id },
      _count: { _all: true },
    }),
    database.$queryRaw<{ day: string; amount: bigint; awards: bigint }[]>`
      SELECT to_char("createdAt", 'YYYY-MM-DD') AS day,
             SUM("programmeShareMinor")::bigint AS amount,
             COUNT(*)::bigint AS awards
        FROM "Allocation"
       WHERE "programmeId" = ${programme.id}
       GROUP BY 1`,
    database.$queryRaw<{ day: string; price: number; rate: number; unitSeconds: bigint }[]>`
      SELECT to_char(e."createdAt", 'YYYY-MM-DD') AS day,
             l."listPriceMinorPerHour" AS price,
             a."subsidyRateBps" AS rate,
             SUM(e."consumedDeltaUnitSeconds")::bigint AS "unitSeconds"
        FROM "Allocation" a
        JOIN "AllocationLine" l ON l."allocationId" = a."id"
        JOIN "QuotaLedgerEntry" e ON e."allocationLineId" = l."id" AND e."kind" = 'SETTLE'
       WHERE a."programmeId" = ${programme.id}
       GROUP BY 1, 2, 3`,
  ]);

  const applicationsByState = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<
    AllocationRequestStatus,
    number
  >;
  for (const row of states) applicationsByState[row.status] = row._count._all;

  const awarded: DailyAmount[] = awardedDays.map((row) => ({
    day: row.day,
    amountMinor: row.amount,
  }));
  const consumed: DailyAmount[] = consumedGroups.map((row) => ({
    day: row.day,
    amountMinor: programmeShareOfUsage(row.unitSeconds, row.price, row.rate),
  }));
  const consumedTotal = consumed.reduce((sum, row) => sum + row.amountMinor, 0n);
  const awardCount = awardedDays.reduce((sum, row) => sum + Number(row.awards), 0);

  return {
    programme: toProgrammeView(programme, now),
    applicationsByState,
    awardCount,
    budgetMinor: toSafeNumber(programme.budgetMinor),
    awardedMinor: toSafeNumber(programme.awardedMinor),
    consumedMinor: toSafeNumber(consumedTotal),
    unawardedMinor: toSafeNumber(programme.budgetMinor - programme.awardedMinor),
    burnDown: buildBurnDown({ budgetMinor: programme.budgetMinor, awarded, consumed, from, to }),
  };
}
