import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError, notFound, preconditionFailed } from "../errors";
import { lockOrganization } from "../tenancy/lock-organization";
import type { TenantAccess } from "../tenancy/tenant-access";
import { TX_OPTIONS } from "../transaction";
import { roleUnderLock } from "./role-under-lock";
import { LAST_OWNER_MESSAGE, removesLastOwner, roleChangeRefusal } from "./role-rules";

/** Removes a member; the last owner cannot be removed (decided under the organisation row lock). */
export async function removeMember(
  tenant: TenantAccess,
  actor: Actor,
  input: { membershipId: string },
): Promise<{ ok: true }> {
  return tenant.db.$transaction(async (tx) => {
    await lockOrganization(tx, tenant.organization.id);
    const role = await roleUnderLock(tx, actor, "members.remove");
    const target = await tx.membership.findUnique({ where: { id: input.membershipId } });
    if (!target) throw notFound("Member");
    const refusal = roleChangeRefusal(role, target.role, null);
    if (refusal) throw new AppError("FORBIDDEN", refusal);
    if (removesLastOwner(target.role, await tx.membership.count({ where: { role: "OWNER" } }))) {
      throw preconditionFailed(LAST_OWNER_MESSAGE);
    }
    await tx.membership.delete({ where: { id: target.id } });
    await recordAuditEvent(tx, actor, {
      action: "membership.removed",
      organizationId: tenant.organization.id,
      targetType: "Membership",
      targetId: target.id,
      data: { userId: target.userId, role: target.role },
    });
    return { ok: true as const };
  }, TX_OPTIONS);
}
