import { platformRolesMay, type AuditTarget } from "@tessera/core";
import { programmeRoutes } from "@/components/programmes/paths";
import { routes } from "@/lib/paths";
import type { Viewer } from "@/lib/viewer";

/**
 * Which audit page the link is on. Where the viewer could open both an administrator's page and
 * a member's page for the same target, the platform log prefers the first, an organisation's
 * log the second.
 */
export type AuditScope = "platform" | "tenant";

export interface AuditTargetRef {
  targetType: string;
  targetId: string | null;
  organizationId: string | null;
  target: AuditTarget | null;
}

/** The administrators' page for an organisation, for those who may read every organisation. */
export function adminOrganisationHref(viewer: Viewer, organizationId: string): string | null {
  return platformRolesMay(viewer.platformRoles, "organizations.readAll")
    ? routes.adminOrganisation(organizationId)
    : null;
}

/**
 * Where an audit event's target can be seen by this viewer, or null when it has no page, no
 * longer exists, or its page would refuse them (tenant pages answer 404 to non-members, admin
 * pages "no access" to those without the role). Null targets are shown as plain text.
 */
export function auditTargetHref(
  viewer: Viewer,
  scope: AuditScope,
  event: AuditTargetRef,
): string | null {
  const { targetId, target } = event;
  if (!targetId || !target) return null;
  const organizationId = target.organizationId ?? event.organizationId;
  const may = (action: Parameters<typeof platformRolesMay>[1]) =>
    platformRolesMay(viewer.platformRoles, action);
  // The target's organisation, when the viewer is a member of it (tenant pages are theirs).
  const own = organizationId && viewer.memberOf.has(organizationId) ? organizationId : null;
  const prefer = (admin: string | null, tenant: string | null) =>
    scope === "platform" ? (admin ?? tenant) : (tenant ?? admin);
  switch (event.targetType) {
    case "Organization":
      return prefer(
        adminOrganisationHref(viewer, targetId),
        viewer.memberOf.has(targetId) ? routes.organisation(targetId) : null,
      );
    case "Project":
      return own ? routes.projects(own) : null;
    case "Workload":
      return own ? routes.job(own, targetId) : null;
    case "ApiKey":
      return own ? routes.apiKeys(own) : null;
    case "Invitation":
    case "Membership":
      return own ? routes.members(own) : null;
    case "AllocationRequest":
    case "Review": {
      const { applicationId, programmeId } = target;
      if (!applicationId) return null;
      return prefer(
        programmeId && may("applications.manage")
          ? programmeRoutes.adminApplication(programmeId, applicationId)
          : null,
        own ? programmeRoutes.application(own, applicationId) : null,
      );
    }
    case "Programme":
    case "ProgrammeCall":
      return target.programmeId && may("programmes.manage")
        ? programmeRoutes.adminProgramme(target.programmeId)
        : null;
    case "Cluster":
      return may("catalogue.read") ? programmeRoutes.cluster(targetId) : null;
    case "ResourceClass":
      return may("catalogue.read") ? programmeRoutes.resourceClass(targetId) : null;
    case "JobTemplate":
      return may("catalogue.read") ? routes.jobTemplate(targetId) : null;
    default:
      return null;
  }
}
