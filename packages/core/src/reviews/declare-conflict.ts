import type { Database } from "@tessera/db";
import type { Actor } from "../actor";
import { lockApplication } from "../applications/lock-application";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError, notFound, preconditionFailed } from "../errors";
import { TX_OPTIONS } from "../transaction";
import { getMyReview } from "./get-my-review";
import type { MyReviewView } from "./my-review-view";
import { mayDeclareConflict } from "./review-state";

/**
 * The reviewer declares a conflict of interest. Any score they gave is withdrawn (a conflicted
 * reviewer cannot score); the administrator sees the declaration and its reason.
 */
export async function declareConflict(
  database: Database,
  actor: Actor,
  input: { reviewId: string; reason: string },
): Promise<MyReviewView> {
  const reviewerId = actor.userId;
  if (!reviewerId) throw new AppError("UNAUTHENTICATED", "Sign in to review.");
  await database.$transaction(async (tx) => {
    const review = await tx.review.findFirst({ where: { id: input.reviewId, reviewerId } });
    if (!review) throw notFound("Review");
    const locked = await lockApplication(tx, review.requestId, null);
    if (
      !mayDeclareConflict({
        conflictDeclaredAt: review.conflictDeclaredAt,
        applicationStatus: locked.status,
      })
    ) {
      throw preconditionFailed(
        review.conflictDeclaredAt
          ? "You have already declared a conflict of interest for this application."
          : "This application has been decided; there is nothing left to declare.",
      );
    }
    await tx.review.update({
      where: { id: review.id },
      data: {
        conflictDeclaredAt: new Date(),
        conflictReason: input.reason.trim(),
        score: null,
        comment: null,
        scoredAt: null,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "review.conflict_declared",
      targetType: "Review",
      targetId: review.id,
      data: { applicationId: review.requestId, withdrewScore: review.score !== null },
    });
  }, TX_OPTIONS);
  return getMyReview(database, reviewerId, input.reviewId);
}
