import type { TenantAccess } from "../tenancy/tenant-access";
import { invitationStatus } from "./invitation-status";

const LIST_LIMIT = 200;

/** The organisation's most recent invitations with their derived status, newest first. */
export async function listInvitations(tenant: TenantAccess) {
  const rows = await tenant.db.invitation.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      createdAt: true,
      acceptedAt: true,
      revokedAt: true,
      invitedBy: { select: { name: true, email: true } },
    },
  });
  const now = new Date();
  return rows.map(({ acceptedAt, revokedAt, ...row }) => ({
    ...row,
    status: invitationStatus({ acceptedAt, revokedAt, expiresAt: row.expiresAt }, now),
  }));
}
