import { tenantScoped, type Database } from "@tessera/db";
import type { QueueDepth } from "../operations/get-operations-overview";
import { getMe } from "../tenancy/get-me";
import { platformRolesMay } from "../tenancy/permissions";
import { getOperatorHome, type OperatorHome } from "./operator-home";
import { getOrganizationHome, type OrganizationHome } from "./organization-home";
import { getPlatformAdminHome, type PlatformAdminHome } from "./platform-admin-home";
import { getProgrammeAdminHome, type ProgrammeAdminHome } from "./programme-admin-home";
import { getReviewerHome, type ReviewerHome } from "./reviewer-home";

export interface Home {
  user: { id: string; name: string | null; email: string | null; platformRoles: string[] };
  organizations: OrganizationHome[];
  programmeAdmin: ProgrammeAdminHome | null;
  reviewer: ReviewerHome | null;
  operator: (OperatorHome & { queuesReachable: boolean }) | null;
  platformAdmin: PlatformAdminHome | null;
  at: Date;
}

/**
 * Everything the signed-in person's home page shows, by what they are: a member of organisations
 * (each read through its own tenant-scoped client, from the user's own memberships), and each
 * platform role they hold. Roles they do not hold cost nothing.
 */
export async function getHome(
  database: Database,
  userId: string,
  readQueueDepths: () => Promise<QueueDepth[] | null>,
  now: Date = new Date(),
): Promise<Home> {
  const { user, memberships } = await getMe(database, userId);
  const roles = user.platformRoles;
  const [organizations, programmeAdmin, reviewer, operator, platformAdmin] = await Promise.all([
    Promise.all(
      memberships.map(({ organization, role }) =>
        getOrganizationHome(
          { organization, role, db: tenantScoped(database, organization.id) },
          now,
        ),
      ),
    ),
    platformRolesMay(roles, "programmes.manage") ? getProgrammeAdminHome(database, now) : null,
    platformRolesMay(roles, "reviews.perform") ? getReviewerHome(database, user.id) : null,
    platformRolesMay(roles, "operations.manage")
      ? readQueueDepths().then(async (queues) => ({
          ...(await getOperatorHome(database, queues ?? [])),
          queuesReachable: queues !== null,
        }))
      : null,
    platformRolesMay(roles, "organizations.review") ? getPlatformAdminHome(database, now) : null,
  ]);
  return { user, organizations, programmeAdmin, reviewer, operator, platformAdmin, at: now };
}
