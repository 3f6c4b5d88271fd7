import type { Database } from "@tessera/db";
import type { Actor } from "../actor";
import { refuseMemberOfApplicant } from "../applications/decision-rules";
import { lockApplication } from "../applications/lock-application";
import { startApplicationReview } from "../applications/start-application-review";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError, notFound, preconditionFailed } from "../errors";
import { deliverMail } from "../mail/send-mail";
import { notifyUser } from "../notifications/notify-user";
import { TX_OPTIONS } from "../transaction";

/**
 * The administrator assigns a reviewer (a user with the REVIEWER platform role) to a submitted
 * application; the first assignment puts the application under review. A reviewer who belongs to
 * the applicant organisation is refused outright. Review audit events carry no organisation, so
 * reviewers' names stay off the applicant's own audit log. `now`: when (now by default).
 */
export async function assignReviewer(
  database: Database,
  actor: Actor,
  input: { applicationId: string; reviewerId: string },
  now: Date = new Date(),
) {
  const assignedById = actor.userId;
  if (!assignedById) throw new AppError("UNAUTHENTICATED", "Sign in to assign reviewers.");
  const { review, mail } = await database.$transaction(async (tx) => {
    const locked = await lockApplication(tx, input.applicationId, null);
    if (locked.status === "DRAFT") throw notFound("Application");
    if (locked.status !== "SUBMITTED" && locked.status !== "UNDER_REVIEW") {
      throw preconditionFailed(
        "Reviewers can be assigned only while an application is submitted or under review.",
      );
    }
    const reviewer = await tx.user.findUnique({ where: { id: input.reviewerId } });
    if (!reviewer || !reviewer.platformRoles.includes("REVIEWER")) throw notFound("Reviewer");
    await refuseMemberOfApplicant(
      tx,
      reviewer.id,
      locked.organizationId,
      `${reviewer.name ?? reviewer.email ?? "This reviewer"} belongs to the applicant organisation and cannot review this application.`,
    );
    const existing = await tx.review.findUnique({
      where: { requestId_reviewerId: { requestId: locked.id, reviewerId: reviewer.id } },
    });
    if (existing) {
      throw new AppError(
        "CONFLICT",
        `${reviewer.name ?? "This reviewer"} is already assigned to this application.`,
      );
    }
    const review = await tx.review.create({
      data: {
        requestId: locked.id,
        reviewerId: reviewer.id,
        assignedById,
        createdAt: now,
        updatedAt: now,
      },
      include: { reviewer: { select: { id: true, name: true, email: true } } },
    });
    await startApplicationReview(tx, actor, locked, now);
    await recordAuditEvent(tx, actor, {
      action: "review.assigned",
      occurredAt: now,
      targetType: "Review",
      targetId: review.id,
      data: { applicationId: locked.id, reviewerId: reviewer.id },
    });
    const { mail } = await notifyUser(tx, {
      user: { id: reviewer.id, email: reviewer.email },
      kind: "REVIEW_ASSIGNED",
      eventKey: `review-assigned:${review.id}`,
      organizationId: null,
      title: `Review assigned: ${locked.title}`,
      body: `You have been asked to review "${locked.title}". Score it, or declare a conflict of interest if you have one.`,
      link: `/reviews/${review.id}`,
      createdAt: now,
    });
    return { review, mail };
  }, TX_OPTIONS);
  if (mail) await deliverMail(database, mail);
  return review;
}
