import type { AllocationRequestStatus, Database } from "@tessera/db";
import { notFound } from "../errors";
import {
  buildBurnDown,
  MAX_BURN_DOWN_DAYS,
  utcDay,
  type BurnDownPoint,
  type DailyAmount,
} from "./burn-down";
import { toSafeNumber } from "./money";
import { loadProgrammeConsumption } from "./programme-consumption";
import { programmeEnd, type ProgrammeEnd } from "./programme-end";
import { projectExhaustion, type ExhaustionOutcome } from "./project-exhaustion";
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
  /**
   * What the programme has consumed: its share of the rated usage on its awards, invoiced or not
   * (see loadProgrammeConsumption) — what its statements and the live drafts add up to.
   */
  consumedMinor: number;
  /** The consumed amount in parts: each invoice month (its statement's total) and the drafts. */
  consumption: {
    invoiced: { period: string; programmeMinor: number }[];
    invoicedMinor: number;
    uninvoicedMinor: number;
  };
  unawardedMinor: number;
  burnDown: BurnDownPoint[];
  /** When the budget runs out if consumption goes on at its recent rate. */
  projection: {
    windowFrom: string;
    /** How long the window the rate is read from has run: its consumption over this is the rate. */
    elapsedMs: number;
    /** Whether the window is the full 30 days, not shortened to when consumption could start. */
    fullWindow: boolean;
    recentConsumedMinor: number;
    ratePerDayMinor: number;
    remainingMinor: number;
    /** When the programme ends (see programmeEnd); null before any award with no call open. */
    endsAt: Date | null;
    /** Whether that is when its last award ends or when a call still open closes. */
    endsBy: ProgrammeEnd["basis"];
    outcome: ExhaustionOutcome;
  };
}

const DAY_MS = 86_400_000;

function consumptionStart(firstValidFrom: Date | null, firstConsumedDay: string | undefined) {
  const usage = firstConsumedDay ? new Date(`${firstConsumedDay}T00:00:00Z`) : null;
  if (!firstValidFrom) return usage;
  return usage && utcDay(usage) < utcDay(firstValidFrom) ? usage : firstValidFrom;
}

/**
 * Per programme: applications by state, awarded against budget, a daily burn-down of awarded
 * versus consumed (the programme's share of rated usage, see loadProgrammeConsumption), and
 * when the budget runs out at the recent consumption rate.
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
  const [states, awardedDays, consumed, awards] = await Promise.all([
    database.allocationRequest.groupBy({
      by: ["status"],
      // What was never submitted (a draft, or a draft withdrawn unsent) stays the applicant's own.
      where: { programmeId: programme.id, submittedAt: { not: null } },
      _count: { _all: true },
    }),
    database.$queryRaw<{ day: string; amount: bigint; awards: bigint }[]>`
      SELECT to_char("createdAt", 'YYYY-MM-DD') AS day,
             SUM("programmeShareMinor")::bigint AS amount,
             COUNT(*)::bigint AS awards
        FROM "Allocation"
       WHERE "programmeId" = ${programme.id}
       GROUP BY 1`,
    loadProgrammeConsumption(database, programme.id, now),
    database.allocation.aggregate({
      where: { programmeId: programme.id },
      _min: { validFrom: true },
      _max: { validTo: true },
    }),
  ]);

  // The series starts at the programme's start or its first usage, whichever is earlier (usage
  // is dated by the day it started, which may precede the programme's row, e.g. after an import),
  // so no day's consumption is folded into the first row shown; at most MAX_BURN_DOWN_DAYS back.
  const to = input.to ?? now;
  const firstConsumedDay = consumed.daily[0]?.day;
  const start = Math.min(
    programme.createdAt.getTime(),
    firstConsumedDay ? Date.parse(`${firstConsumedDay}T00:00:00Z`) : Infinity,
  );
  const from =
    input.from ?? new Date(Math.max(start, to.getTime() - (MAX_BURN_DOWN_DAYS - 1) * DAY_MS));

  const applicationsByState = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<
    AllocationRequestStatus,
    number
  >;
  for (const row of states) applicationsByState[row.status] = row._count._all;

  const awarded: DailyAmount[] = awardedDays.map((row) => ({
    day: row.day,
    amountMinor: row.amount,
  }));
  const end = programmeEnd({ lastAwardEndsAt: awards._max.validTo, calls: programme.calls, now });
  const projection = projectExhaustion({
    budgetMinor: programme.budgetMinor,
    consumed: consumed.daily,
    // Consumption can start when the first award becomes valid — or on its first usage's day, if
    // that is earlier (usage is dated by day only, so a later day says nothing finer).
    startedAt: consumptionStart(awards._min.validFrom, firstConsumedDay),
    endsAt: end.endsAt,
    now,
  });
  const awardCount = awardedDays.reduce((sum, row) => sum + Number(row.awards), 0);

  return {
    programme: toProgrammeView(programme, now),
    applicationsByState,
    awardCount,
    budgetMinor: toSafeNumber(programme.budgetMinor),
    awardedMinor: toSafeNumber(programme.awardedMinor),
    consumedMinor: toSafeNumber(consumed.totalMinor),
    consumption: {
      invoiced: consumed.invoiced.map((month) => ({
        period: month.period,
        programmeMinor: toSafeNumber(month.programmeMinor),
      })),
      invoicedMinor: toSafeNumber(consumed.invoicedMinor),
      uninvoicedMinor: toSafeNumber(consumed.uninvoicedMinor),
    },
    unawardedMinor: toSafeNumber(programme.budgetMinor - programme.awardedMinor),
    burnDown: buildBurnDown({
      budgetMinor: programme.budgetMinor,
      awarded,
      consumed: consumed.daily,
      from,
      to,
    }),
    projection: {
      ...projection,
      endsBy: end.basis,
      recentConsumedMinor: toSafeNumber(projection.recentConsumedMinor),
      ratePerDayMinor: toSafeNumber(projection.ratePerDayMinor),
      remainingMinor: toSafeNumber(projection.remainingMinor),
    },
  };
}
