import type { Database } from "@tessera/db";
import { notFound } from "../errors";
import { MY_REVIEW_DETAIL, toMyReviewView, type MyReviewView } from "./my-review-view";

/**
 * One of the reviewer's own assignments. Another reviewer's assignment id gets NOT_FOUND, the same
 * answer as an id that does not exist: reviewer isolation works like tenancy.
 */
export async function getMyReview(
  database: Database,
  reviewerId: string,
  reviewId: string,
): Promise<MyReviewView> {
  const row = await database.review.findFirst({
    where: { id: reviewId, reviewerId },
    include: MY_REVIEW_DETAIL,
  });
  if (!row) throw notFound("Review");
  return toMyReviewView(row);
}
