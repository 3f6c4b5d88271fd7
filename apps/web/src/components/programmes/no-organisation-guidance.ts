import type { PlatformRole } from "@tessera/db";
import { tp } from "@/i18n";
import { routes } from "@/lib/paths";
import { programmeRoutes } from "./paths";

export interface NoOrganisationGuidance {
  title: string;
  action: { label: string; href: string };
}

/**
 * What the public Programmes page says to someone who belongs to no organisation. Applicants
 * apply through an organisation, so they are asked to create or join one; a programme
 * administrator runs programmes rather than applying to them, so she is sent to her own pages,
 * not pushed to register an organisation she does not need.
 */
export function noOrganisationGuidance(
  platformRoles: readonly PlatformRole[],
): NoOrganisationGuidance {
  const p = tp.programmes;
  if (platformRoles.includes("PROGRAM_ADMIN")) {
    return {
      title: p.noOrganisationProgrammeAdmin,
      action: { label: p.manageProgrammes, href: programmeRoutes.adminProgrammes },
    };
  }
  return {
    title: p.noOrganisation,
    action: { label: p.createOrganisation, href: routes.onboarding },
  };
}
