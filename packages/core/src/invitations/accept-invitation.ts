import { tenantScoped, type Database } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError, notFound, preconditionFailed } from "../errors";
import { deliverMail } from "../mail/send-mail";
import { notifyUser } from "../notifications/notify-user";
import { normalizeEmail } from "../tenancy/normalize";
import { isUniqueViolation, TX_OPTIONS } from "../transaction";
import { invitationStatus, unusableInvitationMessage } from "./invitation-status";
import { hashInvitationToken } from "./token";

/**
 * Accepts an invitation for the signed-in user. The invitation is claimed with a conditional
 * update, so a link works exactly once even when it is opened twice at the same moment.
 */
export async function acceptInvitation(
  database: Database,
  actor: Actor,
  token: string,
): Promise<{ organizationId: string }> {
  const userId = actor.userId;
  if (!userId) throw new AppError("UNAUTHENTICATED", "Sign in to accept the invitation.");
  // Looking the token up across organisations is the point: it is how the invitee finds the tenant.
  const invitation = await database.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
  });
  if (!invitation) throw notFound("Invitation");

  const user = await database.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user?.email || normalizeEmail(user.email) !== normalizeEmail(invitation.email)) {
    throw new AppError(
      "FORBIDDEN",
      `This invitation was sent to ${invitation.email}. Sign in with that address to accept it.`,
    );
  }
  const status = invitationStatus(invitation);
  if (status !== "PENDING")
    throw preconditionFailed(unusableInvitationMessage(status, invitation.expiresAt));

  const scoped = tenantScoped(database, invitation.organizationId);
  try {
    const { organizationId, mail } = await scoped.$transaction(async (tx) => {
      const already = await tx.membership.findFirst({ where: { userId }, select: { id: true } });
      if (already) throw new AppError("CONFLICT", "You are already a member of this organisation.");
      const now = new Date();
      const claimed = await tx.invitation.updateMany({
        where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { acceptedAt: now, acceptedById: userId },
      });
      if (claimed.count !== 1) {
        const latest = await tx.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
        const latestStatus = invitationStatus(latest, now);
        throw preconditionFailed(
          unusableInvitationMessage(
            latestStatus === "PENDING" ? "ACCEPTED" : latestStatus,
            latest.expiresAt,
          ),
        );
      }
      const membership = await tx.membership.create({
        data: { organizationId: invitation.organizationId, userId, role: invitation.role },
      });
      await recordAuditEvent(tx, actor, {
        action: "invitation.accepted",
        organizationId: invitation.organizationId,
        targetType: "Invitation",
        targetId: invitation.id,
        data: { email: invitation.email, role: invitation.role, membershipId: membership.id },
      });
      // One after another: a transaction's queries share one connection, which runs one at a time.
      const inviter = await tx.user.findUniqueOrThrow({
        where: { id: invitation.invitedById },
        select: { id: true, email: true },
      });
      const joiner = await tx.user.findUniqueOrThrow({
        where: { id: userId },
        select: { name: true, email: true },
      });
      const organization = await tx.organization.findUniqueOrThrow({
        where: { id: invitation.organizationId },
        select: { name: true },
      });
      const who = joiner.name ?? joiner.email ?? invitation.email;
      const notice = await notifyUser(tx, {
        user: inviter,
        kind: "INVITATION_ACCEPTED",
        eventKey: `invitation-accepted:${invitation.id}`,
        organizationId: invitation.organizationId,
        title: `${who} joined ${organization.name}`,
        body: `${who} accepted your invitation and is now a member of ${organization.name}.`,
        link: `/orgs/${invitation.organizationId}/members`,
      });
      return { organizationId: invitation.organizationId, mail: notice.mail };
    }, TX_OPTIONS);
    if (mail) await deliverMail(database, mail);
    return { organizationId };
  } catch (error) {
    // The user joined by another route between our check and the insert.
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", "You are already a member of this organisation.");
    throw error;
  }
}
