import type { Database } from "@tessera/db";
import { notFound } from "../errors";
import { identityKey } from "../tenancy/normalize";

/** How many organisations of one country are compared for look-alikes (a national registry). */
const LOOKALIKE_SCAN_LIMIT = 20_000;

/**
 * Other organisations of the same country with the same registry number or name once case,
 * spacing, invisible characters and compatibility forms are set aside: possible duplicates
 * registered before such characters were removed on entry, or the same company twice.
 */
async function findLookalikes(
  database: Database,
  organization: { id: string; country: string; name: string; registryId: string },
) {
  const registry = identityKey(organization.registryId);
  const name = identityKey(organization.name);
  const others = await database.organization.findMany({
    where: { country: organization.country, id: { not: organization.id } },
    select: { id: true, name: true, registryId: true, status: true },
    orderBy: { createdAt: "asc" },
    take: LOOKALIKE_SCAN_LIMIT,
  });
  return others
    .map((other) => ({
      ...other,
      sameRegistryId: identityKey(other.registryId) === registry,
      sameName: identityKey(other.name) === name,
    }))
    .filter((other) => other.sameRegistryId || other.sameName)
    .slice(0, 10);
}

/** One organisation with its creator, members and undertaking group, for the administrator deciding on it. */
export async function getOrganizationForReview(database: Database, organizationId: string) {
  const organization = await database.organization.findUnique({
    where: { id: organizationId },
    include: {
      createdBy: { select: { name: true, email: true } },
      stateAidGroup: { select: { id: true, name: true, country: true, registryId: true } },
      memberships: {
        orderBy: { createdAt: "asc" },
        select: { role: true, user: { select: { name: true, email: true } } },
      },
    },
  });
  if (!organization) throw notFound("Organisation");
  const { memberships, ...rest } = organization;
  return {
    ...rest,
    members: memberships,
    lookalikes: await findLookalikes(database, organization),
  };
}
