import { platformRolesMay } from "@tessera/core";
import type { PlatformRole } from "@tessera/db";
import { programmeRoutes } from "@/components/programmes/paths";
import { routes } from "@/lib/paths";
import { stateAidRoutes } from "./paths";

type Roles = readonly PlatformRole[];

/**
 * Where an organisation's name on the state-aid pages leads. Those who may read every
 * organisation (platform administrators) go to its review page; the others who read these pages
 * (programme administrators) would be refused there, so they go to the organisation's own rows
 * in the ledger, with its standing. `shown` is the ledger address already linked beside the
 * name, or the page itself: no link repeats it, and the name is plain text instead.
 */
export function stateAidOrganisationHref(
  platformRoles: Roles,
  organizationId: string,
  shown: string | null,
): string | null {
  if (platformRolesMay(platformRoles, "organizations.readAll"))
    return routes.adminOrganisation(organizationId);
  const ledger = stateAidRoutes.ledgerFor(organizationId);
  return ledger === shown ? null : ledger;
}

/** The application an award was granted on, for those who may open the programme's pages. */
export function stateAidApplicationHref(
  platformRoles: Roles,
  programmeId: string,
  applicationId: string,
): string | null {
  return platformRolesMay(platformRoles, "applications.manage")
    ? programmeRoutes.adminApplication(programmeId, applicationId)
    : null;
}
