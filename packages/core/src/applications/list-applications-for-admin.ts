import type { AllocationRequestStatus, Database } from "@tessera/db";
import {
  afterTimeCursor,
  pageSize,
  TIME_ORDER,
  timeCursorOf,
  toPage,
  type Page,
  type PageInput,
} from "../pagination";
import { awardTotals, type ApplicationSummary } from "./list-applications";
import { summarizeReviews, type ReviewSummary } from "./review-summary";

export type ApplicationSummaryForAdmin = ApplicationSummary & {
  organization: { id: string; name: string; kind: string; country: string };
  reviewSummary: ReviewSummary;
};

export interface ListApplicationsForAdminInput extends PageInput {
  programmeId?: string | null;
  status?: AllocationRequestStatus | null;
  q?: string | null;
}

/** Submitted applications across organisations, newest first (drafts stay private). */
export async function listApplicationsForAdmin(
  database: Database,
  input: ListApplicationsForAdminInput,
): Promise<Page<ApplicationSummaryForAdmin>> {
  const size = pageSize(input.limit);
  const q = input.q?.trim();
  const rows = await database.allocationRequest.findMany({
    where: {
      AND: [
        { status: input.status && input.status !== "DRAFT" ? input.status : { not: "DRAFT" } },
        input.programmeId ? { programmeId: input.programmeId } : {},
        q
          ? {
              OR: [
                { title: { contains: q, mode: "insensitive" } },
                { organization: { name: { contains: q, mode: "insensitive" } } },
              ],
            }
          : {},
        afterTimeCursor(input.cursor),
      ],
    },
    include: {
      organization: { select: { id: true, name: true, kind: true, country: true } },
      project: { select: { id: true, name: true } },
      programme: { select: { id: true, name: true, currency: true, subsidyRateBps: true } },
      call: { select: { id: true, name: true } },
      lines: {
        select: {
          resourceClassId: true,
          unitHours: true,
          grantedUnitHours: true,
          listPriceMinorPerHour: true,
        },
      },
      allocation: { select: { id: true, subsidyRateBps: true } },
      reviews: { select: { score: true, conflictDeclaredAt: true } },
    },
    orderBy: TIME_ORDER,
    take: size + 1,
  });
  const page = toPage(rows, size, timeCursorOf);
  return {
    items: page.items.map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      submittedAt: row.submittedAt,
      decidedAt: row.decidedAt,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      project: row.project,
      programme: {
        id: row.programme.id,
        name: row.programme.name,
        currency: row.programme.currency,
      },
      call: row.call,
      ...awardTotals(
        row.lines,
        row.allocation?.subsidyRateBps ?? row.programme.subsidyRateBps,
        row.status,
      ),
      allocationId: row.allocation?.id ?? null,
      organization: row.organization,
      reviewSummary: summarizeReviews(row.reviews),
    })),
    nextCursor: page.nextCursor,
  };
}
