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
import {
  SUMMARY_INCLUDE,
  toApplicationSummary,
  type ApplicationSummary,
} from "./list-applications";
import { summarizeApplicationReviews, type ReviewSummary } from "./review-summary";

export type ApplicationSummaryForAdmin = ApplicationSummary & {
  organization: { id: string; name: string; kind: string; country: string };
  reviewSummary: ReviewSummary;
};

export interface ListApplicationsForAdminInput extends PageInput {
  programmeId?: string | null;
  status?: AllocationRequestStatus | null;
  q?: string | null;
}

/**
 * Submitted applications across organisations, newest first. What was never submitted (drafts,
 * and drafts withdrawn before they were sent) stays the applicant's own.
 */
export async function listApplicationsForAdmin(
  database: Database,
  input: ListApplicationsForAdminInput,
): Promise<Page<ApplicationSummaryForAdmin>> {
  const size = pageSize(input.limit);
  const q = input.q?.trim();
  const rows = await database.allocationRequest.findMany({
    where: {
      AND: [
        // Never submitted (a draft, or a draft withdrawn before it was sent) stays private.
        { submittedAt: { not: null } },
        input.status ? { status: input.status } : {},
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
      ...SUMMARY_INCLUDE,
      organization: { select: { id: true, name: true, kind: true, country: true } },
      reviews: { select: { score: true, conflictDeclaredAt: true } },
    },
    orderBy: TIME_ORDER,
    take: size + 1,
  });
  const page = toPage(rows, size, timeCursorOf);
  return {
    items: page.items.map((row) => ({
      ...toApplicationSummary(row),
      organization: row.organization,
      reviewSummary: summarizeApplicationReviews(row.status, row.reviews),
    })),
    nextCursor: page.nextCursor,
  };
}
