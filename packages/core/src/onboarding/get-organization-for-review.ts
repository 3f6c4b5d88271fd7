import type { Database } from "@tessera/db";
import { notFound } from "../errors";

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
  return { ...rest, members: memberships };
}
