import { notFound } from "../errors";
import type { TenantAccess } from "../tenancy/tenant-access";
import type { ProgrammeForOrganization } from "./browse-programmes";
import { organizationStandings } from "./organization-eligibility";
import { PROGRAMME_WITH_CALLS, toProgrammeView } from "./programme-view";

/** One programme with the caller's organisation's eligibility and cap standing. */
export async function getProgrammeForOrganization(
  tenant: TenantAccess,
  programmeId: string,
  now: Date = new Date(),
): Promise<ProgrammeForOrganization> {
  const programme = await tenant.db.programme.findUnique({
    where: { id: programmeId },
    include: PROGRAMME_WITH_CALLS,
  });
  if (!programme) throw notFound("Programme");
  const organization = await tenant.db.organization.findUniqueOrThrow({
    where: { id: tenant.organization.id },
  });
  const standings = await organizationStandings(tenant.db, organization, [programme]);
  return { ...toProgrammeView(programme, now), ...standings.get(programme.id)! };
}
