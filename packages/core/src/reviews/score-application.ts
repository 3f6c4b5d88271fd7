import type { Database } from "@tessera/db";
import type { Actor } from "../actor";
import { lockApplication } from "../applications/lock-application";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError, notFound, preconditionFailed } from "../errors";
import { TX_OPTIONS } from "../transaction";
import { getMyReview } from "./get-my-review";
import type { MyReviewView } from "./my-review-view";
import { mayScore } from "./review-state";

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;

/** The reviewer scores an assigned application (1–5) with a comment; they may revise it until the decision. */
export async function scoreApplication(
  database: Database,
  actor: Actor,
  input: { reviewId: string; score: number; comment: string },
): Promise<MyReviewView> {
  const reviewerId = actor.userId;
  if (!reviewerId) throw new AppError("UNAUTHENTICATED", "Sign in to review.");
  if (!Number.isInteger(input.score) || input.score < MIN_SCORE || input.score > MAX_SCORE) {
    throw new AppError("INVALID", `Give a whole score from ${MIN_SCORE} to ${MAX_SCORE}.`);
  }
  await database.$transaction(async (tx) => {
    const review = await tx.review.findFirst({ where: { id: input.reviewId, reviewerId } });
    if (!review) throw notFound("Review");
    const locked = await lockApplication(tx, review.requestId, null);
    if (
      !mayScore({ conflictDeclaredAt: review.conflictDeclaredAt, applicationStatus: locked.status })
    ) {
      throw preconditionFailed(
        review.conflictDeclaredAt
          ? "You declared a conflict of interest for this application, so you cannot score it."
          : "Scores can be given only while the application is under review.",
      );
    }
    await tx.review.update({
      where: { id: review.id },
      data: { score: input.score, comment: input.comment.trim(), scoredAt: new Date() },
    });
    await recordAuditEvent(tx, actor, {
      action: "review.scored",
      targetType: "Review",
      targetId: review.id,
      data: { applicationId: review.requestId, score: input.score, revised: review.score !== null },
    });
  }, TX_OPTIONS);
  return getMyReview(database, reviewerId, input.reviewId);
}
