import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { notFound, preconditionFailed } from "../errors";
import type { TenantAccess } from "../tenancy/tenant-access";
import { TX_OPTIONS } from "../transaction";
import { invitationStatus, unusableInvitationMessage } from "./invitation-status";

/** Withdraws a pending invitation; its link stops working at once. */
export async function revokeInvitation(
  tenant: TenantAccess,
  actor: Actor,
  input: { invitationId: string },
): Promise<{ ok: true }> {
  return tenant.db.$transaction(async (tx) => {
    const now = new Date();
    const revoked = await tx.invitation.updateMany({
      where: { id: input.invitationId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (revoked.count !== 1) {
      const invitation = await tx.invitation.findUnique({ where: { id: input.invitationId } });
      if (!invitation) throw notFound("Invitation");
      const status = invitationStatus(invitation, now);
      throw preconditionFailed(
        status === "ACCEPTED"
          ? "This invitation has already been accepted; remove the member instead."
          : status === "REVOKED"
            ? "This invitation was already withdrawn."
            : unusableInvitationMessage(
                status === "PENDING" ? "REVOKED" : status,
                invitation.expiresAt,
              ),
      );
    }
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { id: input.invitationId } });
    await recordAuditEvent(tx, actor, {
      action: "invitation.revoked",
      organizationId: tenant.organization.id,
      targetType: "Invitation",
      targetId: invitation.id,
      data: { email: invitation.email, role: invitation.role },
    });
    return { ok: true as const };
  }, TX_OPTIONS);
}
