import type { Membership, MembershipRole } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError, notFound, preconditionFailed } from "../errors";
import { lockOrganization } from "../tenancy/lock-organization";
import type { TenantAccess } from "../tenancy/tenant-access";
import { TX_OPTIONS } from "../transaction";
import { roleUnderLock } from "./role-under-lock";
import { LAST_OWNER_MESSAGE, removesLastOwner, roleChangeRefusal } from "./role-rules";

/**
 * Gives a member another role. The organisation row is locked first, so two administrators
 * demoting the last two owners at once cannot both succeed.
 */
export async function changeMemberRole(
  tenant: TenantAccess,
  actor: Actor,
  input: { membershipId: string; role: MembershipRole },
): Promise<Membership> {
  return tenant.db.$transaction(async (tx) => {
    await lockOrganization(tx, tenant.organization.id);
    const role = await roleUnderLock(tx, actor, "members.updateRole");
    const target = await tx.membership.findUnique({ where: { id: input.membershipId } });
    if (!target) throw notFound("Member");
    const refusal = roleChangeRefusal(role, target.role, input.role);
    if (refusal) throw new AppError("FORBIDDEN", refusal);
    if (target.role === input.role) return target;
    if (removesLastOwner(target.role, await tx.membership.count({ where: { role: "OWNER" } }))) {
      throw preconditionFailed(LAST_OWNER_MESSAGE);
    }
    const updated = await tx.membership.update({
      where: { id: target.id },
      data: { role: input.role },
    });
    await recordAuditEvent(tx, actor, {
      action: "membership.role_changed",
      organizationId: tenant.organization.id,
      targetType: "Membership",
      targetId: target.id,
      data: { userId: target.userId, from: target.role, to: input.role },
    });
    return updated;
  }, TX_OPTIONS);
}
