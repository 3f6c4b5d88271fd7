import { serverEnv } from "@tessera/config";
import { tenantScoped, type Database, type Organization } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError, preconditionFailed } from "../errors";
import { deliverMail, recordMail } from "../mail/send-mail";
import { verificationDecisionMail } from "../mail/templates";
import { notifyUser } from "../notifications/notify-user";
import { cleanText, normalizeEmail, visibleLength } from "../tenancy/normalize";
import { lockOrganization } from "../tenancy/lock-organization";
import { TX_OPTIONS } from "../transaction";
import { transitionVerification } from "./verification-state";

export const REVIEW_REASON_MIN = 10;
export const REVIEW_REASON_MAX = 1000;

type Decision = "verify" | "reject" | "suspend";

const OUTCOME = {
  verify: { action: "organization.verified", word: "verified" },
  reject: { action: "organization.rejected", word: "rejected" },
  suspend: { action: "organization.suspended", word: "suspended" },
} as const;

function checkReason(decision: Decision, reason: string | undefined): string | null {
  if (decision === "verify") return null;
  const text = cleanText(reason ?? "");
  if (visibleLength(text) < REVIEW_REASON_MIN || text.length > REVIEW_REASON_MAX) {
    throw new AppError(
      "INVALID",
      `Give a reason of ${REVIEW_REASON_MIN} to ${REVIEW_REASON_MAX} characters; the organisation's members will see it.`,
    );
  }
  return text;
}

/**
 * A platform administrator's decision on an organisation. The status change, the audit event and
 * the notice to the organisation's contact are one transaction. `now`: when (now by default).
 */
export async function reviewOrganization(
  database: Database,
  actor: Actor,
  organizationId: string,
  decision: Decision,
  reason?: string,
  now: Date = new Date(),
): Promise<Organization> {
  const statusReason = checkReason(decision, reason);
  const scoped = tenantScoped(database, organizationId);
  const { organization, mails } = await scoped.$transaction(async (tx) => {
    await lockOrganization(tx, organizationId);
    const current = await tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
    if (actor.userId && (await tx.membership.count({ where: { userId: actor.userId } })) > 0) {
      throw new AppError(
        "FORBIDDEN",
        "You are a member of this organisation, so another administrator must review it.",
      );
    }
    const transition = transitionVerification(current.status, decision);
    if (!transition.ok) throw preconditionFailed(transition.message);
    const updated = await tx.organization.update({
      where: { id: organizationId },
      data: {
        status: transition.to,
        statusReason,
        reviewedAt: now,
        reviewedById: actor.userId,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: OUTCOME[decision].action,
      organizationId,
      targetType: "Organization",
      targetId: organizationId,
      data: {
        from: current.status,
        to: transition.to,
        ...(statusReason ? { reason: statusReason } : {}),
      },
      occurredAt: now,
    });
    if (decision === "verify") {
      // Each Slurm cluster gets the tenant's account and GrpTRES limit now, not at the first launch
      // (the launch would do it too): the worker tier provisions from these events.
      const clusters = await tx.cluster.findMany({
        where: { active: true, kind: "SLURM" },
        select: { id: true },
      });
      if (clusters.length > 0) {
        await tx.outboxEvent.createMany({
          data: clusters.map((cluster) => ({
            type: "tenant.provision",
            aggregateId: organizationId,
            payload: { organizationId, clusterId: cluster.id },
          })),
        });
      }
    }
    const mail = verificationDecisionMail({
      to: current.contactEmail,
      organizationName: current.name,
      decision: OUTCOME[decision].word,
      reason: statusReason,
      link: `${serverEnv().APP_URL}/orgs/${organizationId}`,
    });
    // The owners and administrators hear of it in the portal (and by mail, as each chose); the
    // organisation's contact is mailed too when they are not one of them.
    const managers = await tx.membership.findMany({
      where: { role: { in: ["OWNER", "ADMIN"] } },
      select: { user: { select: { id: true, email: true } } },
    });
    const mails = [];
    for (const { user } of managers) {
      const notice = await notifyUser(tx, {
        user,
        kind: "ORGANIZATION_STATUS",
        eventKey: `organization-${OUTCOME[decision].word}:${organizationId}:${updated.reviewedAt?.getTime() ?? 0}`,
        organizationId,
        title: mail.subject,
        body: mail.text.replace(/\n+\S+$/, ""),
        link: `/orgs/${organizationId}`,
        createdAt: now,
      });
      if (notice.mail) mails.push(notice.mail);
    }
    const contact = normalizeEmail(current.contactEmail);
    if (!managers.some(({ user }) => user.email && normalizeEmail(user.email) === contact)) {
      mails.push(await recordMail(tx, mail));
    }
    return { organization: updated, mails };
  }, TX_OPTIONS);
  for (const mail of mails) await deliverMail(database, mail);
  return organization;
}
