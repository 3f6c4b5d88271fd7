import type { Database } from "@tessera/db";
import type { Actor } from "../actor";
import { AppError, preconditionFailed } from "../errors";
import { deliverMail } from "../mail/send-mail";
import { TX_OPTIONS } from "../transaction";
import { transitionApplication } from "./application-state";
import { refuseMemberOfApplicant } from "./decision-rules";
import { lockApplication } from "./lock-application";
import { notifyApplicant } from "./notify-applicant";
import { recordApplicationChange } from "./record-application-change";
import { cleanText, visibleLength } from "../tenancy/normalize";

export const DECISION_REASON_MIN = 10;
export const DECISION_REASON_MAX = 4000;

/**
 * Why a reason for rejecting an application or asking for changes is refused, in words the
 * administrator can act on: that it is required, how long it must be, and who reads it.
 */
export const decisionReasonMessages = {
  empty: `Write a reason: it is required, at least ${DECISION_REASON_MIN} characters, and the applicant will read it.`,
  tooShort: (given: number) =>
    `Write a reason of at least ${DECISION_REASON_MIN} characters (you wrote ${given}); the applicant will read it, so say what to change or why.`,
  tooLong: (given: number) =>
    `Shorten the reason to at most ${DECISION_REASON_MAX} characters (it has ${given}); the applicant will read it.`,
};

/** The refusal for a reason that will not do, or null when it will. */
export function decisionReasonProblem(reason: string): string | null {
  const given = visibleLength(reason);
  if (given === 0) return decisionReasonMessages.empty;
  if (given < DECISION_REASON_MIN) return decisionReasonMessages.tooShort(given);
  const length = cleanText(reason).length;
  if (length > DECISION_REASON_MAX) return decisionReasonMessages.tooLong(length);
  return null;
}

const OUTCOME = {
  reject: {
    action: "application.rejected",
    title: (title: string) => `Application rejected: ${title}`,
    lead: "was not approved.",
    final: true,
  },
  requestChanges: {
    action: "application.changes_requested",
    title: (title: string) => `Changes requested: ${title}`,
    lead: "needs changes before the review can go on. Edit the application and submit it again.",
    final: false,
  },
} as const;

/**
 * An administrator rejects an application, or sends it back for changes, with a reason the
 * applicant sees. Shared by rejectApplication and requestApplicationChanges.
 */
export async function closeApplication(
  database: Database,
  actor: Actor,
  input: { applicationId: string; reason: string },
  decision: keyof typeof OUTCOME,
  now: Date = new Date(),
): Promise<{ applicationId: string }> {
  const problem = decisionReasonProblem(input.reason);
  if (problem) throw new AppError("INVALID", problem);
  const reason = cleanText(input.reason);
  const outcome = OUTCOME[decision];
  const mail = await database.$transaction(async (tx) => {
    const locked = await lockApplication(tx, input.applicationId, null);
    const transition = transitionApplication(locked.status, decision);
    if (!transition.ok) throw preconditionFailed(transition.message);
    const organization = await tx.organization.findUniqueOrThrow({
      where: { id: locked.organizationId },
      select: { name: true },
    });
    await refuseMemberOfApplicant(
      tx,
      actor.userId,
      locked.organizationId,
      `You are a member of ${organization.name}, so another administrator must decide on this application.`,
    );
    await tx.allocationRequest.update({
      where: { id: locked.id },
      data: {
        status: transition.to,
        decisionNote: reason,
        updatedAt: now,
        ...(outcome.final ? { decidedAt: now, decidedById: actor.userId } : {}),
      },
    });
    const message = await notifyApplicant(tx, locked, now, {
      title: outcome.title(locked.title),
      body: `"${locked.title}" ${outcome.lead}\nReason: ${reason}`,
    });
    await recordApplicationChange(tx, actor, {
      application: locked,
      action: outcome.action,
      from: locked.status,
      to: transition.to,
      note: reason,
      at: now,
    });
    return message;
  }, TX_OPTIONS);
  if (mail) await deliverMail(database, mail);
  return { applicationId: input.applicationId };
}
