import { serverEnv } from "@tessera/config";
import type { Invitation, MembershipRole } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { deliverMail, recordMail } from "../mail/send-mail";
import { invitationMail } from "../mail/templates";
import { roleChangeRefusal } from "../members/role-rules";
import { lockOrganization } from "../tenancy/lock-organization";
import { normalizeEmail } from "../tenancy/normalize";
import type { TenantAccess } from "../tenancy/tenant-access";
import { TX_OPTIONS } from "../transaction";
import { createInvitationToken } from "./token";

export interface InviteMemberResult {
  invitation: Invitation;
  /** The secret for the link; mailed, never stored. Callers must not send it to the browser. */
  token: string;
}

/**
 * Invites an email address to the organisation and mails a single-use link. Inviting an address
 * that already has a pending invitation replaces it: the old link stops working.
 */
export async function inviteMember(
  tenant: TenantAccess,
  actor: Actor,
  input: { email: string; role: MembershipRole },
): Promise<InviteMemberResult> {
  const inviterId = actor.userId;
  if (!inviterId) throw new AppError("UNAUTHENTICATED", "Sign in to invite someone.");
  const refusal = roleChangeRefusal(tenant.role, null, input.role);
  if (refusal) throw new AppError("FORBIDDEN", refusal);
  const email = normalizeEmail(input.email);
  const env = serverEnv();
  const { token, tokenHash } = createInvitationToken();

  const { invitation, mail } = await tenant.db.$transaction(async (tx) => {
    // Serialises invitations per organisation, so two concurrent invitations to one address
    // cannot both stay pending.
    await lockOrganization(tx, tenant.organization.id);
    const existing = await tx.membership.findFirst({
      where: { user: { email: { equals: email, mode: "insensitive" } } },
      select: { id: true },
    });
    if (existing)
      throw new AppError("CONFLICT", `${email} is already a member of this organisation.`);

    const now = new Date();
    const replaced = await tx.invitation.findMany({
      where: { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      select: { id: true },
    });
    if (replaced.length) {
      await tx.invitation.updateMany({
        where: { id: { in: replaced.map((row) => row.id) } },
        data: { revokedAt: now },
      });
      for (const old of replaced) {
        await recordAuditEvent(tx, actor, {
          action: "invitation.revoked",
          organizationId: tenant.organization.id,
          targetType: "Invitation",
          targetId: old.id,
          data: { email, reason: "replaced by a new invitation" },
        });
      }
    }

    const expiresAt = new Date(now.getTime() + env.INVITATION_TTL_HOURS * 3_600_000);
    const created = await tx.invitation.create({
      data: {
        organizationId: tenant.organization.id,
        email,
        role: input.role,
        tokenHash,
        expiresAt,
        invitedById: inviterId,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "invitation.created",
      organizationId: tenant.organization.id,
      targetType: "Invitation",
      targetId: created.id,
      data: { email, role: input.role, expiresAt: expiresAt.toISOString() },
    });
    const inviter = await tx.user.findUnique({
      where: { id: inviterId },
      select: { name: true, email: true },
    });
    const message = await recordMail(
      tx,
      invitationMail({
        to: email,
        organizationName: tenant.organization.name,
        inviterName: inviter?.name ?? inviter?.email ?? "A colleague",
        role: input.role,
        link: `${env.APP_URL}/invitations/${token}`,
        expiresAt,
      }),
    );
    return { invitation: created, mail: message };
  }, TX_OPTIONS);

  await deliverMail(tenant.db, mail);
  return { invitation, token };
}
