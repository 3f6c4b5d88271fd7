import type { TenantAccess } from "../tenancy/tenant-access";

/** The organisation's members, oldest first. */
export async function listMembers(tenant: TenantAccess) {
  return tenant.db.membership.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true } },
    },
  });
}
