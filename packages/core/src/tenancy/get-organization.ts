import type { TenantAccess } from "./tenant-access";

/** The caller's organisation with their role in it and how many members it has. */
export async function getOrganization(tenant: TenantAccess) {
  const [organization, memberCount] = await Promise.all([
    tenant.db.organization.findUniqueOrThrow({ where: { id: tenant.organization.id } }),
    tenant.db.membership.count(),
  ]);
  return { ...organization, role: tenant.role, memberCount };
}
