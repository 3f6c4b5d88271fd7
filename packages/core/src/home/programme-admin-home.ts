import type { AllocationRequestStatus, Database } from "@tessera/db";
import { summarizeApplicationReviews, type ReviewSummary } from "../applications/review-summary";
import { toSafeNumber } from "../programmes/money";
import { loadProgrammeConsumption } from "../programmes/programme-consumption";

const PROGRAMMES_SHOWN = 10;
const WAITING_SHOWN = 8;
const WAITING: AllocationRequestStatus[] = ["SUBMITTED", "UNDER_REVIEW"];

export interface ProgrammeAdminHome {
  openCalls: {
    id: string;
    name: string;
    closesAt: Date;
    programme: { id: string; name: string };
  }[];
  /** Applications submitted or under review: a decision (or a reviewer) is owed. */
  awaitingDecision: {
    total: number;
    items: {
      id: string;
      title: string;
      status: AllocationRequestStatus;
      submittedAt: Date | null;
      organization: { name: string };
      programme: { id: string; name: string };
      /** The same summary the programme and application pages show (summarizeReviews). */
      reviewSummary: ReviewSummary;
    }[];
  };
  programmes: {
    id: string;
    name: string;
    currency: string;
    budgetMinor: number;
    /** Programme share of awards (committed). */
    awardedMinor: number;
    /** What the programme owes for usage on its awards (consumed), as its dashboard shows it. */
    consumedMinor: number;
  }[];
}

/** A programme administrator's home: open calls, decisions owed, and budget committed and used. */
export async function getProgrammeAdminHome(
  database: Database,
  now: Date = new Date(),
): Promise<ProgrammeAdminHome> {
  const [calls, total, waiting, programmes] = await Promise.all([
    database.programmeCall.findMany({
      where: { opensAt: { lte: now }, closesAt: { gt: now } },
      select: {
        id: true,
        name: true,
        closesAt: true,
        programme: { select: { id: true, name: true } },
      },
      orderBy: { closesAt: "asc" },
    }),
    database.allocationRequest.count({ where: { status: { in: WAITING } } }),
    database.allocationRequest.findMany({
      where: { status: { in: WAITING } },
      select: {
        id: true,
        title: true,
        status: true,
        submittedAt: true,
        organization: { select: { name: true } },
        programme: { select: { id: true, name: true } },
        reviews: { select: { score: true, conflictDeclaredAt: true } },
      },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: WAITING_SHOWN,
    }),
    database.programme.findMany({
      select: { id: true, name: true, currency: true, budgetMinor: true, awardedMinor: true },
      orderBy: { createdAt: "asc" },
      take: PROGRAMMES_SHOWN,
    }),
  ]);
  // The dashboard's consumed figure, without its daily burn-down.
  const consumed = await Promise.all(
    programmes.map(({ id }) => loadProgrammeConsumption(database, id, now, { daily: false })),
  );
  return {
    openCalls: calls,
    awaitingDecision: {
      total,
      items: waiting.map(({ reviews, ...application }) => ({
        ...application,
        reviewSummary: summarizeApplicationReviews(application.status, reviews),
      })),
    },
    programmes: programmes.map((programme, index) => ({
      id: programme.id,
      name: programme.name,
      currency: programme.currency,
      budgetMinor: toSafeNumber(programme.budgetMinor),
      awardedMinor: toSafeNumber(programme.awardedMinor),
      consumedMinor: toSafeNumber(consumed[index]!.totalMinor),
    })),
  };
}
