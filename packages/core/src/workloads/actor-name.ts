import type { Actor } from "../actor";
import type { TenantTransaction } from "../tenancy/tenant-access";

/**
 * How a workload's timeline names the person acting, as the portal names people elsewhere (the
 * jobs list, the audit log): by name, by address only when they have none, "a member" when
 * neither is known.
 */
export async function actorName(
  tx: Pick<TenantTransaction, "user">,
  actor: Actor,
): Promise<string> {
  const person = actor.userId
    ? await tx.user.findUnique({ where: { id: actor.userId }, select: { name: true } })
    : null;
  return person?.name ?? actor.email ?? "a member";
}
