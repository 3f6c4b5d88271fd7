import type { Database } from "@tessera/db";
import type { Actor } from "../actor";
import { lockApplication } from "../applications/lock-application";
import { recordAuditEvent } from "../audit/record-audit-event";
import { notFound, preconditionFailed } from "../errors";
import { TX_OPTIONS } from "../transaction";

/** Takes a reviewer off an undecided application; their score, if any, goes with them. */
export async function unassignReviewer(
  database: Database,
  actor: Actor,
  input: { reviewId: string },
): Promise<{ ok: true }> {
  await database.$transaction(async (tx) => {
    const review = await tx.review.findUnique({ where: { id: input.reviewId } });
    if (!review) throw notFound("Review");
    const locked = await lockApplication(tx, review.requestId, null);
    if (
      locked.status !== "SUBMITTED" &&
      locked.status !== "UNDER_REVIEW" &&
      locked.status !== "CHANGES_REQUESTED"
    ) {
      throw preconditionFailed(
        "The application has been decided; its reviews are part of the record.",
      );
    }
    await tx.review.delete({ where: { id: review.id } });
    await recordAuditEvent(tx, actor, {
      action: "review.unassigned",
      targetType: "Review",
      targetId: review.id,
      data: {
        applicationId: review.requestId,
        reviewerId: review.reviewerId,
        hadScore: review.score !== null,
      },
    });
  }, TX_OPTIONS);
  return { ok: true };
}
