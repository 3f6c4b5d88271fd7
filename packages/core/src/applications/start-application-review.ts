import type { Prisma } from "@tessera/db";
import type { Actor } from "../actor";
import { preconditionFailed } from "../errors";
import { transitionApplication } from "./application-state";
import type { LockedApplication } from "./lock-application";
import { recordApplicationChange, type ApplicationChangeWriter } from "./record-application-change";

/**
 * SUBMITTED → UNDER_REVIEW inside a caller's transaction (assigning the first reviewer does this,
 * and so does the administrator's explicit "start review"). A no-op when already under review.
 */
export async function startApplicationReview(
  tx: ApplicationChangeWriter & Pick<Prisma.TransactionClient, "allocationRequest">,
  actor: Actor,
  locked: LockedApplication,
  now: Date = new Date(),
): Promise<void> {
  if (locked.status === "UNDER_REVIEW") return;
  const transition = transitionApplication(locked.status, "startReview");
  if (!transition.ok) throw preconditionFailed(transition.message);
  await tx.allocationRequest.update({
    where: { id: locked.id },
    data: { status: transition.to, updatedAt: now },
  });
  await recordApplicationChange(tx, actor, {
    application: locked,
    action: "application.review_started",
    from: locked.status,
    to: transition.to,
    at: now,
  });
}
