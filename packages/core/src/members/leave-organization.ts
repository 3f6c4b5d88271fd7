import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError, notFound, preconditionFailed } from "../errors";
import { lockOrganization } from "../tenancy/lock-organization";
import type { TenantAccess } from "../tenancy/tenant-access";
import { TX_OPTIONS } from "../transaction";
import { removesLastOwner } from "./role-rules";

/** The caller leaves the organisation; the last owner must hand over ownership first. */
export async function leaveOrganization(tenant: TenantAccess, actor: Actor): Promise<{ ok: true }> {
  const userId = actor.userId;
  if (!userId) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return tenant.db.$transaction(async (tx) => {
    await lockOrganization(tx, tenant.organization.id);
    const own = await tx.membership.findFirst({ where: { userId } });
    if (!own) throw notFound("Organisation");
    if (removesLastOwner(own.role, await tx.membership.count({ where: { role: "OWNER" } }))) {
      throw preconditionFailed(
        "You are the last owner of this organisation. Make another member an owner before you leave.",
      );
    }
    await tx.membership.delete({ where: { id: own.id } });
    await recordAuditEvent(tx, actor, {
      action: "membership.left",
      organizationId: tenant.organization.id,
      targetType: "Membership",
      targetId: own.id,
      data: { userId, role: own.role },
    });
    return { ok: true as const };
  }, TX_OPTIONS);
}
