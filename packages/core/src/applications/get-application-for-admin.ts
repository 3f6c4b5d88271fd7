import type { AllocationRequestStatus, Database } from "@tessera/db";
import { notFound } from "../errors";
import {
  organizationStandings,
  type OrganizationStanding,
} from "../programmes/organization-eligibility";
import { toSafeNumber } from "../programmes/money";
import {
  getUndertakingStanding,
  type UndertakingStanding,
} from "../state-aid/get-undertaking-standing";
import { dateToDay } from "../state-aid/undertaking";
import { administratorActions } from "./application-state";
import { checkOrganizationLimit, type OrganizationLimitCheck } from "./award-rules";
import { APPLICATION_DETAIL, toApplicationView, type ApplicationView } from "./application-view";
import { summarizeApplicationReviews, type ReviewSummary } from "./review-summary";

export interface ReviewForAdmin {
  id: string;
  reviewer: { id: string; name: string | null; email: string | null };
  score: number | null;
  comment: string | null;
  scoredAt: Date | null;
  conflictDeclaredAt: Date | null;
  conflictReason: string | null;
  createdAt: Date;
}

export type ApplicationForAdmin = Omit<ApplicationView, "actions"> & {
  organization: { id: string; name: string; kind: string; country: string; status: string };
  reviews: ReviewForAdmin[];
  reviewSummary: ReviewSummary;
  standing: OrganizationStanding;
  /**
   * The requested programme share against what is left of the organisation's limit, while a
   * decision is open (null once decided: an approved award is already in the awarded total).
   */
  organizationLimit: OrganizationLimitCheck | null;
  budget: { budgetMinor: number; awardedMinor: number; remainingMinor: number };
  stateAid: {
    /** The undertaking's rolling three-year total today (this application's declaration included). */
    standing: UndertakingStanding;
    /** The award as booked in the de minimis ledger, once approved (euro cents). */
    booked: {
      grantedOn: string;
      grossGrantEquivalentMinor: number;
      windowTotalMinor: number;
      ceilingMinor: number;
    } | null;
  };
  actions: ReturnType<typeof administratorActions>;
};

const DECIDED: AllocationRequestStatus[] = ["APPROVED", "REJECTED", "WITHDRAWN"];

/**
 * An application as the programme administrator decides on it: the applicant's view plus the
 * organisation, every reviewer's score and conflict side by side, eligibility, and how much of the
 * budget and of the organisation's cap is left. What was never submitted (a draft, or a
 * draft withdrawn before it was sent) is not shown: it is the applicant's own.
 */
export async function getApplicationForAdmin(
  database: Database,
  applicationId: string,
): Promise<ApplicationForAdmin> {
  const row = await database.allocationRequest.findUnique({
    where: { id: applicationId },
    include: {
      ...APPLICATION_DETAIL,
      organization: { select: { id: true, name: true, kind: true, country: true, status: true } },
      reviews: {
        orderBy: { createdAt: "asc" },
        include: { reviewer: { select: { id: true, name: true, email: true } } },
      },
    },
  });
  if (!row || row.submittedAt === null) throw notFound("Application");
  const programme = await database.programme.findUniqueOrThrow({ where: { id: row.programmeId } });
  const eligibility = (await organizationStandings(database, row.organization, [programme])).get(
    programme.id,
  )!;
  const { actions: _applicantActions, ...view } = toApplicationView(row);
  const booked = row.allocation
    ? await database.stateAidAward.findUnique({ where: { allocationId: row.allocation.id } })
    : null;
  const standing = await getUndertakingStanding(database, row.organizationId, {
    pendingRequestId: row.status === "APPROVED" ? null : row.id,
  });
  return {
    ...view,
    organization: row.organization,
    reviews: row.reviews.map((review) => ({
      id: review.id,
      reviewer: review.reviewer,
      score: review.score,
      comment: review.comment,
      scoredAt: review.scoredAt,
      conflictDeclaredAt: review.conflictDeclaredAt,
      conflictReason: review.conflictReason,
      createdAt: review.createdAt,
    })),
    reviewSummary: summarizeApplicationReviews(row.status, row.reviews),
    standing: eligibility,
    organizationLimit: DECIDED.includes(row.status)
      ? null
      : checkOrganizationLimit({
          capMinor: toSafeNumber(programme.orgCapMinor),
          awardedMinor: eligibility.organizationAwardedMinor,
          requestedMinor: view.requested.programmeShareMinor,
        }),
    budget: {
      budgetMinor: toSafeNumber(programme.budgetMinor),
      awardedMinor: toSafeNumber(programme.awardedMinor),
      remainingMinor: toSafeNumber(programme.budgetMinor - programme.awardedMinor),
    },
    stateAid: {
      standing,
      booked: booked
        ? {
            grantedOn: dateToDay(booked.grantedOn),
            grossGrantEquivalentMinor: toSafeNumber(booked.grossGrantEquivalentMinor),
            windowTotalMinor: toSafeNumber(booked.windowTotalMinor ?? 0n),
            ceilingMinor: toSafeNumber(booked.ceilingMinor ?? 0n),
          }
        : null,
    },
    actions: administratorActions(row.status),
  };
}
