import type { Database, Prisma } from "@tessera/db";
import {
  afterTimeCursor,
  pageSize,
  TIME_ORDER,
  timeCursorOf,
  toPage,
  type Page,
  type PageInput,
} from "../pagination";
import { summarizeReviews, type ReviewSummary } from "../applications/review-summary";
import { reviewState, type ReviewState } from "./review-state";

export interface MyReviewSummary {
  id: string;
  state: ReviewState;
  score: number | null;
  conflictDeclaredAt: Date | null;
  createdAt: Date;
  application: {
    id: string;
    title: string;
    status: string;
    submittedAt: Date | null;
    organization: { name: string; kind: string; country: string };
    programme: { id: string; name: string };
  };
}

/** The database's reading of reviewState's PENDING: waiting for the reviewer. */
export const PENDING_REVIEW: Prisma.ReviewWhereInput = {
  score: null,
  conflictDeclaredAt: null,
  request: { status: { in: ["SUBMITTED", "UNDER_REVIEW"] } },
};

export interface MyReviews extends Page<MyReviewSummary> {
  /**
   * Everything ever assigned to the reviewer, counted by the one review count (summarizeReviews):
   * scored, conflicts, still to come, and closed because the application was decided or
   * withdrawn first. An empty list of pending reviews is explained from it, truthfully.
   */
  tally: ReviewSummary;
}

/** The reviewer's own assignments, newest first; `pendingOnly` keeps those still waiting for them. */
export async function listMyReviews(
  database: Database,
  reviewerId: string,
  input: PageInput & { pendingOnly?: boolean | null },
): Promise<MyReviews> {
  const size = pageSize(input.limit);
  const rows = await database.review.findMany({
    where: {
      AND: [{ reviewerId }, input.pendingOnly ? PENDING_REVIEW : {}, afterTimeCursor(input.cursor)],
    },
    include: {
      request: {
        select: {
          id: true,
          title: true,
          status: true,
          submittedAt: true,
          organization: { select: { name: true, kind: true, country: true } },
          programme: { select: { id: true, name: true } },
        },
      },
    },
    orderBy: TIME_ORDER,
    take: size + 1,
  });
  const page = toPage(rows, size, timeCursorOf);
  // Three small columns per assignment: a reviewer holds tens of reviews, not millions.
  const everything = await database.review.findMany({
    where: { reviewerId },
    select: { score: true, conflictDeclaredAt: true, request: { select: { status: true } } },
  });
  return {
    tally: summarizeReviews(
      everything.map(({ request, ...review }) => ({
        ...review,
        applicationStatus: request.status,
      })),
    ),
    items: page.items.map((row) => ({
      id: row.id,
      state: reviewState({
        score: row.score,
        conflictDeclaredAt: row.conflictDeclaredAt,
        applicationStatus: row.request.status,
      }),
      score: row.score,
      conflictDeclaredAt: row.conflictDeclaredAt,
      createdAt: row.createdAt,
      application: row.request,
    })),
    nextCursor: page.nextCursor,
  };
}
