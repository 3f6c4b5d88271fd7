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

const PENDING: Prisma.ReviewWhereInput = {
  score: null,
  conflictDeclaredAt: null,
  request: { status: { in: ["SUBMITTED", "UNDER_REVIEW"] } },
};

export interface MyReviews extends Page<MyReviewSummary> {
  /**
   * Whether anything was ever assigned to the reviewer: an empty list of pending reviews means
   * "all done" only then, and "nothing assigned yet" otherwise.
   */
  anyAssigned: boolean;
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
      AND: [{ reviewerId }, input.pendingOnly ? PENDING : {}, afterTimeCursor(input.cursor)],
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
  // Asked of the database only when the page itself cannot tell.
  const anyAssigned =
    page.items.length > 0 ||
    (await database.review.findFirst({ where: { reviewerId }, select: { id: true } })) !== null;
  return {
    anyAssigned,
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
