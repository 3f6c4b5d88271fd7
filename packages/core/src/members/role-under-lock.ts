import type { MembershipRole } from "@tessera/db";
import type { Actor } from "../actor";
import { AppError, notFound } from "../errors";
import type { TenantTransaction } from "../tenancy/tenant-access";
import { roleMay, roleRefusal, type OrganizationAction } from "../tenancy/permissions";

/**
 * The caller's role as it is now, read inside the transaction that holds the organisation's row
 * lock. The tenant procedure checked the role before the lock was taken; two owners demoting each
 * other at the same moment, or an administrator removed while a request of theirs waits for the
 * lock, must be judged by what they are when their change is made, not by what they were.
 */
export async function roleUnderLock(
  tx: TenantTransaction,
  actor: Actor,
  action: OrganizationAction,
): Promise<MembershipRole> {
  const me = actor.userId
    ? await tx.membership.findFirst({ where: { userId: actor.userId }, select: { role: true } })
    : null;
  if (!me) throw notFound("Organisation");
  if (!roleMay(me.role, action)) {
    throw new AppError("FORBIDDEN", roleRefusal(me.role));
  }
  return me.role;
}
