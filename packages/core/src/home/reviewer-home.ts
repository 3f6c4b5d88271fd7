import type { Database } from "@tessera/db";
import { listMyReviews, type MyReviewSummary } from "../reviews/list-my-reviews";

const REVIEWS_SHOWN = 10;

export interface ReviewerHome {
  /** Assigned, not yet scored, no conflict declared, application still open. */
  waiting: MyReviewSummary[];
  moreWaiting: boolean;
}

export async function getReviewerHome(
  database: Database,
  reviewerId: string,
): Promise<ReviewerHome> {
  const page = await listMyReviews(database, reviewerId, {
    pendingOnly: true,
    limit: REVIEWS_SHOWN,
  });
  return { waiting: page.items, moreWaiting: page.nextCursor !== null };
}
